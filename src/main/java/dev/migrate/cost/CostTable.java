package dev.migrate.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * The cost lines of an assessment as CSV (CURRENT then TARGET, then totals by service and the
 * missing prices): a plain, diffable view used by golden tests and the {@code --csv} output.
 */
public final class CostTable {
  private CostTable() {}

  public static final List<String> HEADER = List.of("phase", "service", "item_id", "item_name", "app", "component",
      "quantity", "unit", "unit_price_usd", "price_key", "price_source", "price_as_of", "monthly_usd");

  public static String csv(Assessment a) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", HEADER)).append('\n');
    for (CostSide side : List.of(a.current(), a.target())) {
      for (CostLine l : side.lines()) {
        row(sb, l.phase().name(), l.service(), l.itemId(), l.itemName(), l.app(), l.component(), plain(l.quantity()),
            l.unit(), plain(l.unitPriceUsd()), l.priceKey(), l.priceSource(), l.priceAsOf() == null ? "" : l.priceAsOf().toString(),
            plain(l.monthlyUsd()));
      }
    }
    for (CostSide side : List.of(a.current(), a.target())) {
      side.byService().forEach((service, usd) -> row(sb, side.phase().name(), service, "(total)", "", "", "", "", "", "", "",
          "", "", plain(usd)));
      row(sb, side.phase().name(), "(all)", "(total)", "", "", "", "", "", "", "", "", "", plain(side.monthlyUsd()));
    }
    for (MissingPrice m : a.missingPrices()) {
      row(sb, m.phase().name(), "(missing price)", m.itemId(), "", "", m.component(), "", "", "", m.priceKey(), "", "", "");
    }
    return sb.toString();
  }

  private static String plain(BigDecimal v) {
    return v == null ? "" : v.toPlainString();
  }

  private static void row(StringBuilder sb, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String c = cells[i] == null ? "" : cells[i];
      sb.append(c.indexOf(',') < 0 && c.indexOf('"') < 0 && c.indexOf('\n') < 0 ? c : '"' + c.replace("\"", "\"\"") + '"');
    }
    sb.append('\n');
  }
}
