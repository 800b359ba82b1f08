package dev.migrate.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the price book: a unit price that applies from {@code from} (inclusive) up to
 * {@code to} (exclusive) of the monthly quantity. A flat price is one tier from 0 with no end.
 *
 * @param from    start of the tier in the price's unit (0 for flat prices)
 * @param to      end of the tier, or null when open-ended
 * @param usd     USD per unit
 * @param source  where this figure comes from (repository@commit:path, page URL)
 * @param asOf    date of the figure at its source
 * @param note    caveats (confidence, unit conversions), or empty
 * @param origin  file:line of the row, for error messages and the price book diff
 */
public record Tier(BigDecimal from, BigDecimal to, BigDecimal usd, String source, LocalDate asOf, String note,
    String origin) {
  public Tier {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(usd, "usd");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asOf, "asOf");
    note = note == null ? "" : note;
  }

  /** "0-10240" or "153600+" in the price's unit, for component names. */
  public String bounds() {
    return from.stripTrailingZeros().toPlainString() + (to == null ? "+" : "-" + to.stripTrailingZeros().toPlainString());
  }
}
