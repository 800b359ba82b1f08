package dev.migrate.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One inventory item and where it goes.
 *
 * @param itemId     inventory id (instance id, volume id, group name, LB id, distribution id, bucket)
 * @param kind       item kind
 * @param itemName   name for people (Name tag, LB name, bucket name)
 * @param awsRegion  AWS region ({@code global} for CloudFront)
 * @param target     where it goes
 * @param ruleId     the rule that won
 * @param reason     why that rule matched, in one sentence
 * @param effort     rehost, replatform or refactor
 * @param blockers   what must be solved before it can move (no direct equivalent)
 * @param warnings   what changes or needs a look (licences, missing measurements)
 * @param sizing     sizing facts the rule used (e.g. "cpuP95Pct" -> "38.2"), sorted by key
 * @param tier       the tier the item plays ({@link Tiers}): the rule's {@code appTier}, else from the target;
 *                   null when the plan does not state it (hand-made plans), and readers then use {@link Tiers#of}
 */
public record Mapping(
    String itemId,
    ItemKind kind,
    String itemName,
    String awsRegion,
    Target target,
    String ruleId,
    String reason,
    Effort effort,
    List<String> blockers,
    List<String> warnings,
    Map<String, String> sizing,
    String tier) {
  public Mapping {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(effort, "effort");
    blockers = List.copyOf(blockers == null ? List.of() : blockers);
    warnings = List.copyOf(warnings == null ? List.of() : warnings);
    sizing = sizing == null ? SortedStrings.EMPTY : SortedStrings.of(sizing);
  }

  /** A mapping that does not state its tier (hand-made plans). */
  public Mapping(String itemId, ItemKind kind, String itemName, String awsRegion, Target target, String ruleId,
      String reason, Effort effort, List<String> blockers, List<String> warnings, Map<String, String> sizing) {
    this(itemId, kind, itemName, awsRegion, target, ruleId, reason, effort, blockers, warnings, sizing, null);
  }
}
