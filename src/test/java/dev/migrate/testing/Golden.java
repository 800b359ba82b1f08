package dev.migrate.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one golden-file comparison of the test suite: files under {@code src/test/resources/golden/};
 * {@code -Dgolden.update=true} rewrites them; a mismatch fails with a line diff.
 */
public final class Golden {
  private Golden() {}

  /** Compares {@code actual} with {@code src/test/resources/golden/<name>}. */
  public static void check(String name, String actual) throws IOException {
    check(Path.of("src/test/resources/golden", name), actual);
  }

  /** Compares {@code actual} with the golden {@code file}. */
  public static void check(Path file, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      fail("golden file " + file + " is missing; run with -Dgolden.update=true to create it");
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail("golden " + file + " differs (-golden +actual; -Dgolden.update=true accepts the new output):\n"
          + diff(expected, actual));
    }
  }

  /** Lines only in the golden file (-) and only in the output (+), in order, with their line numbers. */
  public static String diff(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.append("- ").append(i + 1).append(": ").append(a.get(i++)).append('\n');
      } else {
        out.append("+ ").append(j + 1).append(": ").append(b.get(j++)).append('\n');
      }
    }
    return out.toString();
  }
}
