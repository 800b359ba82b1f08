package dev.migrate.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much of "AWS today" the model prices on both sides (modelled), how much is mapped to a
 * like-for-like Google Cloud service priced from the book (mapped), and how much is carried at its
 * AWS amount on both sides (carried: bill lines without a model, and items the rules leave unmapped).
 * modelled + mapped + carried = the CURRENT total.
 *
 * @param billMonth    the bill month the bill lines come from (the last complete one), or null without a bill
 * @param basis        {@link #BY_USAGE_TYPE}, {@link #BY_SERVICE} or {@link #NO_BILL}
 * @param billUsd      that month's bill total, or null without a bill
 * @param modelledUsd  CURRENT amount priced by the model (and so on both sides)
 * @param mappedUsd    CURRENT amount of mapped bill lines (the bill's amounts)
 * @param carriedUsd   CURRENT amount carried on both sides
 * @param carried      carried amounts by AWS service (and why), largest first
 * @param mapped       mapped amounts by AWS service with their Google Cloud price, largest first
 * @param lines        each line of the bill month and where it landed, in bill order
 */
public record BillCoverage(
    YearMonth billMonth,
    String basis,
    BigDecimal billUsd,
    BigDecimal modelledUsd,
    BigDecimal mappedUsd,
    BigDecimal carriedUsd,
    List<Part> carried,
    List<Part> mapped,
    List<Line> lines) {
  /** The bill month has usage-type lines: classified line by line. */
  public static final String BY_USAGE_TYPE = "usage-type";
  /** The bill month has services only (older snapshots): classified per service. */
  public static final String BY_SERVICE = "service";
  /** No complete bill month in the snapshot: AWS today is the modelled estate only. */
  public static final String NO_BILL = "none";
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  /** Carried services named in the headline; the rest are summed. */
  private static final int NAMED = 3;

  public BillCoverage {
    carried = List.copyOf(carried);
    mapped = List.copyOf(mapped);
    lines = List.copyOf(lines);
  }

  /**
   * Amounts of one AWS service under one coverage.
   *
   * @param service  AWS service (Cost Explorer name for bill lines, the model's name for unmapped items)
   * @param awsUsd   monthly USD on the AWS side
   * @param gcpUsd   monthly USD on the Google Cloud side (= awsUsd when carried)
   * @param reason   why it lands here, e.g. "no model", "no mapping for 2 item(s)"
   */
  public record Part(String service, BigDecimal awsUsd, BigDecimal gcpUsd, String reason) {}

  /**
   * One line of the bill month.
   *
   * @param service    Cost Explorer service
   * @param usageType  usage type, or null when the bill has services only
   * @param region     AWS region, or null
   * @param amountUsd  billed amount
   * @param quantity   billed quantity, or null
   * @param unit       unit of the quantity, or null
   * @param family     the family that covers it (table id), or null when none matched
   * @param coverage   modelled, mapped or carried
   */
  public record Line(String service, String usageType, String region, BigDecimal amountUsd, BigDecimal quantity,
      String unit, String family, String coverage) {}

  /** Total of the three parts (= AWS today). */
  public BigDecimal totalUsd() {
    return modelledUsd.add(mappedUsd).add(carriedUsd);
  }

  /** Share of AWS today, percent with 2 decimals, or null when AWS today is zero. */
  public BigDecimal pct(BigDecimal part) {
    BigDecimal total = totalUsd();
    if (total.signum() == 0) {
      return null;
    }
    return part.multiply(HUNDRED).divide(total, 2, RoundingMode.HALF_EVEN);
  }

  /** AWS today within the bill month's total: (AWS today - bill) / bill x 100, or null without a bill. */
  public BigDecimal differenceFromBillPct() {
    if (billUsd == null || billUsd.signum() == 0) {
      return null;
    }
    return totalUsd().subtract(billUsd).multiply(HUNDRED).divide(billUsd, 2, RoundingMode.HALF_EVEN);
  }

  /**
   * The coverage in one line for the headline, e.g. "modelled 71%, mapped 4%, carried 25%: Amazon
   * Relational Database Service 4,200.00, Amazon ElastiCache 900.00"; without a bill, says so.
   */
  public String headline() {
    String parts = "modelled " + whole(pct(modelledUsd)) + ", mapped " + whole(pct(mappedUsd)) + ", carried "
        + whole(pct(carriedUsd));
    List<String> named = new ArrayList<>();
    BigDecimal rest = BigDecimal.ZERO;
    int others = 0;
    for (Part p : carried) {
      if (named.size() < NAMED) {
        named.add(p.service() + " " + usd(p.awsUsd()));
      } else {
        rest = rest.add(p.awsUsd());
        others++;
      }
    }
    if (others > 0) {
      named.add(others + " other(s) " + usd(rest));
    }
    String text = parts + (named.isEmpty() ? "" : ": " + String.join(", ", named));
    if (NO_BILL.equals(basis)) {
      return "no AWS bill in the snapshot: AWS today is the modelled estate only, services it does not price are "
          + "missing (" + text + ")";
    }
    return text;
  }

  private static String whole(BigDecimal pct) {
    return pct == null ? "-" : pct.setScale(0, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  public static String usd(BigDecimal v) {
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
        .format(v.setScale(2, RoundingMode.HALF_UP));
  }
}
