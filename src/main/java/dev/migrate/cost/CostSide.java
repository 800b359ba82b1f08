package dev.migrate.cost;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All cost lines of one phase and their total.
 *
 * @param phase       CURRENT or TARGET
 * @param lines       cost lines, sorted by service, item id, component
 * @param monthlyUsd  sum of the lines
 */
public record CostSide(Phase phase, List<CostLine> lines, BigDecimal monthlyUsd) {
  public CostSide {
    lines = List.copyOf(lines);
  }

  public static CostSide of(Phase phase, List<CostLine> lines) {
    BigDecimal sum = BigDecimal.ZERO;
    for (CostLine l : lines) {
      sum = sum.add(l.monthlyUsd());
    }
    return new CostSide(phase, lines, sum);
  }

  /** Monthly USD of the lines priced from another region's price (already inside {@link #monthlyUsd}). */
  public BigDecimal estimatedUsd() {
    return lines.stream().filter(CostLine::estimated).map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Number of estimated lines. */
  public long estimatedLines() {
    return lines.stream().filter(CostLine::estimated).count();
  }

  /** Monthly USD by service, sorted by service name. */
  public Map<String, BigDecimal> byService() {
    var map = new TreeMap<String, BigDecimal>();
    lines.forEach(l -> map.merge(l.service(), l.monthlyUsd(), BigDecimal::add));
    return map;
  }

  /** Monthly USD by application tag, sorted by app. */
  public Map<String, BigDecimal> byApp() {
    var map = new TreeMap<String, BigDecimal>();
    lines.forEach(l -> map.merge(l.app() == null ? "(untagged)" : l.app(), l.monthlyUsd(), BigDecimal::add));
    return map;
  }
}
