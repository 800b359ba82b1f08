package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An S3 bucket with its size from CloudWatch daily storage metrics (objects are never listed).
 *
 * @param name          bucket name
 * @param region        bucket region
 * @param createdAt     creation time, or null
 * @param storage       bytes (and objects where known) per storage class, sorted by class
 * @param totalObjects  object count over all classes (CloudWatch reports it only in total), or null
 * @param tags          tags, sorted by key
 */
public record S3Bucket(
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String region,
    Instant createdAt,
    List<StorageClassUsage> storage,
    Long totalObjects,
    Map<String, String> tags) {

  public S3Bucket {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    storage = Lists.copy(storage);
    tags = Lists.sorted(tags);
  }

  public long totalBytes() {
    return storage.stream().mapToLong(StorageClassUsage::bytes).sum();
  }

  /**
   * @param storageClass  STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR,
   *                      GLACIER, DEEP_ARCHIVE, REDUCED_REDUNDANCY
   * @param bytes         bytes stored in that class (daily average over the window's last day)
   * @param objects       objects in that class, or null when not reported per class
   */
  public record StorageClassUsage(
      @JsonProperty(required = true) String storageClass,
      @JsonProperty(required = true) long bytes,
      Long objects) {
    public StorageClassUsage {
      Objects.requireNonNull(storageClass, "storageClass");
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes must not be negative");
      }
    }

    public double gib() {
      return bytes / (double) (1L << 30);
    }
  }
}
