package dev.migrate.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares text with a golden file under src/test/resources/golden; {@code -Dgolden.update=true}
 * rewrites the file instead. A mismatch prints the first differing lines.
 */
final class Golden {
  private Golden() {}

  static void check(String name, String actual) throws IOException {
    Path file = Path.of("src/test/resources/golden", name);
    if (Boolean.parseBoolean(System.getProperty("golden.update"))) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      fail("golden file " + file + " is missing; run with -Dgolden.update=true to create it");
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    if (expected.equals(actual)) {
      return;
    }
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    var diff = new StringBuilder("golden " + file + " differs (-expected +actual; -Dgolden.update=true rewrites it):\n");
    int shown = 0;
    for (int i = 0; i < Math.max(e.size(), a.size()) && shown < 20; i++) {
      String x = i < e.size() ? e.get(i) : null;
      String y = i < a.size() ? a.get(i) : null;
      if (x == null || !x.equals(y)) {
        diff.append(String.format("line %d%n- %s%n+ %s%n", i + 1, x, y));
        shown++;
      }
    }
    fail(diff.toString());
  }
}
