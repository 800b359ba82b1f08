package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Something that could not be collected; the rest of the snapshot is still valid.
 *
 * @param service    AWS service, e.g. {@code ec2}, {@code cloudfront}, {@code ce}
 * @param region     region, or {@code global}
 * @param errorCode  AWS error code (AccessDenied, OptInRequired, Throttling, ...) or a local reason
 * @param missing    what is missing, e.g. "EBS volumes"
 * @param message    one line for a person
 */
public record Gap(
    @JsonProperty(required = true) String service,
    @JsonProperty(required = true) String region,
    @JsonProperty(required = true) String errorCode,
    @JsonProperty(required = true) String missing,
    String message) {
  public Gap {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(missing, "missing");
  }
}
