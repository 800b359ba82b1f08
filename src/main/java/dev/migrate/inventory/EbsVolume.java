package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.Objects;

/**
 * An EBS volume.
 *
 * @param id                volume id
 * @param region            AWS region
 * @param availabilityZone  zone
 * @param volumeType        gp2, gp3, io1, io2, st1, sc1 or standard
 * @param sizeGib           provisioned size in GiB
 * @param iops              provisioned IOPS, or null where the type has none
 * @param throughputMibps   provisioned throughput in MiB/s (gp3), or null
 * @param state             in-use, available, ...
 * @param attachedTo        instance id it is attached to, or null
 * @param tags              tags, sorted by key
 */
public record EbsVolume(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String region,
    String availabilityZone,
    @JsonProperty(required = true) String volumeType,
    @JsonProperty(required = true) int sizeGib,
    Integer iops,
    Integer throughputMibps,
    String state,
    String attachedTo,
    Map<String, String> tags) {

  public EbsVolume {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(volumeType, "volumeType");
    if (sizeGib < 0) {
      throw new IllegalArgumentException("sizeGib must not be negative");
    }
    tags = Lists.sorted(tags);
  }
}
