package dev.migrate.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.hybrid.ScenarioException;
import dev.migrate.cost.hybrid.ScenarioReader;
import dev.migrate.io.InputError;
import dev.migrate.rules.RuleLoader;
import dev.migrate.rules.RulesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the two hand-edited YAML inputs: a shipped rule file and a shipped
 * scenario with random edits (cuts, hostile YAML tokens, control characters) either load or are
 * refused with errors that each name the file, a line and a column, in one line without parser
 * internals; never another exception. Tries as in {@link SnapshotFuzzTest}.
 */
class RulesAndScenarioFuzzTest {
  static final String RULES = read("rules/compute.yaml");
  static final String SCENARIO = read("sample-data/scenarios/gke-replatform-waves.yaml");
  static final List<String> TOKENS = List.of(".nan", ".inf", "-.inf", "0x10", "1_000", "99999999999999999999", "1e999",
      "&a [*a, *a]", "*a", "!!java.lang.Runtime", "!!binary AAAA", "<<: *a", "? ", "- ", ": ", "\n  ", "\n", "\t", "'",
      "\"", "{", "}", "[", "]", "#", "|", ">", "%YAML 1.1", "---", "...", "\u0000", "\u001b[2J", "\ufeff", "\u202e",
      "matches: \"(.*a){20}$\"", "matches: \"(?=x)\"", "priority: -1", "months: 0", "kind: nonsense");

  @Provide
  Arbitrary<Edits> edits() {
    return Edits.of(TOKENS);
  }

  @Property
  void anEditedRuleFileLoadsOrIsRefusedAtItsPlace(@ForAll("edits") Edits edits) {
    String text = edits.applyTo(RULES);
    try {
      RuleLoader.load(List.of(new RuleLoader.Source("fuzz.yaml", text)), "fuzz");
    } catch (RulesException e) {
      cleanErrors(e.errors(), text);
    }
  }

  @Property
  void anEditedScenarioReadsOrIsRefusedAtItsPlace(@ForAll("edits") Edits edits) {
    String text = edits.applyTo(SCENARIO);
    try {
      ScenarioReader.parse(text, "fuzz.yaml", List.of());
    } catch (ScenarioException e) {
      cleanErrors(e.errors(), text);
    }
  }

  private static void cleanErrors(List<InputError> errors, String input) {
    assertFalse(errors.isEmpty(), "a refusal names at least one error");
    for (InputError err : errors) {
      String m = err.format();
      assertTrue(m.startsWith("fuzz.yaml"), m);
      assertFalse(m.contains("\n") || m.contains("\r"), m);
      // The message may quote the input, never the parser's own names.
      for (String internal : List.of("Feature.", "Exception", "org.yaml", "snakeyaml", "com.fasterxml", "java.")) {
        assertFalse(m.contains(internal) && !input.contains(internal), () -> internal + " in: " + m);
      }
    }
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
