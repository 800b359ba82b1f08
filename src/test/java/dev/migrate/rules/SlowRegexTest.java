package dev.migrate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.plan.MigrationPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rule regular expressions run in linear time: a pattern that makes a backtracking engine take
 * exponential time on a long name ({@code (.*a){20}$}) matches at once, and a pattern that only a
 * backtracking engine understands (lookaround, backreferences) is refused when the rules load.
 */
class SlowRegexTest {
  private static final String RULES = """
      apiVersion: migrate.rules/v1
      rules:
        - id: odd-names
          priority: 500
          match:
            kind: ec2-instance
            all:
              - {attr: name, op: matches, value: %s}
          target: {type: compute-engine}
          effort: rehost
      """;

  private static RuleSet rules(String pattern) {
    return RuleLoader.load(List.of(new RuleLoader.Source("r.yaml", RULES.formatted(pattern))), "test");
  }

  @Test
  void aCatastrophicPatternAgainstALongNameReturnsAtOnce() {
    RuleSet set = rules("\"(.*a){20}$\"");
    String longName = "a".repeat(5_000) + "!";
    var snapshot = new TestEstate().linux("i-long", "m5.large", null, Map.of("Name", longName)).snapshot();
    MigrationPlan plan = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> new RuleEngine(set).plan(snapshot, PlanOptions.DEFAULTS));
    // the name does not end in 'a', so the rule does not take it
    assertTrue(plan.mappings().stream().noneMatch(m -> "odd-names".equals(m.ruleId())), plan.mappings()::toString);

    var endsInA = new TestEstate().linux("i-long", "m5.large", null, Map.of("Name", "a".repeat(5_000))).snapshot();
    MigrationPlan taken = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> new RuleEngine(set).plan(endsInA, PlanOptions.DEFAULTS));
    assertTrue(taken.mappings().stream().anyMatch(m -> "odd-names".equals(m.ruleId())), taken.mappings()::toString);
  }

  @Test
  void patternsOnlyABacktrackingEngineKnowsAreRefusedWithTheirPlace() {
    for (String pattern : List.of("\"web(?=-prod)\"", "\"(a)\\\\1\"", "\"(?<!x)y\"", "\"a++\"")) {
      RulesException e = assertThrows(RulesException.class, () -> rules(pattern), pattern);
      assertEquals(1, e.lines().size(), e.lines()::toString);
      assertTrue(e.lines().get(0).startsWith("r.yaml:8:44: bad condition: name (string) matches has an invalid "
          + "regular expression"), e.lines().get(0));
      assertTrue(e.lines().get(0).contains("linear-time"), e.lines().get(0));
    }
  }

  @Test
  void ordinaryPatternsStillWork() {
    RuleSet set = rules("\"^(web|api)-[0-9]+$\"");
    var snapshot = new TestEstate().linux("i-1", "m5.large", null, Map.of("Name", "api-12")).snapshot();
    assertTrue(new RuleEngine(set).plan(snapshot, PlanOptions.DEFAULTS).mappings().stream()
        .anyMatch(m -> "odd-names".equals(m.ruleId())));
  }
}
