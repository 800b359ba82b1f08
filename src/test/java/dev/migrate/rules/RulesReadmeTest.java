package dev.migrate.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.plan.ItemKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The YAML examples of rules/README.md are valid rule files, and the README documents every attribute and target. */
class RulesReadmeTest {
  private static final Path README = Path.of("rules/README.md");

  static List<String> yamlBlocks() throws Exception {
    String text = Files.readString(README);
    Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @TestFactory
  List<DynamicTest> everyYamlExampleValidates() throws Exception {
    List<String> blocks = yamlBlocks();
    assertTrue(blocks.size() >= 5, "examples found: " + blocks.size());
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      String block = blocks.get(i);
      String name = "README example " + (i + 1);
      tests.add(DynamicTest.dynamicTest(name, () -> {
        RuleSet alone = assertDoesNotThrow(() -> RuleLoader.load(List.of(new RuleLoader.Source(name, block)), name),
            () -> name + ":\n" + block);
        assertTrue(!alone.rules().isEmpty());
      }));
    }
    return tests;
  }

  @Test
  void everyAttributeTargetAndOperatorIsDocumented() throws Exception {
    String text = Files.readString(README);
    for (ItemKind k : ItemKind.values()) {
      assertTrue(text.contains("`" + k.wire() + "`"), k.wire());
      for (Attributes.Attribute a : Attributes.of(k)) {
        assertTrue(text.contains("`" + a.name() + "`"), a.name());
      }
    }
    for (String t : RuleLoader.TARGETS.keySet()) {
      assertTrue(text.contains("| `" + t + "` |"), t);
    }
    for (Condition.Op op : Condition.Op.values()) {
      assertTrue(text.contains("`" + op.wire + "`"), op.wire);
    }
  }
}
