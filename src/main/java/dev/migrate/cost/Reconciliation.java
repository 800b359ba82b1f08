package dev.migrate.cost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The modelled AWS month against the real bill.
 *
 * @param billMonth     the billed month compared (last complete month)
 * @param rows          one row per service group, sorted by service
 * @param modelledUsd   modelled monthly total
 * @param billedUsd     billed total for the services the model covers
 * @param differencePct (modelled - billed) / billed x 100, or null when billed is zero
 * @param thresholdPct  above this absolute difference a warning is raised
 * @param warnings      warnings naming the services that explain the gap
 */
public record Reconciliation(
    YearMonth billMonth,
    List<Row> rows,
    BigDecimal modelledUsd,
    BigDecimal billedUsd,
    BigDecimal differencePct,
    BigDecimal thresholdPct,
    List<String> warnings) {
  public Reconciliation {
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
  }

  /**
   * @param service        service group, e.g. "Amazon EC2"
   * @param billedServices Cost Explorer service names that feed this row
   * @param modelledUsd    modelled
   * @param billedUsd      billed
   * @param differenceUsd  modelled - billed
   * @param differencePct  difference / billed x 100, or null when billed is zero
   */
  public record Row(
      String service,
      List<String> billedServices,
      BigDecimal modelledUsd,
      BigDecimal billedUsd,
      BigDecimal differenceUsd,
      BigDecimal differencePct) {
    public Row {
      billedServices = List.copyOf(billedServices);
    }
  }
}
