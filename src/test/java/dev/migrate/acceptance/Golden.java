package dev.migrate.acceptance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden-file comparison under {@code src/test/resources/golden/}, with the same switch as the
 * other golden tests: {@code -Dgolden.update=true} rewrites the file; a mismatch prints a line
 * diff (the LCS diff of rules' Golden helper, which is package-private there).
 */
final class Golden {
  private Golden() {}

  static void check(String name, String actual) throws IOException {
    Path file = Path.of("src/test/resources/golden", name);
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
  static String diff(String expected, String actual) {
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
