package dev.migrate.pricing;

import java.util.List;

/**
 * A traffic geography and the price columns it maps to on each side.
 *
 * @param name                   canonical name, e.g. {@code japan}
 * @param awsCloudfrontTransfer  CloudFront data-transfer-out price geography
 * @param awsCloudfrontRequests  CloudFront request price geography
 * @param gcpCdn                 Cloud CDN cache egress destination
 * @param gcpEgressDest          Premium Tier internet egress destination
 * @param aliases                other accepted spellings (normalised)
 * @param regionPrefixes         AWS and Google Cloud region prefixes in this geography
 */
public record Geography(
    String name,
    String awsCloudfrontTransfer,
    String awsCloudfrontRequests,
    String gcpCdn,
    String gcpEgressDest,
    List<String> aliases,
    List<String> regionPrefixes) {
  public Geography {
    aliases = List.copyOf(aliases);
    regionPrefixes = List.copyOf(regionPrefixes);
  }
}
