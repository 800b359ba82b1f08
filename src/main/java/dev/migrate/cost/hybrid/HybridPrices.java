package dev.migrate.cost.hybrid;

import dev.migrate.pricing.PriceBook;
import dev.migrate.pricing.PriceKey;
import dev.migrate.pricing.Tier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The unit prices and factors the hybrid phase reads from the price book: Cloud VPN tunnel and AWS
 * Site-to-Site VPN connection hours, data transfer out of each cloud toward the other (the first
 * volume tier), Cloud Interconnect circuits, VLAN attachments and data transfer out by region,
 * and the committed-use, Spot and regional compute factors ({@code gcp/compute_factors.csv}).
 * Each value keeps the source and date of its row, so {@code --price-book} reaches the what-if too.
 */
public final class HybridPrices {
  /**
   * One value.
   *
   * @param item    the price key it comes from
   * @param scope   region, machine series or "all"
   * @param value   USD per unit (of the first tier), or a ratio
   * @param unit    the book's unit: hour, GiB, GB (AWS bills binary GB, the same as GiB) or ratio
   * @param source  where it comes from
   * @param asOf    date of the source
   */
  public record Price(String item, String scope, BigDecimal value, String unit, String source, LocalDate asOf) {}

  private final PriceBook book;

  private HybridPrices(PriceBook book) {
    this.book = book;
  }

  /** The prices of a loaded book. */
  public static HybridPrices of(PriceBook book) {
    return new HybridPrices(book);
  }

  /** The prices of the bundled book. */
  public static HybridPrices bundled() {
    return of(PriceBook.bundled());
  }

  /** The first tier of a key in exactly this region (no fallback to "all" unless asked). */
  private Optional<Price> exact(PriceKey key, String scope) {
    return book.find(key).filter(p -> p.key().region().equals(key.region())).map(p -> {
      Tier t = p.flat();
      return new Price(key.toString(), scope, t.usd(), p.unit(), t.source(), t.asOf());
    });
  }

  /** Cloud VPN tunnel, USD per tunnel-hour, in a Google Cloud region. */
  public Optional<Price> gcpVpnTunnelHour(String gcpRegion) {
    return exact(PriceKey.gcp("network", "vpn-tunnel", gcpRegion), gcpRegion);
  }

  /** AWS Site-to-Site VPN connection (two tunnels), USD per connection-hour; the book has one price for all regions. */
  public Optional<Price> awsVpnConnectionHour(String awsRegion) {
    return exact(PriceKey.aws("vpn", "connection", awsRegion), awsRegion)
        .or(() -> exact(PriceKey.aws("vpn", "connection", "all"), "all"));
  }

  /**
   * AWS data transfer out toward another cloud (billed as data transfer out to the internet, which
   * includes VPN traffic), USD per GB, first paid tier.
   */
  public Optional<Price> awsDataOutGib(String awsRegion) {
    return exact(PriceKey.aws("data-transfer", "inter-cloud-out", awsRegion), awsRegion);
  }

  /** Google Cloud Premium Tier egress toward another cloud (the internet rate), USD/GiB, first tier, from a region. */
  public Optional<Price> gcpEgressGib(String gcpRegion) {
    return exact(PriceKey.gcp("network", "inter-cloud-out:worldwide_ex_china_australia", gcpRegion), gcpRegion);
  }

  /** Dedicated Interconnect circuit ({@code 10g}, {@code 100g}, {@code 400g}), USD per circuit-hour, any region. */
  public Optional<Price> interconnectCircuitHour(String size) {
    return exact(PriceKey.gcp("interconnect", "dedicated-" + size, "all"), size);
  }

  /** Interconnect VLAN attachment of a capacity class ({@code 10g}: 50 Mbps-10 Gbps, {@code 20g}, {@code 50g}), USD per hour. */
  public Optional<Price> interconnectAttachmentHour(String capacityClass) {
    return exact(PriceKey.gcp("interconnect", "vlan-attachment-" + capacityClass, "all"), capacityClass);
  }

  /** Data transfer out of a VPC network through an Interconnect attachment in a region, USD/GiB. */
  public Optional<Price> interconnectEgressGib(String gcpRegion) {
    return exact(PriceKey.gcp("interconnect", "egress", gcpRegion), gcpRegion);
  }

  /** Committed-use factor (1y or 3y) of a machine series against on-demand list price; the "all" median for other series. */
  public Optional<Price> cudFactor(String term, String series) {
    return factor("cud-" + term, series);
  }

  /** Spot factor of a machine series against on-demand list price; the "all" median for other series. */
  public Optional<Price> spotFactor(String series) {
    return factor("spot", series);
  }

  private Optional<Price> factor(String kind, String series) {
    return exact(PriceKey.gcp("compute-factor", kind + ":" + series, "all"), series)
        .or(() -> exact(PriceKey.gcp("compute-factor", kind + ":all", "all"), "all"));
  }

  /** Median compute price of a region relative to us-central1. */
  public Optional<Price> regionComputeIndex(String gcpRegion) {
    return exact(PriceKey.gcp("compute-factor", "region-index", gcpRegion), gcpRegion);
  }
}
