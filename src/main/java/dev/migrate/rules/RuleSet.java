package dev.migrate.rules;

import dev.migrate.plan.ItemKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated set of rules, immutable.
 *
 * @param rules   rules in load order
 * @param origin  where they came from ("built-in", a directory, or both joined with " + ")
 * @param files   the files read, in load order
 */
public record RuleSet(List<Rule> rules, String origin, List<String> files) {
  public RuleSet {
    rules = List.copyOf(rules);
    files = List.copyOf(files);
  }

  /** Rules by kind, strongest first (higher priority, then earlier in load order); built on each call. */
  Map<ItemKind, List<Rule>> index() {
    Map<ItemKind, List<Rule>> m = new EnumMap<>(ItemKind.class);
    for (ItemKind k : ItemKind.values()) {
      m.put(k, new ArrayList<>());
    }
    for (Rule r : rules) {
      m.get(r.kind()).add(r);
    }
    m.values().forEach(l -> l.sort(Comparator.comparingInt(Rule::priority).reversed().thenComparingInt(Rule::order)));
    m.replaceAll((k, l) -> List.copyOf(l));
    return m;
  }

  public Optional<Rule> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
