package dev.migrate.pricing;

import java.util.Objects;

/**
 * Names one price in the book: {@code provider/service/sku/region}, e.g.
 * {@code aws/ec2/m5.large:linux/ap-northeast-1}. The region {@code all} holds prices that do not
 * vary by region; a lookup for a region falls back to it.
 *
 * @param provider  aws or gcp
 * @param service   ec2, ebs, elb, cloudfront, s3, data-transfer, compute, disk, gke, load-balancing, cdn, storage, network
 * @param sku       what is charged within the service, e.g. {@code m5.large:linux}, {@code gp3:storage}
 * @param region    region, price geography, {@code global} or {@code all}
 */
public record PriceKey(String provider, String service, String sku, String region) {
  public PriceKey {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(region, "region");
  }

  public static PriceKey aws(String service, String sku, String region) {
    return new PriceKey("aws", service, sku, region);
  }

  public static PriceKey gcp(String service, String sku, String region) {
    return new PriceKey("gcp", service, sku, region);
  }

  /** Parses {@code provider/service/sku/region} (the sku may not contain '/'). */
  public static PriceKey parse(String text) {
    String[] p = text.split("/", -1);
    if (p.length != 4) {
      throw new IllegalArgumentException("a price key has four parts provider/service/sku/region: '" + text + "'");
    }
    return new PriceKey(p[0], p[1], p[2], p[3]);
  }

  public PriceKey inRegion(String otherRegion) {
    return new PriceKey(provider, service, sku, otherRegion);
  }

  @Override
  public String toString() {
    return provider + "/" + service + "/" + sku + "/" + region;
  }
}
