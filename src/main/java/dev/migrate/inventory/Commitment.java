package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A reserved instance or a savings plan: it lowers what today's EC2 usage really costs.
 *
 * @param kind          {@code reserved-instance} or {@code savings-plan}
 * @param id            reservation or savings plan id
 * @param region        region (reserved instances), or null for savings plans
 * @param instanceType  instance type (reserved instances; EC2 Instance savings plans name a family), or null
 * @param platform      product description, e.g. Linux/UNIX, or null
 * @param count         instances reserved (1 for savings plans)
 * @param start         start of the term
 * @param end           end of the term
 * @param upfrontUsd    one-off upfront payment in USD
 * @param hourlyUsd     recurring hourly charge (RI) or hourly commitment (savings plan) in USD
 * @param offering      e.g. Standard/Convertible (RI), Compute/EC2Instance (savings plan)
 * @param state         active, retired, ...
 */
public record Commitment(
    @JsonProperty(required = true) String kind,
    @JsonProperty(required = true) String id,
    String region,
    String instanceType,
    String platform,
    int count,
    Instant start,
    Instant end,
    BigDecimal upfrontUsd,
    BigDecimal hourlyUsd,
    String offering,
    String state) {
  public Commitment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }
}
