package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.testing.Cli;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bill with services the model does not know: the sample estate plus 4,200 USD of OpenSearch and 900 USD
 * of DynamoDB in October (the sample's own RDS and ElastiCache are modelled). "AWS today" must stand for that whole bill month (within 5%), and the console
 * must name what it carried and how much.
 */
class WholeBillAssessTest {
  @TempDir Path dir;

  @Test
  void servicesTheModelDoesNotKnowAreCarriedAndNamed() throws Exception {
    ObjectNode snapshot = (ObjectNode) AssessSampleTest.JSON.readTree(Path.of("sample-data/tableapp/snapshot.json").toFile());
    ObjectNode october = null;
    for (JsonNode m : snapshot.get("billing").get("months")) {
      if (m.get("month").asText().equals("2026-10")) {
        october = (ObjectNode) m;
      }
    }
    assertTrue(october != null && !october.get("estimated").asBoolean(), "the sample's October is a complete month");
    BigDecimal sampleBill = BigDecimal.ZERO;
    for (JsonNode s : october.get("services")) {
      sampleBill = sampleBill.add(s.get("amountUsd").decimalValue());
    }
    ArrayNode services = (ArrayNode) october.get("services");
    services.addObject().put("service", "Amazon DynamoDB").put("amountUsd", new BigDecimal("900.00"));
    services.addObject().put("service", "Amazon OpenSearch Service").put("amountUsd", new BigDecimal("4200.00"));
    if (october.has("usageLines")) {
      ArrayNode lines = (ArrayNode) october.get("usageLines");
      lines.addObject().put("service", "Amazon DynamoDB").put("usageType", "APN1-ReadCapacityUnit-Hrs")
          .put("region", "ap-northeast-1").put("amountUsd", new BigDecimal("900.00")).put("quantity", new BigDecimal("6072874"))
          .put("unit", "ReadCapacityUnit-Hrs");
      lines.addObject().put("service", "Amazon OpenSearch Service").put("usageType", "APN1-ESInstance:r6g.2xlarge.search")
          .put("region", "ap-northeast-1").put("amountUsd", new BigDecimal("4200.00")).put("quantity", new BigDecimal("3720"))
          .put("unit", "Hrs");
    }
    Path file = dir.resolve("snapshot.json");
    AssessSampleTest.JSON.writeValue(file.toFile(), snapshot);
    Path out = Files.createDirectories(dir.resolve("out"));
    Path sampleOut = Files.createDirectories(dir.resolve("sample"));

    Cli.Run run = AssessSampleTest.migrate("assess", "--snapshot", file.toString(), "--out", out.toString());
    Cli.Run sample = AssessSampleTest.migrate("assess", "--sample", "--out", sampleOut.toString());
    assertEquals(0, run.code(), run.err());
    assertEquals(0, sample.code(), sample.err());

    JsonNode json = AssessSampleTest.JSON.readTree(out.resolve("assessment-481516234200-2026-11-25.json").toFile());
    JsonNode sampleJson = AssessSampleTest.JSON.readTree(sampleOut.resolve("assessment-481516234200-2026-11-25.json").toFile());
    BigDecimal bill = sampleBill.add(new BigDecimal("5100.00"));
    assertEquals(0, bill.compareTo(json.get("coverage").get("billUsd").decimalValue()), json.get("coverage").toString());
    BigDecimal awsToday = json.get("totals").get("awsMonthlyUsd").decimalValue();
    BigDecimal off = awsToday.subtract(bill).abs().multiply(BigDecimal.valueOf(100)).divide(bill, 4, RoundingMode.HALF_EVEN);
    assertTrue(off.compareTo(BigDecimal.valueOf(5)) <= 0, "AWS today " + awsToday + " is " + off + "% from the bill " + bill);
    // the two services are carried: the same 5,100.00 more on both sides, so the saving in USD does not move
    BigDecimal sampleAws = sampleJson.get("totals").get("awsMonthlyUsd").decimalValue();
    assertEquals(0, new BigDecimal("5100.00").compareTo(awsToday.subtract(sampleAws)));
    assertEquals(0, new BigDecimal("5100.00").compareTo(json.get("totals").get("gcpMonthlyUsd").decimalValue()
        .subtract(sampleJson.get("totals").get("gcpMonthlyUsd").decimalValue())));
    assertEquals(0, json.get("totals").get("savingsUsd").decimalValue()
        .compareTo(sampleJson.get("totals").get("savingsUsd").decimalValue()));

    String console = run.out().replace("\n    ", " ");
    assertTrue(console.contains("Amazon OpenSearch Service 4,200.00"), run.out());
    assertTrue(console.contains("Amazon DynamoDB 900.00"), run.out());
    assertTrue(console.contains("AWS today covers the 2026-10 bill " + ConsoleFormat.usd(bill)), run.out());
  }

  /** The console's money format (two decimals, thousands separated by commas). */
  static final class ConsoleFormat {
    static String usd(BigDecimal v) {
      return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
          .format(v.setScale(2, RoundingMode.HALF_UP));
    }
  }
}
