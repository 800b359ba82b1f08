package dev.migrate.rules;

import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.Unmapped;
import java.util.List;
import java.util.Map;

/**
 * Why an item goes where it goes: every rule of its kind, strongest first, with the
 * conditions that held and those that failed, and the result.
 *
 * @param itemId    item id
 * @param kind      item kind
 * @param itemName  name for people
 * @param checks    rules of the kind in precedence order
 * @param mapping   the mapping, or null when unmapped
 * @param unmapped  the unmapped entry, or null when mapped
 */
public record Explanation(String itemId, ItemKind kind, String itemName, List<Check> checks, Mapping mapping,
    Unmapped unmapped) {

  /**
   * @param ruleId    rule id
   * @param location  file:line:col of the rule
   * @param priority  priority
   * @param matched   all conditions held
   * @param passed    conditions that held, with the item's values
   * @param failed    conditions that failed, with the item's values
   */
  public record Check(String ruleId, String location, int priority, boolean matched, List<String> passed,
      List<String> failed) {}

  /**
   * The explanation for the terminal. Names, tag values and reasons quote the snapshot, which
   * others write: each is printed with its control characters made visible, so a tag cannot
   * forge a line or send escape sequences.
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    b.append(kind.wire()).append(' ').append(safe(itemId));
    if (itemName != null && !itemName.equals(itemId)) {
      b.append(" (").append(safe(itemName)).append(')');
    }
    b.append('\n');
    String winner = mapping != null ? mapping.ruleId() : null;
    boolean first = true;
    for (Check c : checks) {
      String mark = c.ruleId().equals(winner) ? "WON    " : c.matched() ? (first ? "MATCHED" : "matched") : "no     ";
      if (c.matched() && winner == null && first) {
        mark = "MATCHED";
      }
      b.append("  ").append(mark).append(' ').append(safe(c.ruleId())).append(" (priority ").append(c.priority())
          .append(", ").append(safe(c.location())).append(")\n");
      for (String p : c.passed()) {
        b.append("      + ").append(safe(p)).append('\n');
      }
      for (String f : c.failed()) {
        b.append("      - ").append(safe(f)).append('\n');
      }
      if (c.matched() && !c.ruleId().equals(winner) && winner != null) {
        b.append("      (matched, but '").append(safe(winner)).append("' wins: higher priority or defined earlier)\n");
      }
      if (c.matched()) {
        first = false;
      }
    }
    if (checks.isEmpty()) {
      b.append("  no rules for ").append(kind.wire()).append('\n');
    }
    if (mapping != null) {
      b.append("result: ").append(safe(mapping.target().label())).append(" -> ").append(safe(describe(mapping))).append('\n');
      b.append("why: ").append(safe(mapping.reason())).append('\n');
      b.append("effort: ").append(mapping.effort().wire()).append('\n');
      for (Map.Entry<String, String> e : mapping.sizing().entrySet()) {
        b.append("sizing: ").append(safe(e.getKey())).append(" = ").append(safe(e.getValue())).append('\n');
      }
      mapping.warnings().forEach(w -> b.append("warning: ").append(safe(w)).append('\n'));
      mapping.blockers().forEach(w -> b.append("blocker: ").append(safe(w)).append('\n'));
    } else if (unmapped != null) {
      b.append("result: unmapped: ").append(safe(unmapped.reason())).append('\n');
    }
    return b.toString();
  }

  private static String safe(String s) {
    return dev.migrate.io.Terminal.safe(s);
  }

  /** The target in one line (type-specific sizes). */
  public static String describe(Mapping m) {
    return Targets.describe(m.target());
  }
}
