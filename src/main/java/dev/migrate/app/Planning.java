package dev.migrate.app;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotFormatException;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.rules.Explanation;
import dev.migrate.rules.PlanOptions;
import dev.migrate.rules.RuleEngine;
import dev.migrate.rules.RuleLoader;
import dev.migrate.rules.RuleSet;
import dev.migrate.rules.RulesException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planning stage for the commands: loads rules (shipped, or a user's directory that
 * extends or replaces them), maps a snapshot to a {@link MigrationPlan}, validates rule
 * directories and explains single items. Rule errors become one {@link Failure} of kind
 * INVALID_INPUT whose message has one {@code file:line:col: message} line per error.
 */
public final class Planning {
  private Planning() {}

  /**
   * What a plan run needs besides the snapshot.
   *
   * @param rulesDir         a directory of rule files, or null for the shipped rules only
   * @param replaceBuiltIn   true: use only {@code rulesDir}; false: shipped rules extended by it
   *                         (a user rule with a shipped rule's id replaces that rule)
   * @param regionOverrides  AWS region to Google Cloud region, replacing the default mapping
   * @param rightsizing      as-is or measured, or null for the rule's or the default (measured)
   * @param percentile       95 or 100, or null (default 95)
   * @param headroom         CPU headroom factor, or null (default 1.3)
   */
  public record PlanRequest(Path rulesDir, boolean replaceBuiltIn, Map<String, String> regionOverrides,
      Choices.Rightsizing rightsizing, Integer percentile, Double headroom) {
    public PlanRequest {
      regionOverrides = regionOverrides == null ? Map.of() : Map.copyOf(regionOverrides);
    }

    /** Shipped rules, default regions and sizing. */
    public static PlanRequest defaults() {
      return new PlanRequest(null, false, Map.of(), null, null, null);
    }
  }

  /** A validated rule set and what was read, for {@code migrate rules validate}. */
  public record RulesSummary(String origin, List<String> files, int rules) {}

  /** The plan for a snapshot. */
  public static MigrationPlan plan(Snapshot snapshot, PlanRequest request) {
    return plan(Topology.of(snapshot), request);
  }

  /** The plan for a snapshot already indexed (the run's one index). */
  public static MigrationPlan plan(Topology topology, PlanRequest request) {
    RuleEngine engine = new RuleEngine(rules(request));
    return engine.plan(topology, options(request));
  }

  /** Loads (and so validates) the rules a request names. */
  public static RuleSet rules(PlanRequest request) {
    try {
      return RuleLoader.withUserRules(request.rulesDir(), request.replaceBuiltIn());
    } catch (RulesException e) {
      throw failure(e);
    }
  }

  /**
   * Validates a directory of rules (null: the shipped rules). With {@code extend}, the directory
   * is also checked together with the shipped rules (unreachable rules across both).
   */
  public static RulesSummary validate(Path dir, boolean extend) {
    try {
      RuleSet set = dir == null ? RuleLoader.builtIn() : RuleLoader.fromDirectory(dir);
      if (dir != null && extend) {
        set = RuleLoader.combine(RuleLoader.builtIn(), set);
      }
      return new RulesSummary(set.origin(), set.files(), set.rules().size());
    } catch (RulesException e) {
      throw failure(e);
    }
  }

  /** Which rules matched an item of a snapshot file, which won, and why, as text. */
  public static String explain(Path snapshotFile, String itemId, PlanRequest request) {
    Snapshot s = readSnapshot(snapshotFile);
    RuleEngine engine = new RuleEngine(rules(request));
    Explanation e = engine.explain(s, itemId, options(request)).orElseThrow(() -> new Failure(Failure.Kind.USAGE,
        "no item '" + itemId + "' in " + snapshotFile + "; give an instance id, volume id, group name, load balancer id"
            + " or name, distribution id or bucket name"));
    return e.text();
  }

  /** Reads a snapshot, turning format problems into an INVALID_INPUT failure. */
  public static Snapshot readSnapshot(Path file) {
    return readSnapshot(file, w -> {});
  }

  /** {@link #readSnapshot(Path)}, passing the snapshot's warnings (references to missing resources) on. */
  public static Snapshot readSnapshot(Path file, java.util.function.Consumer<String> warnings) {
    try {
      return SnapshotJson.read(file, warnings);
    } catch (SnapshotFormatException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, e.getMessage(), e);
    }
  }

  /**
   * Parses {@code --region-map} values such as {@code ap-northeast-1=asia-east1}.
   *
   * @throws Failure (USAGE) naming the bad value
   */
  public static Map<String, String> parseRegionMap(List<String> values) {
    Map<String, String> out = new TreeMap<>();
    if (values == null) {
      return out;
    }
    for (String v : values) {
      for (String part : v.split(",")) {
        String[] kv = part.trim().split("=", -1);
        if (kv.length != 2 || !kv[0].matches("[a-z]{2}(-[a-z]+)+-\\d") || !kv[1].matches("[a-z]+(-[a-z]+)*\\d+")) {
          throw new Failure(Failure.Kind.USAGE, "--region-map '" + part.trim()
              + "': expected AWS-REGION=GCP-REGION, e.g. ap-northeast-1=asia-east1");
        }
        out.put(kv[0], kv[1]);
      }
    }
    return out;
  }

  static PlanOptions options(PlanRequest r) {
    try {
      String strategy = r.rightsizing() == null ? null : r.rightsizing().label();
      return new PlanOptions(r.regionOverrides(), strategy, r.percentile(), r.headroom());
    } catch (IllegalArgumentException e) {
      throw new Failure(Failure.Kind.USAGE, e.getMessage());
    }
  }

  private static Failure failure(RulesException e) {
    List<String> lines = e.lines();
    String message = "rules are invalid (" + lines.size() + (lines.size() == 1 ? " error" : " errors")
        + "); fix them and run 'migrate rules validate' again:\n" + String.join("\n", lines);
    return new Failure(Failure.Kind.INVALID_INPUT, message, e);
  }
}
