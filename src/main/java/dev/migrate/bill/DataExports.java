package dev.migrate.bill;

import dev.migrate.inventory.Billing;
import dev.migrate.inventory.UsageTypes;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads AWS Data Exports (Cost and Usage Report 2.0) files, Parquet or gzip CSV, into the bill by
 * month, service and usage type, with DuckDB in-process: it streams the files and aggregates as it
 * goes, so a multi-gigabyte export needs little memory.
 *
 * <p>What goes in, so that the figures compare with Cost Explorer's unblended cost as {@code migrate
 * collect} asks for it (charge types Tax, Credit and Refund left out):
 * <ul>
 *   <li>cost: {@code line_item_unblended_cost} of every line item type except Tax, Credit and Refund
 *       (usage, reservation and savings-plan fees and their negations, negotiated discounts);</li>
 *   <li>quantity: {@code line_item_usage_amount} of the types that carry usage (Usage, DiscountedUsage,
 *       SavingsPlanCoveredUsage, RIFee), in {@code pricing_unit};</li>
 *   <li>month: {@code bill_billing_period_start_date} (else {@code line_item_usage_start_date}); the same
 *       window as Cost Explorer: the 12 whole months before the current one and the current month;</li>
 *   <li>service: {@code line_item_product_code} named as Cost Explorer names it (table
 *       {@code billing/product-services.csv}); region: from the usage type's prefix, as for Cost Explorer,
 *       or {@code product_region_code} for a usage type without one.</li>
 * </ul>
 */
public final class DataExports {
  /** Line item types left out of the bill (Cost Explorer's charge types Tax, Credit, Refund). */
  public static final Set<String> EXCLUDED_TYPES = Set.of("Tax", "Credit", "Refund");
  /** Line item types whose usage amount is the usage-type quantity. */
  public static final Set<String> QUANTITY_TYPES = Set.of("Usage", "DiscountedUsage", "SavingsPlanCoveredUsage", "RIFee");
  static final List<String> REQUIRED = List.of("line_item_line_item_type", "line_item_product_code",
      "line_item_usage_type", "line_item_unblended_cost", "line_item_usage_amount");
  private static final String PERIOD = "bill_billing_period_start_date";
  private static final String USAGE_START = "line_item_usage_start_date";
  private static final List<ServiceRule> SERVICES = serviceRules();

  private DataExports() {}

  /**
   * The bill and what a reader should know about it.
   *
   * @param billing the months read, {@link Billing#SOURCE_DATA_EXPORTS}
   * @param files   the files read
   * @param notes   one-line remarks: what was left out, product codes without a Cost Explorer name
   */
  public record Result(Billing billing, List<Path> files, List<String> notes) {}

  /** Data Exports files under {@code location} (itself when it is a file), sorted; none is an error. */
  public static List<Path> files(Path location) {
    if (!Files.exists(location)) {
      throw new BillExportException(location + ": no such file or folder (give the folder the Data Exports "
          + "files were downloaded to, or an s3:// prefix)");
    }
    List<Path> files;
    if (Files.isDirectory(location)) {
      try (Stream<Path> walk = Files.walk(location)) {
        files = walk.filter(Files::isRegularFile).filter(p -> format(p) != null).sorted().toList();
      } catch (IOException e) {
        throw new BillExportException(location + ": cannot list the folder: " + e.getMessage());
      }
    } else {
      files = format(location) == null ? List.of() : List.of(location);
    }
    if (files.isEmpty()) {
      throw new BillExportException(location + ": no Data Exports files (*.parquet, *.csv.gz, *.csv) there; "
          + "give the export's data folder (it holds BILLING_PERIOD=YYYY-MM folders)");
    }
    Set<String> formats = new TreeSet<>();
    files.forEach(f -> formats.add(format(f)));
    if (formats.size() > 1) {
      throw new BillExportException(location + ": both Parquet and CSV files; one export writes one format, "
          + "so give the folder of one export");
    }
    return files;
  }

  /** Reads the bill from the files under {@code location}; the clock says which month is the current one. */
  public static Result read(Path location, Clock clock) {
    List<Path> files = files(location);
    boolean csv = "csv".equals(format(files.get(0)));
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement st = db.createStatement()) {
        // Spill (if ever) to the JVM's temp folder, not the working directory; no progress bar on stdout.
        st.execute("SET temp_directory = '" + sqlString(System.getProperty("java.io.tmpdir")) + "'");
        st.execute("SET enable_progress_bar = false");
      }
      Set<String> columns = columns(db, files, csv);
      List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
      if (!columns.contains(PERIOD) && !columns.contains(USAGE_START)) {
        missing = new ArrayList<>(missing);
        missing.add(PERIOD);
      }
      if (!missing.isEmpty()) {
        String legacy = columns.stream().anyMatch(c -> c.startsWith("lineItem/"))
            ? " (these are legacy Cost and Usage Report columns such as lineItem/UnblendedCost: create a CUR 2.0 "
                + "export in AWS Data Exports)" : " (is this a CUR 2.0 export of AWS Data Exports?)";
        throw new BillExportException(files.get(0) + ": no column " + String.join(", ", missing) + legacy);
      }
      return aggregate(db, files, csv, columns, clock);
    } catch (SQLException e) {
      throw new BillExportException(culprit(files, csv) + " (re-download or remove that file)");
    }
  }

  private static Result aggregate(Connection db, List<Path> files, boolean csv, Set<String> columns, Clock clock)
      throws SQLException {
    String month = columns.contains(PERIOD) && columns.contains(USAGE_START)
        ? "COALESCE(" + v(PERIOD, csv) + ", " + v(USAGE_START, csv) + ")"
        : v(columns.contains(PERIOD) ? PERIOD : USAGE_START, csv);
    String region = columns.contains("product_region_code") ? "COALESCE(product_region_code, '')" : "''";
    String unit = columns.contains("pricing_unit") ? "COALESCE(pricing_unit, '')" : "''";
    String currency = columns.contains("line_item_currency_code") ? "COALESCE(line_item_currency_code, '')" : "''";
    // One row per month, product, usage type, region, unit, line item type and currency: a few thousand rows
    // however large the export; the sums are exact decimals (10 places, as Cost Explorer gives amounts).
    String sql = "SELECT left(CAST(" + month + " AS VARCHAR), 7), line_item_product_code, line_item_usage_type, "
        + region + ", " + unit + ", line_item_line_item_type, " + currency + ", "
        + "SUM(CAST(" + v("line_item_unblended_cost", csv) + " AS DECIMAL(38,10))), "
        + "SUM(CAST(" + v("line_item_usage_amount", csv) + " AS DECIMAL(38,10))) "
        + "FROM " + source(files, csv) + " GROUP BY ALL";
    YearMonth current = YearMonth.now(clock);
    YearMonth first = current.minusMonths(12);
    // month -> service \0 usage type \0 region -> {cost, quantity}; units alongside
    Map<YearMonth, Map<String, BigDecimal[]>> lines = new TreeMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    Map<String, BigDecimal> excluded = new TreeMap<>();
    Set<String> unnamed = new TreeSet<>();
    Set<String> currencies = new TreeSet<>();
    Set<YearMonth> outside = new TreeSet<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        String m = rs.getString(1);
        String product = nz(rs.getString(2));
        String usageType = nz(rs.getString(3));
        String productRegion = nz(rs.getString(4));
        String pricingUnit = nz(rs.getString(5));
        String type = nz(rs.getString(6));
        String cur = nz(rs.getString(7));
        BigDecimal cost = rs.getBigDecimal(8);
        BigDecimal quantity = rs.getBigDecimal(9);
        YearMonth ym = month(m, files);
        if (ym.isBefore(first) || ym.isAfter(current)) {
          outside.add(ym);
          continue;
        }
        if (!cur.isEmpty()) {
          currencies.add(cur);
        }
        if (EXCLUDED_TYPES.contains(type)) {
          excluded.merge(type, cost == null ? BigDecimal.ZERO : cost, BigDecimal::add);
          continue;
        }
        String service = service(product, usageType);
        if (service == null) {
          unnamed.add(product);
          service = product;
        }
        // The usage type's rule first, as for Cost Explorer; the export's region only fills an unprefixed
        // usage type of a regional service (AWS writes those for us-east-1, and the column says so too).
        String r = UsageTypes.hasRegionPrefix(usageType) || UsageTypes.isGlobalService(service)
            || productRegion.isEmpty() || productRegion.equals("global")
            ? UsageTypes.region(service, usageType) : productRegion;
        String key = service + "\u0000" + usageType + "\u0000" + (r == null ? "" : r);
        BigDecimal[] sum = lines.computeIfAbsent(ym, k -> new TreeMap<>()).computeIfAbsent(key, k -> new BigDecimal[2]);
        sum[0] = add(sum[0], cost == null ? BigDecimal.ZERO : cost);
        if (QUANTITY_TYPES.contains(type) && quantity != null && !pricingUnit.isEmpty()) {
          sum[1] = add(sum[1], quantity);
          units.putIfAbsent(ym + "\u0000" + key, pricingUnit);
        }
      }
    }
    currencies.remove("USD");
    if (!currencies.isEmpty()) {
      throw new BillExportException(files.get(0).getParent() + ": amounts in " + String.join(", ", currencies)
          + "; the bill is read in USD (line_item_currency_code), as Cost Explorer gives it");
    }
    List<Billing.Month> months = new ArrayList<>();
    lines.forEach((ym, byKey) -> {
      List<Billing.UsageLine> usage = new ArrayList<>();
      Map<String, BigDecimal> services = new TreeMap<>();
      byKey.forEach((key, sum) -> {
        String[] k = key.split("\u0000", 3);
        String unit1 = units.get(ym + "\u0000" + key);
        usage.add(new Billing.UsageLine(k[0], k[1], k[2].isEmpty() ? null : k[2], UsageTypes.plain(sum[0]),
            unit1 == null ? null : UsageTypes.plain(sum[1]), unit1));
        services.merge(k[0], sum[0], BigDecimal::add);
      });
      List<Billing.ServiceCost> costs = new ArrayList<>();
      services.forEach((s, a) -> costs.add(new Billing.ServiceCost(s, UsageTypes.plain(a))));
      months.add(new Billing.Month(ym, !ym.isBefore(current), costs, usage));
    });
    List<String> notes = new ArrayList<>();
    if (!excluded.isEmpty()) {
      List<String> parts = new ArrayList<>();
      excluded.forEach((t, a) -> parts.add(t + " " + a.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString()));
      notes.add("left out of the bill, as from Cost Explorer: " + String.join(", ", parts) + " USD");
    }
    if (!outside.isEmpty()) {
      notes.add(outside.size() + " month(s) outside " + first + ".." + current + " not read (Cost Explorer's window)");
    }
    if (!unnamed.isEmpty()) {
      notes.add("product codes without a Cost Explorer service name, kept as the code: " + String.join(", ", unnamed));
    }
    return new Result(new Billing("USD", months, Billing.SOURCE_DATA_EXPORTS), files, notes);
  }

  private static YearMonth month(String m, List<Path> files) {
    try {
      return YearMonth.parse(m == null ? "" : m);
    } catch (DateTimeParseException e) {
      throw new BillExportException(files.get(0).getParent() + ": a line item whose " + PERIOD + " is '" + m
          + "', not a date (is this a CUR 2.0 export of AWS Data Exports?)");
    }
  }

  private static Set<String> columns(Connection db, List<Path> files, boolean csv) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM " + source(files, csv))) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The first file that DuckDB cannot read, with its reason in one line; the files are read one by one. */
  private static String culprit(List<Path> files, boolean csv) {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
      for (Path f : files) {
        try (Statement st = db.createStatement();
            ResultSet rs = st.executeQuery("SELECT count(*) FROM " + source(List.of(f), csv)
                + " WHERE TRY_CAST(" + v("line_item_unblended_cost", csv) + " AS DECIMAL(38,10)) IS NULL AND "
                + v("line_item_unblended_cost", csv) + " IS NOT NULL")) {
          rs.next();
          if (rs.getLong(1) > 0) {
            return f + ": " + rs.getLong(1) + " line item(s) whose line_item_unblended_cost is not a number";
          }
        } catch (SQLException e) {
          return f + ": " + reason(e);
        }
      }
    } catch (SQLException e) {
      return files.get(0).getParent() + ": " + reason(e);
    }
    return files.get(0).getParent() + ": the files do not read together (different columns or types?)";
  }

  /** DuckDB's message without its "java.sql.SQLException:" prefix and without the lines after the first. */
  private static String reason(SQLException e) {
    String m = String.valueOf(e.getMessage()).replaceFirst("^java\\.sql\\.SQLException: ", "");
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }

  private static String source(List<Path> files, boolean csv) {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < files.size(); i++) {
      list.append(i == 0 ? "" : ", ").append('\'').append(sqlString(files.get(i).toAbsolutePath().toString())).append('\'');
    }
    list.append(']');
    // CSV as text, cast column by column: CUR writes empty fields for absent values and amounts in exponent form.
    return csv
        ? "read_csv(" + list + ", header = true, all_varchar = true, union_by_name = true, delim = ',', quote = '\"')"
        : "read_parquet(" + list + ", union_by_name = true)";
  }

  /** A column as a value: in CSV an empty field is no value. */
  private static String v(String column, boolean csv) {
    return csv ? "NULLIF(" + column + ", '')" : column;
  }

  private static String sqlString(String s) {
    return s.replace("'", "''");
  }

  /** "parquet", "csv" or null for files that are not exports (manifests, metadata). */
  static String format(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".parquet")) {
      return "parquet";
    }
    if (n.endsWith(".csv.gz") || n.endsWith(".csv")) {
      return "csv";
    }
    return null;
  }

  /** Cost Explorer's name for a product code and usage type, or null when the table has none. */
  public static String service(String productCode, String usageType) {
    for (ServiceRule r : SERVICES) {
      if (r.productCode().equals(productCode) && (r.usageType() == null || r.usageType().matcher(usageType).matches())) {
        return r.service();
      }
    }
    return null;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static BigDecimal add(BigDecimal a, BigDecimal b) {
    return a == null ? b : a.add(b);
  }

  private record ServiceRule(String productCode, Pattern usageType, String service) {}

  private static List<ServiceRule> serviceRules() {
    List<ServiceRule> rules = new ArrayList<>();
    dev.migrate.io.Csv.bundled("billing/product-services.csv", f -> rules.add(
        new ServiceRule(f.get(0), f.get(1).isEmpty() ? null : Pattern.compile(f.get(1)), f.get(2))));
    return List.copyOf(rules);
  }
}
