package dev.migrate.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Costs sheet of a large estate keeps the dearest lines: the same lines a full sort by amount, then index, keeps. */
class CostsSheetTest {
  @Test
  void keepsTheSameLinesAsAFullSort() {
    Random r = new Random(15);
    for (int round = 0; round < 300; round++) {
      int n = 1 + r.nextInt(400);
      BigDecimal[] abs = new BigDecimal[n];
      for (int i = 0; i < n; i++) {
        abs[i] = switch (r.nextInt(5)) {
          // Few distinct amounts: many exact ties, decided by the index.
          case 0 -> BigDecimal.valueOf(r.nextInt(4));
          // The same amount at another scale (1.0 and 1.00 are equal).
          case 1 -> BigDecimal.valueOf(r.nextInt(4)).setScale(1 + r.nextInt(3));
          // Different amounts that are the same double: ranked exactly, not by their double.
          case 2 -> new BigDecimal("0.1000000000000000000000" + r.nextInt(10));
          case 3 -> new BigDecimal(r.nextInt(1_000_000)).movePointLeft(r.nextInt(6));
          default -> BigDecimal.valueOf(r.nextDouble() * 1e6);
        };
      }
      int max = r.nextInt(n + 2);
      boolean[] expected = new boolean[n];
      Integer[] order = CostsSheet.dearestFirst(abs);
      for (int k = 0; k < Math.min(max, n); k++) {
        expected[order[k]] = true;
      }
      assertArrayEquals(expected, CostsSheet.dearest(abs, max), "round " + round + ", " + n + " amounts, keep " + max);
    }
  }
}
