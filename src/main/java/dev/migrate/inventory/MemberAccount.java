package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One AWS account of an estate: several accounts (for example the members of an AWS Organization) assessed
 * together as one snapshot. A snapshot of one account has no members.
 *
 * <p>In a snapshot with members, every resource belongs to exactly one member, listed by the id the resource
 * has in that snapshot ({@code resourceIds}), the snapshot's {@code billing} is the consolidated bill of all
 * members, and each member's {@code billing} is its own part of it.
 *
 * @param account      the member account (id and alias)
 * @param name         the account's name in AWS Organizations, or null when not known
 * @param collectedAt  when this account was collected
 * @param regions      regions scanned in this account, sorted
 * @param billing      this account's own monthly bill (empty when not collected)
 * @param resourceIds  ids of the resources (instances, volumes, auto scaling groups, load balancers,
 *                     distributions, buckets, VPCs, DB instances and clusters, caches, network interfaces) and
 *                     commitments (reserved instances, savings plans) of this account, sorted
 */
public record MemberAccount(
    @JsonProperty(required = true) Account account,
    String name,
    Instant collectedAt,
    List<String> regions,
    Billing billing,
    List<String> resourceIds) {

  public MemberAccount {
    Objects.requireNonNull(account, "account");
    regions = Lists.copy(regions);
    billing = billing == null ? Billing.EMPTY : billing;
    resourceIds = Lists.copy(resourceIds);
  }
}
