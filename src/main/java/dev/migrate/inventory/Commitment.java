package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A reserved instance, a savings plan, a reserved DB instance or a reserved cache node: it lowers
 * what today's EC2, RDS or ElastiCache usage really costs.
 *
 * @param kind          {@code reserved-instance}, {@code savings-plan}, {@code reserved-db-instance} (RDS:
 *                      {@code instanceType} is the DB class, {@code platform} the engine, {@code offering}
 *                      {@code single-az} or {@code multi-az}) or {@code reserved-cache-node} (ElastiCache:
 *                      {@code instanceType} is the node type, {@code platform} the engine)
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
