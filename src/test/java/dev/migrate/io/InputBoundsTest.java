package dev.migrate.io;

import dev.migrate.testing.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.hybrid.ScenarioException;
import dev.migrate.cost.hybrid.ScenarioReader;
import dev.migrate.rules.RuleLoader;
import dev.migrate.rules.RulesException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written inputs that are far too large are refused quickly with one line, and messages
 * quote user text short and without the parser library's setting names.
 */
class InputBoundsTest {
  @TempDir
  Path tmp;

  private static final String ONE_RULE = """
        - id: r%d
          match: {kind: ec2-instance, tags: {App: "x%d"}}
          target: {type: compute-engine}
          effort: rehost
      """;

  private static String rules(int count) {
    StringBuilder sb = new StringBuilder("apiVersion: migrate.rules/v1\nrules:\n");
    for (int i = 0; i < count; i++) {
      sb.append(ONE_RULE.formatted(i, i));
    }
    return sb.toString();
  }

  @Test
  void aFiveMegabyteRulesFileIsRefusedAtOnceWithoutReadingIt() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("big"));
    String text = rules(45_000);
    assertTrue(text.length() > 5_000_000, "size " + text.length());
    Files.writeString(dir.resolve("rules.yaml"), text);
    Cli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> run("rules", "validate", dir.toString()));
    assertEquals(3, r.code(), r.err());
    assertEquals(dir.resolve("rules.yaml") + ": is too large for a rule file (" + Files.size(dir.resolve("rules.yaml"))
        + " bytes; at most 1048576): is it the right file?", r.err().lines().toList().get(1));
  }

  @Test
  void tooManyRulesAreRefusedBeforeThePairwiseCheck() {
    RulesException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(RulesException.class,
        () -> RuleLoader.load(List.of(new RuleLoader.Source("r.yaml", rules(8_000))), "test")));
    assertEquals(List.of("r.yaml:8003:9: too many rules: 8000 in all, at most 2000 (this is rule 2001); "
        + "merge rules that share a target"), e.lines());
    // 2,000 still validate quickly
    assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> RuleLoader.load(List.of(new RuleLoader.Source("r.yaml", rules(2_000))), "test"));
  }

  @Test
  void aScenarioErrorQuotesALongNameShort() {
    String name = "n".repeat(600_000);
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(
        "name: " + name + "\nwaves: [{name: w, month: 0, select: {rest: true}}]\n", "s.yaml", List.of()));
    String message = e.errors().get(0).toString();
    assertTrue(message.length() < 300, message.length() + " characters");
    assertEquals("s.yaml:1:7: name '" + "n".repeat(80) + "... (600000 characters)' must be 1-64 letters, digits, "
        + "'.', '_' or '-'", message);
    assertTrue(e.getMessage().length() < 400, "exception message of " + e.getMessage().length() + " characters");
  }

  @Test
  void aTwoMegabyteScenarioFileAndSetValueAreRefusedInOneLine() throws Exception {
    Path file = tmp.resolve("huge.yaml");
    Files.writeString(file, "name: " + "n".repeat(2_000_000) + "\n");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioReader.readAll(List.of(file), List.of()));
    assertEquals(List.of(file + ": is too large for a scenario file (2000007 bytes; at most 1048576): is it the right file?"),
        e.errors().stream().map(InputError::toString).toList());

    ScenarioException set = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(
        "waves: [{name: w, month: 0, select: {rest: true}}]\n", "s.yaml", List.of("name=" + "x".repeat(2_000_000))));
    assertTrue(set.getMessage().length() < 400, set.getMessage().length() + " characters");
    assertTrue(set.getMessage().contains("... (2000005 characters)"), set.getMessage());
  }

  @Test
  void aRuleIdOfHalfAMegabyteIsQuotedShort() {
    String id = "K".repeat(500_000);
    RulesException e = assertThrows(RulesException.class, () -> RuleLoader.load(List.of(new RuleLoader.Source("r.yaml",
        "apiVersion: migrate.rules/v1\nrules:\n  - id: " + id + "\n    match: {kind: s3-bucket}\n"
            + "    target: {type: cloud-storage}\n    effort: rehost\n")), "test"));
    assertEquals("r.yaml:3:9: rule id '" + "K".repeat(80) + "... (500000 characters)' must be lower case letters, "
        + "digits, '-' and '.', starting with a letter or digit", e.lines().get(0));
    assertTrue(e.lines().get(0).length() < 300, e.lines().get(0).length() + " characters");
  }

  @Test
  void parserLimitsAreToldWithoutLibraryNames() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    RulesException e = assertThrows(RulesException.class, () -> RuleLoader.load(List.of(new RuleLoader.Source("r.yaml",
        "apiVersion: migrate.rules/v1\nrules: " + deep + "\n")), "test"));
    String line = e.lines().get(0);
    assertTrue(line.startsWith("r.yaml:") && line.contains("not valid YAML: Document nesting depth (1001) exceeds"), line);
    assertFalse(line.contains("`") || line.contains("StreamReadConstraints") || line.contains("Feature"), line);
  }

  @Test
  void aRuleFileThatIsNotUtf8IsOneLine() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("latin1"));
    Files.write(dir.resolve("r.yaml"), "apiVersion: migrate.rules/v1\nrules: [] # caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Cli.Run r = run("rules", "validate", dir.toString());
    assertEquals(3, r.code(), r.err());
    assertEquals(dir.resolve("r.yaml") + ": is not UTF-8 text: a rule file is YAML saved as UTF-8", r.err().lines().toList().get(1));
  }

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }
}
