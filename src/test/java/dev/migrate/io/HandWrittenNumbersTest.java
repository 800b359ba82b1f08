package dev.migrate.io;

import dev.migrate.testing.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.hybrid.ScenarioException;
import dev.migrate.cost.hybrid.ScenarioReader;
import dev.migrate.rules.RuleLoader;
import dev.migrate.rules.RulesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers written by hand in rules and scenarios that YAML reads as numbers but are not plain
 * finite decimals ({@code .nan}, {@code .inf}, hexadecimal, '_' separators, out of range): each is
 * one error at its file:line:col and exit 3, never a crash (exit 70) or a silent value.
 */
class HandWrittenNumbersTest {
  @TempDir
  Path tmp;

  private static final String RULE = """
      apiVersion: migrate.rules/v1
      rules:
        - id: web
          priority: %s
          match:
            kind: ec2-instance
            all:
              - {attr: cpuP95Pct, op: lt, value: %s}
          target: {type: gke-workload, workloadKind: Deployment}
          sizing: {headroom: %s}
          effort: replatform
      """;

  private static List<String> ruleErrors(String priority, String value, String headroom) {
    RulesException e = assertThrows(RulesException.class, () -> RuleLoader.load(List.of(
        new RuleLoader.Source("r.yaml", RULE.formatted(priority, value, headroom))), "test"));
    return e.lines();
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999", "0x10", "1_000", ".nan", ".inf", "-.inf", "1.5", "017", "190:20:30"})
  void aPriorityThatIsNotAPlainWholeNumberIsOneErrorAtItsPlace(String priority) {
    List<String> errors = ruleErrors(priority, "40", "1.3");
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith("r.yaml:4:15: 'priority' must be a whole number from -1000000000 to 1000000000"),
        errors.get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {".nan", ".NaN", ".inf", "-.Inf", "0x10", "1_000", "1.0e+400", "0o17"})
  void aConditionValueThatIsNotAFiniteDecimalIsOneErrorAtItsPlace(String value) {
    List<String> errors = ruleErrors("10", value, "1.3");
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith("r.yaml:8:44: bad condition: cpuP95Pct (number) lt needs a number, found "),
        errors.get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {".nan", ".inf", "0x2", "1_0"})
  void aSizingFactorThatIsNotAFiniteDecimalIsOneErrorAtItsPlace(String headroom) {
    List<String> errors = ruleErrors("10", "40", headroom);
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith("r.yaml:10:24: 'headroom' must be a number from 1 to 5, found "), errors.get(0));
  }

  @Test
  void theMessageSaysWhatIsWrongWithTheNumber() {
    assertEquals("r.yaml:4:15: 'priority' must be a whole number from -1000000000 to 1000000000 (higher wins), "
        + "found '0x10', which is hexadecimal: write it in decimal", ruleErrors("0x10", "40", "1.3").get(0));
    assertEquals("r.yaml:4:15: 'priority' must be a whole number from -1000000000 to 1000000000 (higher wins), "
        + "found the number 99999999999999999999", ruleErrors("99999999999999999999", "40", "1.3").get(0));
    assertEquals("r.yaml:8:44: bad condition: cpuP95Pct (number) lt needs a number, found '.nan', which is not a number",
        ruleErrors("1", ".nan", "1.3").get(0));
  }

  @Test
  void plainNumbersStillRead() {
    RuleLoader.load(List.of(new RuleLoader.Source("r.yaml", RULE.formatted("-5", "4.5e1", "1.25"))), "test");
    RuleLoader.load(List.of(new RuleLoader.Source("r.yaml", RULE.formatted("1000000000", "-0.5", "5"))), "test");
  }

  @Test
  void rulesValidateExitsWithInvalidInputNotACrash() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(dir.resolve("r.yaml"), RULE.formatted("99999999999999999999", ".nan", ".inf"));
    Cli.Run r = run("rules", "validate", dir.toString());
    assertEquals(3, r.code(), r.err());
    assertEquals(4, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("r.yaml:4:15: 'priority' must be a whole number"), r.err());
    assertTrue(r.err().contains("r.yaml:8:44: bad condition: cpuP95Pct (number) lt needs a number, found '.nan'"), r.err());
    assertTrue(r.err().contains("r.yaml:10:24: 'headroom' must be a number from 1 to 5, found '.inf', which is infinite"), r.err());
  }

  private static List<String> scenarioErrors(String yaml) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(yaml, "s.yaml", List.of()));
    return e.errors().stream().map(InputError::toString).toList();
  }

  @Test
  void scenarioMonthsOutOfRangeIsOneErrorAtItsPlace() {
    assertEquals(List.of("s.yaml:1:20: 'months' is 99999999999999999999, must be between 2 and 120"),
        scenarioErrors("timeline: {months: 99999999999999999999}\n"));
    assertEquals(List.of("s.yaml:1:20: 'months' must be a whole number, got '0x10', which is hexadecimal: write it in decimal"),
        scenarioErrors("timeline: {months: 0x10}\n"));
    assertEquals(List.of("s.yaml:1:20: 'months' must be a whole number, got '1_0', which has '_' separators: "
        + "write the digits without them"), scenarioErrors("timeline: {months: 1_0}\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {".nan", ".inf", "-.inf", "0x10", "1_000", "1.0e+999"})
  void scenarioNumbersThatAreNotFiniteDecimalsAreOneErrorEach(String value) {
    List<String> errors = scenarioErrors("traffic: {growthPerMonthPct: " + value + "}\n");
    assertEquals(1, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith("s.yaml:1:30: 'growthPerMonthPct' "), errors.get(0));
  }

  @Test
  void aSetValueIsCheckedTheSameWay() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(
        "waves: [{name: all, month: 0, select: {rest: true}}]\n", "s.yaml", List.of("timeline.months=99999999999999999999")));
    assertEquals("--set timeline.months=99999999999999999999: 'months' is 99999999999999999999, must be between 2 and 120",
        e.errors().get(0).toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity"})
  void headroomOptionThatIsNotAFiniteNumberIsAUsageError(String value) {
    Cli.Run r = run("assess", "--sample", "--headroom", value, "--out", tmp.toString(), "--format", "json");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("headroom must be a number from 1 to 5, not " + value), r.err());
  }

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }
}
