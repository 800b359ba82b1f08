package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The actual monthly bill (unblended cost), oldest month first.
 *
 * @param currency  ISO currency of the amounts (USD for Cost Explorer)
 * @param months    one entry per calendar month
 * @param source    where the bill was read from: {@link #SOURCE_COST_EXPLORER}, {@link #SOURCE_DATA_EXPORTS},
 *                  or null when not recorded (older snapshots)
 */
public record Billing(String currency, List<Month> months, String source) {
  public static final Billing EMPTY = new Billing("USD", List.of(), null);
  /** The bill came from the Cost Explorer API ({@code ce:GetCostAndUsage}). */
  public static final String SOURCE_COST_EXPLORER = "cost-explorer";
  /** The bill came from AWS Data Exports / Cost and Usage Report 2.0 files. */
  public static final String SOURCE_DATA_EXPORTS = "data-exports";

  public Billing {
    currency = currency == null ? "USD" : currency;
    months = Lists.copy(months);
  }

  /** A bill without a recorded source (the format before {@code source} was added). */
  public Billing(String currency, List<Month> months) {
    this(currency, months, null);
  }

  /**
   * @param month       calendar month
   * @param estimated   true when the month was still open at collection time
   * @param services    cost per AWS service, sorted by service name
   * @param usageLines  the same month by service and usage type, sorted by service, usage type and region;
   *                    empty when not collected (older snapshots, or the usage-type query was not readable)
   */
  public record Month(
      @JsonProperty(required = true) YearMonth month,
      boolean estimated,
      List<ServiceCost> services,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UsageLine> usageLines) {
    public Month {
      Objects.requireNonNull(month, "month");
      services = Lists.copy(services);
      usageLines = Lists.copy(usageLines);
    }

    /** A month by service only (the format before {@code usageLines} was added). */
    public Month(YearMonth month, boolean estimated, List<ServiceCost> services) {
      this(month, estimated, services, null);
    }

    public BigDecimal totalUsd() {
      return services.stream().map(ServiceCost::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /**
   * @param service    Cost Explorer service name, e.g. "Amazon Elastic Compute Cloud - Compute"
   * @param amountUsd  unblended cost for the month
   */
  public record ServiceCost(
      @JsonProperty(required = true) String service,
      @JsonProperty(required = true) BigDecimal amountUsd) {
    public ServiceCost {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(amountUsd, "amountUsd");
    }
  }

  /**
   * One line of the bill by usage type: what AWS charged for one usage type of one service in a month.
   *
   * @param service    Cost Explorer service name, as in {@link ServiceCost}
   * @param usageType  AWS usage type, e.g. "USE1-BoxUsage:m5.large", "DataTransfer-Out-Bytes", "APN1-NatGateway-Hours"
   * @param region     AWS region the usage belongs to (from the usage type's prefix or the export's region
   *                   column), null for global usage
   * @param amountUsd  unblended cost for the month
   * @param quantity   usage quantity in {@code unit}, null when the source gave none
   * @param unit       unit of {@code quantity} as AWS names it ("Hrs", "GB", "GB-Mo", "Requests"), null when none
   */
  public record UsageLine(
      @JsonProperty(required = true) String service,
      @JsonProperty(required = true) String usageType,
      String region,
      @JsonProperty(required = true) BigDecimal amountUsd,
      BigDecimal quantity,
      String unit) {
    public UsageLine {
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(usageType, "usageType");
      Objects.requireNonNull(amountUsd, "amountUsd");
    }
  }
}
