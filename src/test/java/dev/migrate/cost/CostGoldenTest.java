package dev.migrate.cost;

import dev.migrate.testing.Golden;


import dev.migrate.pricing.PriceBook;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The full cost table of the small estate against its golden file ({@code -Dgolden.update=true} rewrites it). */
class CostGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/cost/small-estate.csv");

  @Test
  void smallEstateCostTable() throws IOException {
    Assessment a = new CostModel(PriceBook.bundled()).assess(SmallEstate.snapshot(), SmallEstate.plan(),
        CostOptions.defaults(), CostModelHandCheckedTest.CLOCK);
    Golden.check(GOLDEN, CostTable.csv(a));
  }

}
