package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrate.testing.Cli;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assess --sample --gke-mode autopilot}: the sample's workloads run in asia-northeast1, where the
 * book has no Autopilot Pod price. They are priced from us-central1 (the nearest region with the
 * price), marked estimated and counted in the total; nothing Autopilot is left out, and every output
 * shows the estimated share.
 */
class AssessSampleAutopilotTest {
  @Test
  void autopilotPodsAreEstimatedFromTheNearestRegionAndCounted(@TempDir Path out) throws Exception {
    Cli.Run run = AssessSampleTest.migrate("assess", "--sample", "--gke-mode", "autopilot", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode json = AssessSampleTest.JSON.readTree(out.resolve("assessment-481516234200-2026-11-25.json").toFile());
    for (JsonNode m : json.get("missingPrices")) {
      assertTrue(!m.get("priceKey").asText().contains("autopilot"), "an Autopilot price fell out: " + m);
    }
    BigDecimal estimated = BigDecimal.ZERO;
    int lines = 0;
    // every estimated line of either side (the sample's Cloud SQL and RDS storage outside the book's regions too)
    BigDecimal estimatedGcp = BigDecimal.ZERO;
    int estimatedLines = 0;
    for (JsonNode l : json.get("costLines")) {
      if (l.get("estimated").asBoolean()) {
        estimatedLines++;
        if (l.get("phase").asText().equals("TARGET")) {
          estimatedGcp = estimatedGcp.add(l.get("monthlyUsd").decimalValue());
        }
      }
      if (l.get("priceKey").asText().startsWith("gcp/gke/autopilot-")) {
        assertTrue(l.get("estimated").asBoolean(), l.toString());
        assertTrue(l.get("priceKey").asText().endsWith("/asia-northeast1"), l.toString());
        assertTrue(l.get("priceSource").asText().startsWith("estimated from us-central1 (nearest region with this price, 9,763 km"),
            l.get("priceSource").asText());
        estimated = estimated.add(l.get("monthlyUsd").decimalValue());
        lines++;
      }
    }
    assertEquals(18, lines, "9 workloads x vCPU and memory");
    JsonNode totals = json.get("totals");
    assertEquals(0, estimatedGcp.compareTo(totals.get("estimatedUsd").get("gcp").decimalValue()));
    assertTrue(estimatedGcp.compareTo(estimated) >= 0, "the Autopilot estimates are part of the estimated share");
    assertEquals(estimatedLines, totals.get("estimatedUsd").get("lines").asInt());
    // the estimate is inside the Google Cloud total, and the console says how much of it is estimated
    assertTrue(totals.get("gcpMonthlyUsd").decimalValue().compareTo(estimated) > 0);
    assertTrue(run.out().contains("Estimated prices (nearest region that has the price, in the totals): " + estimatedLines + " cost lines"),
        run.out());
    // Cloud Armor Standard has no sourced price anywhere: still missing, so the saving is marked as a bound.
    assertTrue(totals.get("savingsBound").asText().startsWith("upper bound: 3 Google Cloud component(s) not priced"), totals.toString());
    assertTrue(run.out().contains("<= "), run.out());
  }
}
