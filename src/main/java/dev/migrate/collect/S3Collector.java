package dev.migrate.collect;

import dev.migrate.inventory.S3Bucket;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * S3 buckets and their regions. Objects are never listed: sizes and counts come from the
 * CloudWatch daily storage metrics ({@link MetricsCollector}).
 */
final class S3Collector {
  static final List<String> ACTIONS = List.of("s3:ListAllMyBuckets", "s3:GetBucketLocation");
  /** ListBuckets max-buckets ceiling (API reference: 1..10000). */
  static final int PAGE = 10_000;

  private S3Collector() {}

  static int collect(S3Client s3, Sink sink) {
    int n = 0;
    Attempt location = new Attempt(sink, "s3", "global", "bucket regions");
    for (var page : s3.listBucketsPaginator(r -> r.maxBuckets(PAGE))) {
      for (Bucket b : page.buckets()) {
        // ListBuckets names the region itself since 2024; older endpoints need GetBucketLocation.
        String region = b.bucketRegion();
        if (region == null || region.isBlank()) {
          region = location.get(b.name(), () -> regionOf(s3.getBucketLocation(r -> r.bucket(b.name())).locationConstraintAsString()),
              "unknown");
        }
        sink.buckets.add(new S3Bucket(b.name(), region, b.creationDate(), List.of(), null, null));
        n++;
      }
    }
    return n;
  }

  /** An empty location constraint is us-east-1; "EU" is the legacy name of eu-west-1. */
  static String regionOf(String constraint) {
    if (constraint == null || constraint.isBlank() || "null".equals(constraint)) {
      return "us-east-1";
    }
    return "EU".equals(constraint) ? "eu-west-1" : constraint;
  }
}
