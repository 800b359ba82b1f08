package dev.migrate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code matches} condition takes exactly the names RE2 finds its pattern in, whether the pattern is plain words
 * (found by a scan of the name) or a regular expression (whose results are remembered per distinct name): mixed
 * case, letters that fold to ASCII letters only in Unicode (the Kelvin sign, the long s), a dotted capital I, empty
 * and repeated names, and more distinct names than are remembered. The reason quotes the name each item was tested
 * with.
 */
class PatternMatchingTest {
  private static final String RULES = """
      apiVersion: migrate.rules/v1
      rules:
        - id: by-name
          priority: 500
          match:
            kind: ec2-instance
            all:
              - {attr: name, op: matches, value: %s}
          target: {type: compute-engine}
          effort: rehost
        - id: rest
          priority: 100
          match:
            kind: ec2-instance
          target: {type: compute-engine}
          effort: rehost
      """;

  private static final List<String> NAMES = List.of("redis-01", "REDIS-02", "ReDiS", "app-memcache-3", "web-1", "",
      "re dis", "\u212Aafka-1" /* Kelvin sign */, "kafka-2", "ba\u017Fh" /* long s */, "bash", "\u0130NFRA" /* dotted I */,
      "infra", "cron_job", "crON-JOB", "redis-01", "web-1", "scheduler\u00e9", "x".repeat(300) + "Redis");

  private static final List<String> PATTERNS = List.of("(?i)redis|memcache", "redis|memcache", "(?i)kafka|bash",
      "(?i)infra", "(?i)cron_job|cron-job", "CRON", "(?i)logs?$", "^web-\\d+$", "(?i)sched", "(?i)re dis", "(?i)",
      "a|", "-");

  @Test
  void aPatternTakesTheNamesRe2FindsItIn() {
    for (String pattern : PATTERNS) {
      List<String> names = new ArrayList<>(NAMES);
      Map<String, Mapping> plan = byId(plan(pattern, names));
      com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(pattern);
      for (int i = 0; i < names.size(); i++) {
        Mapping m = plan.get(id(i));
        boolean expected = re2.matcher(names.get(i)).find();
        assertEquals(expected ? "by-name" : "rest", m.ruleId(), pattern + " on '" + names.get(i) + "'");
        if (expected) {
          assertEquals("rule 'by-name' (priority 500): name matches " + pattern + " (is " + names.get(i) + ")",
              m.reason());
        }
      }
    }
  }

  @Test
  void moreDistinctNamesThanAreRememberedAreStillEachTested() {
    String pattern = "(?i)^node-\\d*7$";
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Condition.MEMO_LIMIT + 500; i++) {
      names.add("node-" + i);
    }
    names.addAll(List.of("node-7", "NODE-17", "node-8"));
    Map<String, Mapping> plan = byId(plan(pattern, names));
    com.google.re2j.Pattern re2 = com.google.re2j.Pattern.compile(pattern);
    for (int i = 0; i < names.size(); i++) {
      assertEquals(re2.matcher(names.get(i)).find() ? "by-name" : "rest", plan.get(id(i)).ruleId(),
          names.get(i));
    }
  }

  private static MigrationPlan plan(String pattern, List<String> names) {
    RuleSet set = RuleLoader.load(List.of(new RuleLoader.Source("r.yaml",
        RULES.formatted("\"" + pattern.replace("\\", "\\\\") + "\""))), "test");
    TestEstate e = new TestEstate();
    for (int i = 0; i < names.size(); i++) {
      e.linux(id(i), "m5.large", null, Map.of("Name", names.get(i)));
    }
    return new RuleEngine(set).plan(e.snapshot(), PlanOptions.DEFAULTS);
  }

  private static String id(int i) {
    return String.format("i-%08d", i);
  }

  private static Map<String, Mapping> byId(MigrationPlan plan) {
    Map<String, Mapping> out = new java.util.HashMap<>();
    plan.mappings().forEach(m -> out.put(m.itemId(), m));
    return out;
  }
}
