package dev.migrate.cost.hybrid;

import dev.migrate.io.Csv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The unit prices and factors the hybrid phase needs and the main price book does not carry
 * yet: HA VPN tunnel and AWS VPN connection hours, data transfer out of each cloud, committed-use
 * and Spot factors per machine series, a regional compute price index, and Cloud Interconnect
 * circuits, VLAN attachments and data transfer out by region. Each value keeps its
 * source and date. Bundled as {@code /pricebook/hybrid-link-prices.csv}.
 */
public final class HybridPrices {
  /** Classpath location of the bundled table. */
  public static final String BUNDLED = "/pricebook/hybrid-link-prices.csv";

  /**
   * One value of the table.
   *
   * @param item    e.g. gcp_vpn_tunnel_hour
   * @param scope   region, series or "all"
   * @param value   USD per unit, or a ratio
   * @param unit    USD/hour, USD/GiB or ratio
   * @param source  where it comes from
   * @param asOf    date of the source
   */
  public record Price(String item, String scope, BigDecimal value, String unit, String source, LocalDate asOf) {}

  private final Map<String, Price> prices;

  private HybridPrices(Map<String, Price> prices) {
    this.prices = Collections.unmodifiableMap(prices);
  }

  /** The bundled table. */
  public static HybridPrices bundled() {
    try (InputStream in = HybridPrices.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("bundled price table " + BUNDLED + " is missing from the jar");
      }
      return read(in, BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The columns of the table. */
  static final List<String> HEADER = List.of("item", "scope", "value", "unit", "source", "as_of", "note");

  /** Reads a table in the bundled format (comment lines start with #; header item,scope,value,unit,source,as_of,note). */
  public static HybridPrices read(InputStream in, String name) throws IOException {
    Map<String, Price> map = new TreeMap<>();
    List<Csv.Row> rows;
    try {
      rows = Csv.read(in, name);
    } catch (Csv.CsvException e) {
      throw new IOException(e.getMessage(), e);
    }
    if (rows.isEmpty() || !rows.get(0).cells().equals(HEADER)) {
      throw new IOException((rows.isEmpty() ? name : rows.get(0).where()) + ": expected header " + String.join(",", HEADER));
    }
    for (Csv.Row r : rows.subList(1, rows.size())) {
      if (r.size() < 6) {
        throw new IOException(r.where() + ": expected at least 6 columns, got " + r.size());
      }
      try {
        var p = new Price(r.get(0), r.get(1), new BigDecimal(r.get(2)), r.get(3), r.get(4), LocalDate.parse(r.get(5)));
        map.put(p.item() + "|" + p.scope(), p);
      } catch (RuntimeException e) {
        throw new IOException(r.where() + ": " + e.getMessage(), e);
      }
    }
    return new HybridPrices(map);
  }

  /** The value for exactly this item and scope. */
  public Optional<Price> find(String item, String scope) {
    return Optional.ofNullable(prices.get(item + "|" + scope));
  }

  /** The value for this scope, else the item's "all" row. */
  public Optional<Price> findOrAll(String item, String scope) {
    return find(item, scope).or(() -> find(item, "all"));
  }

  /** Cloud VPN tunnel, USD per tunnel-hour, in a Google Cloud region. */
  public Optional<Price> gcpVpnTunnelHour(String gcpRegion) {
    return find("gcp_vpn_tunnel_hour", gcpRegion);
  }

  /** AWS Site-to-Site VPN connection (two tunnels), USD per connection-hour. */
  public Optional<Price> awsVpnConnectionHour(String awsRegion) {
    return findOrAll("aws_vpn_connection_hour", awsRegion);
  }

  /** AWS data transfer out (to the internet, which includes VPN traffic to another cloud), USD/GiB, first tier. */
  public Optional<Price> awsDataOutGib(String awsRegion) {
    return find("aws_internet_out_gib", awsRegion);
  }

  /** Google Cloud Premium Tier internet egress, USD/GiB, first tier, from a region. */
  public Optional<Price> gcpEgressGib(String gcpRegion) {
    return find("gcp_egress_premium_gib", gcpRegion);
  }

  /** Dedicated Interconnect circuit ({@code 10g}, {@code 100g}, {@code 400g}), USD per circuit-hour, any region. */
  public Optional<Price> interconnectCircuitHour(String size) {
    return find("gcp_interconnect_circuit_hour", size);
  }

  /** Interconnect VLAN attachment of a capacity class ({@code 10g}: 50 Mbps-10 Gbps, {@code 20g}, {@code 50g}), USD per hour. */
  public Optional<Price> interconnectAttachmentHour(String capacityClass) {
    return find("gcp_interconnect_attachment_hour", capacityClass);
  }

  /** Data transfer out of a VPC network through an Interconnect attachment in a region, USD/GiB. */
  public Optional<Price> interconnectEgressGib(String gcpRegion) {
    return find("gcp_interconnect_egress_gib", gcpRegion);
  }

  /** Committed-use factor (1y or 3y) of a machine series against on-demand list price. */
  public Optional<Price> cudFactor(String term, String series) {
    return findOrAll("gcp_cud_" + term + "_factor", series);
  }

  /** Spot factor of a machine series against on-demand list price. */
  public Optional<Price> spotFactor(String series) {
    return findOrAll("gcp_spot_factor", series);
  }

  /** Median compute price of a region relative to us-central1. */
  public Optional<Price> regionComputeIndex(String gcpRegion) {
    return find("gcp_region_compute_index", gcpRegion);
  }
}
