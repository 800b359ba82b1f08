package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * @param id          VPC id
 * @param region      AWS region
 * @param cidrBlocks  IPv4 CIDR blocks, sorted
 * @param isDefault   whether it is the region's default VPC
 */
public record Vpc(
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String region,
    List<String> cidrBlocks,
    boolean isDefault) {
  public Vpc {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    cidrBlocks = Lists.copy(cidrBlocks);
  }
}
