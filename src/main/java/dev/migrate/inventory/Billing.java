package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The actual monthly bill (Cost Explorer, unblended cost), oldest month first.
 *
 * @param currency  ISO currency of the amounts (USD for Cost Explorer)
 * @param months    one entry per calendar month
 */
public record Billing(String currency, List<Month> months) {
  public static final Billing EMPTY = new Billing("USD", List.of());

  public Billing {
    currency = currency == null ? "USD" : currency;
    months = Lists.copy(months);
  }

  /**
   * @param month      calendar month
   * @param estimated  true when the month was still open at collection time
   * @param services   cost per AWS service, sorted by service name
   */
  public record Month(
      @JsonProperty(required = true) YearMonth month,
      boolean estimated,
      List<ServiceCost> services) {
    public Month {
      Objects.requireNonNull(month, "month");
      services = Lists.copy(services);
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
}
