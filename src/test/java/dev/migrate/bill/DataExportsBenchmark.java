package dev.migrate.bill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Reading a large AWS Data Exports file against plain decompression. Run with
 * {@code mvn -o -Pbench test -Dtest=DataExportsBenchmark} (optionally {@code -Dbench.mb=2048}).
 * Generates, once (reused afterwards), a CUR 2.0 gzip CSV of {@code bench.mb} MiB uncompressed under
 * {@code /tmp/migrate-bench/} with DuckDB (12 months, 40 products, 2,000 usage types, 5 regions,
 * several line item types), and its Parquet twin. Then runs, each in its own process under
 * {@code /usr/bin/time} for wall time and peak resident memory: {@code zcat FILE > /dev/null}, and
 * {@link DataExports#read} of the gzip CSV and of the Parquet file (a fresh JVM each, so that the
 * memory is the reader's). Prints figures, asserts nothing.
 */
class DataExportsBenchmark {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void readerAgainstZcat() throws Exception {
    long mib = Long.getLong("bench.mb", 2048);
    Path dir = Path.of("/tmp/migrate-bench");
    Path csv = dir.resolve("cur2-" + mib + "m.csv.gz");
    Path parquet = dir.resolve("cur2-" + mib + "m.parquet");
    long[] rows = ensure(csv, parquet, mib << 20);
    System.out.printf(Locale.ROOT, "%nDataExportsBenchmark: %s (%,d bytes gzip, %,d bytes uncompressed, %,d line items),"
            + " %s (%,d bytes); %d cores%n", csv, Files.size(csv), rows[1], rows[0], parquet, Files.size(parquet),
        Runtime.getRuntime().availableProcessors());
    String[] zcat = timed(List.of("bash", "-c", "zcat '" + csv + "' > /dev/null"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    String[] readCsv = timed(List.of(java, "-Xmx256m", "-XX:+UseParallelGC", "-cp", cp, Read.class.getName(), csv.toString()));
    String[] readParquet = timed(List.of(java, "-Xmx256m", "-XX:+UseParallelGC", "-cp", cp, Read.class.getName(),
        parquet.toString()));
    System.out.printf(Locale.ROOT, "  %-34s %8s s  peak RSS %7s MiB%n", "zcat > /dev/null", zcat[0], zcat[1]);
    System.out.printf(Locale.ROOT, "  %-34s %8s s  peak RSS %7s MiB  %s%n", "DataExports.read (gzip CSV)", readCsv[0],
        readCsv[1], readCsv[2]);
    System.out.printf(Locale.ROOT, "  %-34s %8s s  peak RSS %7s MiB  %s%n", "DataExports.read (Parquet)", readParquet[0],
        readParquet[1], readParquet[2]);
    System.out.printf(Locale.ROOT, "  load average %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
  }

  /** Wall seconds, peak RSS in MiB and the process's last stdout line, from /usr/bin/time -f "%e %M". */
  private static String[] timed(List<String> command) throws IOException, InterruptedException {
    List<String> full = new java.util.ArrayList<>(List.of("/usr/bin/time", "-f", "TIME %e %M"));
    full.addAll(command);
    Process p = new ProcessBuilder(full).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (p.waitFor() != 0) {
      throw new IOException(command + " failed: " + err);
    }
    String time = err.lines().filter(l -> l.startsWith("TIME ")).reduce((a, b) -> b).orElseThrow();
    String[] f = time.split(" ");
    String last = out.isEmpty() ? "" : out.lines().reduce((a, b) -> b).orElse("");
    return new String[] {f[1], String.format(Locale.ROOT, "%.0f", Long.parseLong(f[2]) / 1024.0), last};
  }

  /** Reads one export file; prints what it read on one line. */
  public static final class Read {
    public static void main(String[] args) {
      DataExports.Result r = DataExports.read(Path.of(args[0]), CLOCK);
      long lines = r.billing().months().stream().mapToLong(m -> m.usageLines().size()).sum();
      System.out.println(r.billing().months().size() + " months, " + lines + " usage lines, last month "
          + r.billing().months().get(r.billing().months().size() - 1).totalUsd().setScale(2, java.math.RoundingMode.HALF_EVEN)
          + " USD");
    }
  }

  /** {line items, uncompressed bytes}; generates the files when missing. */
  private static long[] ensure(Path csv, Path parquet, long bytes) throws Exception {
    Path info = Path.of(csv + ".info");
    if (Files.exists(csv) && Files.exists(parquet) && Files.exists(info)) {
      String[] f = Files.readString(info).trim().split(" ");
      return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
    }
    Files.createDirectories(csv.getParent());
    // About 450 bytes per CSV line with these columns (measured on a small run).
    long rows = bytes / 450;
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
      st.execute("SET enable_progress_bar = false");
      String gen = "SELECT 'li-' || i AS identity_line_item_id,"
          + " strftime(p, '%Y-%m-%dT00:00:00Z') || '/' || strftime(p + INTERVAL 1 DAY, '%Y-%m-%dT00:00:00Z') AS identity_time_interval,"
          + " 'Anniversary' AS bill_bill_type, p AS bill_billing_period_start_date,"
          + " p + INTERVAL 1 MONTH AS bill_billing_period_end_date, '123456789012' AS bill_payer_account_id,"
          + " '2109876543' || (i % 10) AS line_item_usage_account_id,"
          + " CASE WHEN i % 97 = 0 THEN 'Tax' WHEN i % 89 = 0 THEN 'Credit' WHEN i % 31 = 0 THEN 'DiscountedUsage'"
          + "   WHEN i % 29 = 0 THEN 'SavingsPlanCoveredUsage' ELSE 'Usage' END AS line_item_line_item_type,"
          + " p + to_days(CAST(i % 28 AS INTEGER)) AS line_item_usage_start_date,"
          + " p + to_days(CAST(i % 28 + 1 AS INTEGER)) AS line_item_usage_end_date,"
          + " 'Product' || (i % 40) AS line_item_product_code,"
          + " (['USE1', 'APN1', 'EUC1', 'USW2', 'APS1'])[i % 5 + 1] || '-Usage' || (i % 2000) || ':type.large' AS line_item_usage_type,"
          + " 'RunInstances:000' || (i % 4) AS line_item_operation,"
          + " 'arn:aws:ec2:ap-northeast-1:123456789012:instance/i-' || lpad(to_hex(i % 1000003), 17, '0') AS line_item_resource_id,"
          + " (i % 1000) / 7.0 AS line_item_usage_amount, 'USD' AS line_item_currency_code,"
          + " (i % 1000) / 7.0 * 0.0416 AS line_item_unblended_rate, ((i % 100000) / 1000.0) AS line_item_unblended_cost,"
          + " '$0.0416 per On Demand Linux t3.medium Instance Hour' AS line_item_line_item_description,"
          + " (['us-east-1', 'ap-northeast-1', 'eu-central-1', 'us-west-2', 'ap-southeast-1'])[i % 5 + 1] AS product_region_code,"
          + " 'Compute Instance' AS product_product_family, 'Product' || (i % 40) AS product_servicecode, 'Hrs' AS pricing_unit"
          + " FROM (SELECT range AS i, TIMESTAMP '2025-11-01' + to_months(CAST(range % 12 AS INTEGER)) AS p FROM range(" + rows + "))";
      st.execute("COPY (" + gen.replace("p AS bill_billing_period_start_date", "strftime(p, '%Y-%m-%dT%H:%M:%S.000Z') AS bill_billing_period_start_date")
          .replace("p + INTERVAL 1 MONTH AS bill_billing_period_end_date",
              "strftime(p + INTERVAL 1 MONTH, '%Y-%m-%dT%H:%M:%S.000Z') AS bill_billing_period_end_date")
          + ") TO '" + csv + "' (FORMAT CSV, HEADER, COMPRESSION GZIP)");
      st.execute("COPY (" + gen + ") TO '" + parquet + "' (FORMAT PARQUET, COMPRESSION SNAPPY)");
    }
    Process p = new ProcessBuilder("bash", "-c", "zcat '" + csv + "' | wc -c").start();
    long size = Long.parseLong(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    p.waitFor();
    Files.writeString(info, rows + " " + size + "\n");
    return new long[] {rows, size};
  }
}
