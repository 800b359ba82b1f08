package dev.migrate.bill;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One small bill written three ways: as AWS Data Exports (CUR 2.0) Parquet files, as CUR 2.0 gzip CSV
 * files (one file per billing period, as an export writes them), and as the Cost Explorer answers to the
 * usage-type query of {@code CostCollector} (two pages). Its service totals are those of the stub account's
 * services answers ({@code wiremock/__files/ce/get-cost-and-usage-*.json}): EC2 1000.25 + 10 USD a month,
 * CloudFront 300.50 + 1, S3 120.0000000001, and a short November 2026 (EC2 850.10 only).
 *
 * <p>The line items are what a bill holds: usage split over several resources, reserved hours at zero
 * cost with the reservation's fee on HeavyUsage, a savings plan's covered usage and its negation, a
 * free-tier line at zero, and the tax, credit and refund lines that both paths leave out. Cost Explorer's
 * answer is the same line items summed as its unblended cost and usage quantity are.
 *
 * <p>Run {@code main} (test classpath) from the project folder to rewrite the committed files.
 */
public final class DataExportsFixtures {
  static final Path PARQUET = Path.of("src/test/resources/bill/cur2-parquet");
  static final Path CSV = Path.of("src/test/resources/bill/cur2-csv");
  static final Path CE = Path.of("src/test/resources/wiremock/__files/ce");
  static final YearMonth FIRST = YearMonth.of(2025, 11);
  static final YearMonth LAST = YearMonth.of(2026, 11);
  /** A month before Cost Explorer's window: in the export, left out by the reader. */
  static final YearMonth BEFORE = YearMonth.of(2025, 10);
  static final String EC2 = "Amazon Elastic Compute Cloud - Compute";
  static final String CLOUDFRONT = "Amazon CloudFront";
  static final String S3 = "Amazon Simple Storage Service";

  private DataExportsFixtures() {}

  /** One CUR line item. */
  record Item(YearMonth month, String type, String product, String service, String usageType, String region,
      String unit, String cost, String quantity, String resource) {}

  static List<Item> items() {
    List<Item> items = new ArrayList<>();
    for (YearMonth m = BEFORE; !m.isAfter(LAST); m = m.plusMonths(1)) {
      int i = (int) (m.getYear() * 12L + m.getMonthValue() - FIRST.getYear() * 12L - FIRST.getMonthValue());
      BigDecimal ec2 = m.equals(LAST) ? new BigDecimal("850.10") : new BigDecimal("1000.25").add(BigDecimal.valueOf(10L * i));
      // EC2: t3.small in us-east-1 (no prefix), partly under a savings plan; m5.large in Tokyo, two reserved.
      items.add(new Item(m, "Usage", "AmazonEC2", EC2, "BoxUsage:t3.small", "us-east-1", "Hrs", "250", "11625", "i-0a1"));
      items.add(new Item(m, "Usage", "AmazonEC2", EC2, "BoxUsage:t3.small", "us-east-1", "Hrs", "150", "6975", "i-0a2"));
      items.add(new Item(m, "SavingsPlanCoveredUsage", "AmazonEC2", EC2, "BoxUsage:t3.small", "us-east-1", "Hrs", "20",
          "961.5", "i-0a3"));
      items.add(new Item(m, "SavingsPlanNegation", "AmazonEC2", EC2, "BoxUsage:t3.small", "us-east-1", "Hrs", "-20", "0",
          "i-0a3"));
      items.add(new Item(m, "RIFee", "AmazonEC2", EC2, "APN1-HeavyUsage:m5.large", "ap-northeast-1", "Hrs", "100",
          "744", ""));
      items.add(new Item(m, "DiscountedUsage", "AmazonEC2", EC2, "APN1-BoxUsage:m5.large", "ap-northeast-1", "Hrs", "0",
          "744", "i-0b1"));
      BigDecimal onDemand = ec2.subtract(new BigDecimal("500"));
      BigDecimal half = onDemand.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
      items.add(new Item(m, "Usage", "AmazonEC2", EC2, "APN1-BoxUsage:m5.large", "ap-northeast-1", "Hrs",
          half.toPlainString(), "1208.4", "i-0b2"));
      items.add(new Item(m, "Usage", "AmazonEC2", EC2, "APN1-BoxUsage:m5.large", "ap-northeast-1", "Hrs",
          onDemand.subtract(half).toPlainString(), "1208.45", "i-0b3"));
      // Left out by both paths.
      items.add(new Item(m, "Tax", "AmazonEC2", EC2, "", "", "", "85.02", "1", ""));
      items.add(new Item(m, "Credit", "AmazonEC2", EC2, "APN1-BoxUsage:m5.large", "ap-northeast-1", "", "-30", "0", ""));
      items.add(new Item(m, "Refund", "AmazonEC2", EC2, "BoxUsage:t3.small", "us-east-1", "", "-5.5", "0", ""));
      if (m.equals(LAST)) {
        continue;
      }
      BigDecimal cf = new BigDecimal("300.5").add(BigDecimal.valueOf(i));
      // CloudFront: edge geographies, no region (one export row says "global", the other nothing).
      items.add(new Item(m, "Usage", "AmazonCloudFront", CLOUDFRONT, "US-DataTransfer-Out-Bytes", "global", "GB",
          cf.subtract(new BigDecimal("100")).toPlainString(), String.valueOf(2300 + 10 * i) + ".125", "E2EXAMPLE"));
      items.add(new Item(m, "Usage", "AmazonCloudFront", CLOUDFRONT, "JP-Requests-Tier2-HTTPS", "", "Requests",
          "100", "83333333", "E2EXAMPLE"));
      // S3: Ireland (prefix EU), a request line in London, a free line at zero, and amounts below a cent.
      items.add(new Item(m, "Usage", "AmazonS3", S3, "EU-TimedStorage-ByteHrs", "eu-west-1", "GB-Mo", "119.9",
          "5213.0434782609", "assets"));
      items.add(new Item(m, "Usage", "AmazonS3", S3, "EUW2-Requests-Tier2", "eu-west-2", "Requests", "0.0999999991",
          "249999", "logs"));
      items.add(new Item(m, "Usage", "AmazonS3", S3, "EUW2-Requests-Tier2", "eu-west-2", "Requests", "0.000000001",
          "1", "logs"));
      items.add(new Item(m, "Usage", "AmazonS3", S3, "EU-Requests-Tier1", "eu-west-1", "Requests", "0", "2000", "assets"));
    }
    return items;
  }

  public static void main(String[] args) throws Exception {
    List<Item> items = items();
    writeExports(items);
    writeCostExplorer(items);
    System.err.println("wrote " + items.size() + " line items to " + PARQUET + ", " + CSV + " and " + CE);
  }

  static void writeExports(List<Item> items) throws SQLException, IOException {
    for (Path dir : List.of(PARQUET, CSV)) {
      if (Files.isDirectory(dir)) {
        try (var walk = Files.walk(dir)) {
          for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
    }
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      // A subset of the CUR 2.0 columns, with their CUR 2.0 names and Parquet types.
      st.execute("CREATE TABLE cur (identity_line_item_id VARCHAR, identity_time_interval VARCHAR, bill_bill_type VARCHAR,"
          + " bill_billing_period_start_date TIMESTAMP, bill_billing_period_end_date TIMESTAMP,"
          + " bill_payer_account_id VARCHAR, line_item_usage_account_id VARCHAR, line_item_line_item_type VARCHAR,"
          + " line_item_usage_start_date TIMESTAMP, line_item_usage_end_date TIMESTAMP, line_item_product_code VARCHAR,"
          + " line_item_usage_type VARCHAR, line_item_resource_id VARCHAR, line_item_usage_amount DOUBLE,"
          + " line_item_currency_code VARCHAR, line_item_unblended_cost DOUBLE, product_region_code VARCHAR,"
          + " product_servicecode VARCHAR, pricing_unit VARCHAR)");
      try (PreparedStatement ins = db.prepareStatement("INSERT INTO cur VALUES (?, ?, 'Anniversary', ?, ?, '123456789012',"
          + " '123456789012', ?, ?, ?, ?, ?, ?, ?, 'USD', ?, ?, ?, ?)")) {
        int n = 0;
        for (Item it : items) {
          LocalDateTime start = it.month().atDay(1).atStartOfDay();
          LocalDateTime end = it.month().plusMonths(1).atDay(1).atStartOfDay();
          ins.setString(1, "li-" + (++n));
          ins.setString(2, start + ":00Z/" + end + ":00Z");
          ins.setTimestamp(3, Timestamp.valueOf(start));
          ins.setTimestamp(4, Timestamp.valueOf(end));
          ins.setString(5, it.type());
          ins.setTimestamp(6, Timestamp.valueOf(start));
          ins.setTimestamp(7, Timestamp.valueOf(end));
          ins.setString(8, it.product());
          ins.setString(9, it.usageType());
          ins.setString(10, it.resource());
          ins.setDouble(11, Double.parseDouble(it.quantity()));
          ins.setDouble(12, Double.parseDouble(it.cost()));
          ins.setString(13, it.region().isEmpty() ? null : it.region());
          ins.setString(14, it.product());
          ins.setString(15, it.unit().isEmpty() ? null : it.unit());
          ins.addBatch();
        }
        ins.executeBatch();
      }
      for (YearMonth m = BEFORE; !m.isAfter(LAST); m = m.plusMonths(1)) {
        String where = " WHERE bill_billing_period_start_date = TIMESTAMP '" + m.atDay(1) + " 00:00:00'";
        Path pq = PARQUET.resolve("data/BILLING_PERIOD=" + m + "/tableapp-00001.snappy.parquet");
        Path csv = CSV.resolve("data/BILLING_PERIOD=" + m + "/tableapp-00001.csv.gz");
        Files.createDirectories(pq.getParent());
        Files.createDirectories(csv.getParent());
        st.execute("COPY (SELECT * FROM cur" + where + " ORDER BY identity_line_item_id) TO '" + pq
            + "' (FORMAT PARQUET, COMPRESSION SNAPPY)");
        // CUR CSV writes timestamps as 2025-11-01T00:00:00.000Z.
        st.execute("COPY (SELECT * REPLACE ("
            + "strftime(bill_billing_period_start_date, '%Y-%m-%dT%H:%M:%S.000Z') AS bill_billing_period_start_date,"
            + " strftime(bill_billing_period_end_date, '%Y-%m-%dT%H:%M:%S.000Z') AS bill_billing_period_end_date,"
            + " strftime(line_item_usage_start_date, '%Y-%m-%dT%H:%M:%S.000Z') AS line_item_usage_start_date,"
            + " strftime(line_item_usage_end_date, '%Y-%m-%dT%H:%M:%S.000Z') AS line_item_usage_end_date)"
            + " FROM cur" + where + " ORDER BY identity_line_item_id) TO '" + csv
            + "' (FORMAT CSV, HEADER, COMPRESSION GZIP)");
      }
    }
    // The export's manifest sits beside the data; the reader skips files that are not Parquet or CSV.
    for (Path dir : List.of(PARQUET, CSV)) {
      Files.createDirectories(dir.resolve("metadata"));
      Files.writeString(dir.resolve("metadata/tableapp-Manifest.json"), "{\"exportName\":\"tableapp\"}\n");
    }
  }

  /** Cost Explorer's answer: unblended cost of all but Tax, Credit, Refund; quantity of the usage types. */
  static void writeCostExplorer(List<Item> items) throws IOException {
    // month -> service \0 usage type -> {cost, quantity, unit}
    Map<YearMonth, Map<String, Object[]>> groups = new LinkedHashMap<>();
    for (Item it : items) {
      if (it.month().isBefore(FIRST) || DataExports.EXCLUDED_TYPES.contains(it.type())) {
        continue;
      }
      Object[] g = groups.computeIfAbsent(it.month(), k -> new LinkedHashMap<>())
          .computeIfAbsent(it.service() + "\u0000" + it.usageType(), k -> new Object[] {BigDecimal.ZERO, BigDecimal.ZERO, it.unit()});
      g[0] = ((BigDecimal) g[0]).add(new BigDecimal(it.cost()));
      if (DataExports.QUANTITY_TYPES.contains(it.type())) {
        g[1] = ((BigDecimal) g[1]).add(new BigDecimal(it.quantity()));
      }
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    List<ObjectNode> pages = List.of(page(json), page(json));
    int month = 0;
    for (var e : groups.entrySet()) {
      List<Map.Entry<String, Object[]>> list = new ArrayList<>(e.getValue().entrySet());
      // Month 7 (2026-05) is split over the two pages, as Cost Explorer splits a long answer.
      if (month < 6) {
        addResult(json, pages.get(0), e.getKey(), list, false);
      } else if (month == 6) {
        addResult(json, pages.get(0), e.getKey(), list.subList(0, 2), false);
        addResult(json, pages.get(1), e.getKey(), list.subList(2, list.size()), false);
      } else {
        addResult(json, pages.get(1), e.getKey(), list, e.getKey().equals(LAST));
      }
      month++;
    }
    pages.get(0).put("NextPageToken", "ce-usage-page-2");
    Files.writeString(CE.resolve("get-cost-and-usage-by-usage-type-1.json"), json.writeValueAsString(pages.get(0)) + "\n");
    Files.writeString(CE.resolve("get-cost-and-usage-by-usage-type-2.json"), json.writeValueAsString(pages.get(1)) + "\n");
  }

  private static ObjectNode page(ObjectMapper json) {
    ObjectNode p = json.createObjectNode();
    ArrayNode defs = p.putArray("GroupDefinitions");
    defs.addObject().put("Type", "DIMENSION").put("Key", "SERVICE");
    defs.addObject().put("Type", "DIMENSION").put("Key", "USAGE_TYPE");
    p.putArray("ResultsByTime");
    p.putArray("DimensionValueAttributes");
    return p;
  }

  private static void addResult(ObjectMapper json, ObjectNode page, YearMonth m, List<Map.Entry<String, Object[]>> groups,
      boolean estimated) {
    ObjectNode r = ((ArrayNode) page.get("ResultsByTime")).addObject();
    r.putObject("TimePeriod").put("Start", m.atDay(1).toString()).put("End", m.plusMonths(1).atDay(1).toString());
    r.putObject("Total");
    ArrayNode gs = r.putArray("Groups");
    for (var g : groups) {
      String[] k = g.getKey().split("\u0000");
      ObjectNode node = gs.addObject();
      node.putArray("Keys").add(k[0]).add(k[1]);
      ObjectNode metrics = node.putObject("Metrics");
      metrics.putObject("UnblendedCost").put("Amount", ((BigDecimal) g.getValue()[0]).toPlainString()).put("Unit", "USD");
      String unit = (String) g.getValue()[2];
      metrics.putObject("UsageQuantity").put("Amount", ((BigDecimal) g.getValue()[1]).toPlainString())
          .put("Unit", unit.isEmpty() ? "N/A" : unit);
    }
    r.put("Estimated", estimated);
  }
}
