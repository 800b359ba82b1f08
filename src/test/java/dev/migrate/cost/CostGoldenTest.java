package dev.migrate.cost;

import static org.junit.jupiter.api.Assertions.fail;

import dev.migrate.pricing.PriceBook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The full cost table of the small estate against its golden file ({@code -Dgolden.update=true} rewrites it). */
class CostGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/cost/small-estate.csv");

  @Test
  void smallEstateCostTable() throws IOException {
    Assessment a = new CostModel(PriceBook.bundled()).assess(SmallEstate.snapshot(), SmallEstate.plan(),
        CostOptions.defaults(), CostModelHandCheckedTest.CLOCK);
    compare(GOLDEN, CostTable.csv(a));
  }

  static void compare(Path golden, String actual) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(golden)) {
      fail(golden + " does not exist; run with -Dgolden.update=true to create it");
    }
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      List<String> e = expected.lines().toList();
      List<String> a = actual.lines().toList();
      StringBuilder diff = new StringBuilder();
      for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
        String x = i < e.size() ? e.get(i) : "";
        String y = i < a.size() ? a.get(i) : "";
        if (!x.equals(y)) {
          diff.append("line ").append(i + 1).append("\n- ").append(x).append("\n+ ").append(y).append('\n');
        }
      }
      fail(golden + " differs (run with -Dgolden.update=true to accept):\n" + diff);
    }
  }
}
