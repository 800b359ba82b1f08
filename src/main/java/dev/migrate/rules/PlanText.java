package dev.migrate.rules;

import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Unmapped;
import java.util.Map;

/** A plain-text rendering of a plan: one block per item (target, rule, size, warnings), then the unmapped items. */
public final class PlanText {
  private PlanText() {}

  public static String render(MigrationPlan plan) {
    StringBuilder b = new StringBuilder();
    b.append("rules: ").append(plan.rulesSource()).append('\n');
    plan.regionMap().forEach((aws, gcp) -> b.append("region: ").append(aws).append(" -> ").append(gcp).append('\n'));
    for (Mapping m : plan.mappings()) {
      b.append(m.kind().wire()).append(' ').append(m.itemId());
      if (m.itemName() != null && !m.itemName().equals(m.itemId())) {
        b.append(" (").append(m.itemName()).append(')');
      }
      b.append(" -> ").append(m.target().label()).append(": ").append(Targets.describe(m.target())).append('\n');
      b.append("    rule ").append(m.ruleId()).append(", ").append(m.effort().wire()).append('\n');
      StringBuilder size = new StringBuilder();
      for (Map.Entry<String, String> e : m.sizing().entrySet()) {
        size.append(size.length() == 0 ? "" : "; ").append(e.getKey()).append('=').append(e.getValue());
      }
      if (size.length() > 0) {
        b.append("    size ").append(size).append('\n');
      }
      m.warnings().forEach(w -> b.append("    warning: ").append(w).append('\n'));
      m.blockers().forEach(w -> b.append("    blocker: ").append(w).append('\n'));
    }
    for (Unmapped u : plan.unmapped()) {
      b.append("UNMAPPED ").append(u.kind().wire()).append(' ').append(u.itemId()).append(": ").append(u.reason()).append('\n');
    }
    return b.toString();
  }
}
