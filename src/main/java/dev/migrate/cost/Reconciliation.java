package dev.migrate.cost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The modelled AWS month against the real bill.
 *
 * @param billMonth     the billed month compared (last complete month)
 * @param rows          modelled rows (one per family of the bill, or per service for bills without usage types),
 *                      then mapped and carried rows
 * @param modelledUsd   modelled monthly total of the modelled rows
 * @param billedUsd     billed total of the modelled rows (the part of the bill the model prices)
 * @param differencePct (modelled - billed) / billed x 100, or null when billed is zero
 * @param thresholdPct  above this absolute difference a warning is raised
 * @param warnings      warnings naming the rows that explain the gap
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
   * @param service        what the row compares: a family of the bill ("EBS volumes (...)"), or a service
   * @param billedServices Cost Explorer service names that feed this row
   * @param modelledUsd    modelled (for mapped and carried rows: the AWS amount the assessment uses, = billed)
   * @param billedUsd      billed
   * @param differenceUsd  modelled - billed
   * @param differencePct  difference / billed x 100, or null when billed is zero
   * @param coverage       modelled, mapped or carried
   * @param usageTypes     the bill's usage types in this row, sorted (empty for bills without usage types)
   */
  public record Row(
      String service,
      List<String> billedServices,
      BigDecimal modelledUsd,
      BigDecimal billedUsd,
      BigDecimal differenceUsd,
      BigDecimal differencePct,
      String coverage,
      List<String> usageTypes) {
    public Row {
      billedServices = List.copyOf(billedServices);
      coverage = coverage == null ? BillFamilies.MODELLED : coverage;
      usageTypes = usageTypes == null ? List.of() : List.copyOf(usageTypes);
    }

    /** A modelled row without usage types (bills by service). */
    public Row(String service, List<String> billedServices, BigDecimal modelledUsd, BigDecimal billedUsd,
        BigDecimal differenceUsd, BigDecimal differencePct) {
      this(service, billedServices, modelledUsd, billedUsd, differenceUsd, differencePct, BillFamilies.MODELLED, List.of());
    }
  }
}
