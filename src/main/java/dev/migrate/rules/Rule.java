package dev.migrate.rules;

import dev.migrate.plan.Effort;
import dev.migrate.plan.ItemKind;
import java.util.List;
import java.util.Map;

/**
 * One validated rule.
 *
 * @param id           unique id, e.g. {@code ec2-asg-behind-lb}
 * @param description  one sentence for people
 * @param priority     higher wins when several rules match one item
 * @param kind         item kind it matches
 * @param all          conditions that must all hold (tag selectors included)
 * @param any          conditions of which at least one must hold (empty: no such requirement)
 * @param target       target type and parameters
 * @param sizing       sizing parameters (null fields: run defaults)
 * @param effort       rehost, replatform or refactor
 * @param notes        free text for the report
 * @param warnings     warnings added to every mapping of this rule
 * @param blockers     blockers added to every mapping of this rule
 * @param file         file it was defined in
 * @param line         line of its {@code id}
 * @param column       column of its {@code id}
 * @param order        load order (files by name, then position); breaks priority ties, lower first
 */
public record Rule(
    String id,
    String description,
    int priority,
    ItemKind kind,
    List<Condition> all,
    List<Condition> any,
    TargetSpec target,
    Sizing sizing,
    Effort effort,
    String notes,
    List<String> warnings,
    List<String> blockers,
    String file,
    int line,
    int column,
    int order) {

  /** {@code file:line:col} of the rule's id. */
  public String location() {
    return file + ":" + line + ":" + column;
  }

  /** Whether this rule wins over {@code other} when both match. */
  boolean outranks(Rule other) {
    return priority != other.priority ? priority > other.priority : order < other.order;
  }

  /** A copy with another load order (used when rule sets are combined). */
  Rule withOrder(int newOrder) {
    return new Rule(id, description, priority, kind, all, any, target, sizing, effort, notes, warnings, blockers,
        file, line, column, newOrder);
  }

  /**
   * A target type and its parameters (already checked against the type's schema).
   *
   * @param type    gke-workload, compute-engine, persistent-disk, cloud-load-balancing, cloud-cdn,
   *                cloud-storage, memorystore, cloud-sql, alloydb or retire
   * @param params  parameter values (String, Boolean, Double, List or Map of strings)
   */
  public record TargetSpec(String type, Map<String, Object> params) {
    String string(String name, String fallback) {
      Object v = params.get(name);
      return v == null ? fallback : v.toString();
    }

    boolean bool(String name, boolean fallback) {
      Object v = params.get(name);
      return v == null ? fallback : (Boolean) v;
    }
  }

  /**
   * Sizing parameters; null means "use the run's value or the default".
   *
   * @param strategy        as-is or measured
   * @param percentile      95 (p95) or 100 (maximum) of CPU utilisation
   * @param headroom        factor on measured CPU (1.3 = aim for about 77% utilisation)
   * @param memoryHeadroom  factor on measured memory
   * @param minNodes        minimum GKE nodes in the pool
   * @param series          Compute Engine series to choose from, in preference order
   * @param storageHeadroom factor on measured database storage (Cloud SQL storage cannot shrink later)
   */
  public record Sizing(String strategy, Integer percentile, Double headroom, Double memoryHeadroom, Integer minNodes,
      List<String> series, Double storageHeadroom) {
    static final Sizing NONE = new Sizing(null, null, null, null, null, List.of(), null);
  }
}
