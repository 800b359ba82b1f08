package dev.migrate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.testing.Cli;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On-premises ranges given to {@code assess} and {@code whatif} ({@code --on-premises}) or to a scenario
 * ({@code network.onPremises}): the sample's admin VPN comes from the office at 192.168.10.0/24. With the range
 * declared, the dependency graph of the report shows that traffic as on-premises (not as a private network outside
 * the VPCs), and the what-if counts the bastion's and the reporting box's traffic with the office as crossing the
 * link while they run on Google Cloud and the office is still reached through AWS.
 */
class OnPremisesRangesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final String OFFICE = "192.168.10.0/24";

  @TempDir
  Path dir;

  @Test
  void theOfficeRangeReachesTheGroupsAndTheCrossingTrafficOfTheProposedPlan() throws Exception {
    JsonNode without = assess("without");
    JsonNode with = assess("with", "--on-premises", OFFICE);

    // The report's dependency graph: the office's flows leave "other-private" for "on-premises".
    assertTrue(places(without).contains("other-private"), places(without)::toString);
    assertFalse(places(without).contains("on-premises"), places(without)::toString);
    assertTrue(places(with).contains("on-premises"), places(with)::toString);
    assertFalse(places(with).contains("other-private"), places(with)::toString);
    assertTrue(assumptionNames(with).contains("on-premises ranges (VPN or Direct Connect)"), () -> assumptionNames(with).toString());
    assertFalse(assumptionNames(without).contains("on-premises ranges (VPN or Direct Connect)"));

    // The proposed plan's months: while the bastion and the reporting box run on Google Cloud and AWS still runs,
    // their traffic with the office crosses the link, measured; nothing changes before the first move.
    JsonNode m0 = months(without);
    JsonNode m1 = months(with);
    assertEquals(m0.size(), m1.size());
    BigDecimal extraGib = BigDecimal.ZERO;
    BigDecimal extraUsd = BigDecimal.ZERO;
    for (int i = 0; i < m0.size(); i++) {
      BigDecimal g = m1.get(i).get("measuredCrossingGib").decimalValue()
          .subtract(m0.get(i).get("measuredCrossingGib").decimalValue());
      BigDecimal usd = m1.get(i).get("interCloudTrafficUsd").decimalValue()
          .subtract(m0.get(i).get("interCloudTrafficUsd").decimalValue());
      assertTrue(g.signum() >= 0 && usd.signum() >= 0, "month " + i + ": " + g + " GiB, " + usd + " USD");
      extraGib = extraGib.add(g);
      extraUsd = extraUsd.add(usd);
    }
    assertEquals(0, m1.get(0).get("totalUsd").decimalValue().compareTo(m0.get(0).get("totalUsd").decimalValue()));
    assertTrue(extraGib.signum() > 0, "some month crosses the office's traffic");
    assertTrue(extraUsd.signum() > 0, "and prices it");
    // At most the office's whole traffic (268 MiB a day, about 7.96 GiB a month) in each month of the migration.
    BigDecimal perMonth = BigDecimal.valueOf(268L << 20).divide(BigDecimal.valueOf(1L << 30), MathContext.DECIMAL64)
        .multiply(BigDecimal.valueOf(730)).divide(BigDecimal.valueOf(24), MathContext.DECIMAL64);
    assertTrue(extraGib.compareTo(perMonth.multiply(BigDecimal.valueOf(m1.size()))) <= 0, extraGib::toString);
  }

  @Test
  void aScenarioNamesItsOwnRangesOrNone() throws Exception {
    Path site = dir.resolve("site.yaml");
    Files.writeString(site, """
        name: office-site
        waves:
          - name: all
            month: 0
            select: {rest: true}
        network:
          onPremises: [192.168.10.0/24]
        """);
    Path none = dir.resolve("none.yaml");
    Files.writeString(none, """
        name: no-site
        waves:
          - name: all
            month: 0
            select: {rest: true}
        network:
          onPremises: []
        """);
    Cli.Run r = Cli.run(CLOCK, "whatif", "--sample", "--on-premises", "10.99.0.0/16", "--scenario", site.toString(),
        "--scenario", none.toString(), "--out", dir.resolve("s").toString(), "--format", "json");
    assertEquals(0, r.code(), r::toString);
    JsonNode a = json(dir.resolve("s"));
    BigDecimal siteGib = BigDecimal.ZERO;
    BigDecimal noneGib = BigDecimal.ZERO;
    for (JsonNode t : a.get("timelines")) {
      for (JsonNode mo : t.get("months")) {
        if (t.get("scenario").asText().equals("office-site")) {
          siteGib = siteGib.add(mo.get("measuredCrossingGib").decimalValue());
        } else {
          noneGib = noneGib.add(mo.get("measuredCrossingGib").decimalValue());
        }
      }
    }
    // One wave moves everything: units cross with each other only in the double-running month; the office's
    // traffic crosses whenever AWS runs and the units run on Google Cloud, so the scenario with the site crosses more.
    assertTrue(siteGib.compareTo(noneGib) > 0, siteGib + " vs " + noneGib);
  }

  @Test
  void aRangeThatIsNotACidrBlockIsAOneLineError() throws Exception {
    Cli.Run r = Cli.run(CLOCK, "assess", "--sample", "--on-premises", "192.168.10/24", "--out", dir.toString());
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().lines().findFirst().orElse("").contains("--on-premises '192.168.10/24'"), r::toString);
    assertFalse(r.err().contains("Exception"), r::toString);

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: bad\nnetwork:\n  onPremises: [192.168.10.0/33]\n");
    Cli.Run s = Cli.run(CLOCK, "whatif", "--sample", "--scenario", bad.toString(), "--out", dir.toString());
    assertTrue(s.code() != 0, s::toString);
    assertTrue(s.err().contains(bad + ":3:16"), s::toString);
    assertTrue(s.err().contains("192.168.10.0/33"), s::toString);
  }

  private JsonNode assess(String name, String... more) throws Exception {
    Path out = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("assess", "--sample", "--out", out.toString(), "--format", "json"));
    args.addAll(List.of(more));
    Cli.Run r = Cli.run(CLOCK, args.toArray(String[]::new));
    assertEquals(0, r.code(), r::toString);
    return json(out);
  }

  private static JsonNode json(Path out) throws Exception {
    try (var files = Files.list(out)) {
      Path json = files.filter(p -> p.getFileName().toString().startsWith("assessment-")).findFirst().orElseThrow();
      return JSON.readTree(json.toFile());
    }
  }

  /** The places the dependency graph's group links reach. */
  private static List<String> places(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.get("dependencies").get("groupLinks").forEach(l -> {
      for (String side : List.of("a", "b")) {
        if (l.has(side) && !l.get(side).asText().matches("G\\d+") && !out.contains(l.get(side).asText())) {
          out.add(l.get(side).asText());
        }
      }
    });
    return out;
  }

  private static List<String> assumptionNames(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.get("assumptions").forEach(x -> out.add(x.get("name").asText()));
    return out;
  }

  private static JsonNode months(JsonNode a) {
    return a.get("timelines").get(0).get("months");
  }
}
