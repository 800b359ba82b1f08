package dev.migrate.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HeavyHittersTest {
  private static void add(HeavyHitters h, String key, long w) {
    byte[] b = key.getBytes(StandardCharsets.UTF_8);
    h.add(b, 0, b.length, HeavyHitters.hash(b, 0, b.length), w);
  }

  @Test
  void exactWhileTheTableHasRoom() {
    HeavyHitters h = new HeavyHitters(10);
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j <= i; j++) {
        add(h, "/k" + i, 1);
      }
    }
    List<HeavyHitters.Entry> e = h.entries();
    assertEquals(new HeavyHitters.Entry("/k4", 5, 0), e.get(0));
    assertEquals(new HeavyHitters.Entry("/k0", 1, 0), e.get(4));
  }

  /** Zipf-like stream with many more keys than counters: the Space-Saving guarantees hold. */
  @Test
  void guaranteesHoldOnALongTailAndAfterMerging() {
    Random rnd = new Random(42);
    Map<String, Long> truth = new HashMap<>();
    HeavyHitters a = new HeavyHitters(50);
    HeavyHitters b = new HeavyHitters(50);
    for (int i = 0; i < 200_000; i++) {
      int k = (int) Math.floor(Math.pow(rnd.nextDouble(), 3) * 20_000);
      String key = "/item/" + k;
      long w = 1 + rnd.nextInt(5);
      truth.merge(key, w, Long::sum);
      add(i % 2 == 0 ? a : b, key, w);
    }
    a.merge(b);
    long total = truth.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(total, a.total());
    long bound = total / 50;
    for (HeavyHitters.Entry e : a.entries()) {
      long t = truth.getOrDefault(e.key(), 0L);
      assertTrue(e.count() >= t, "never underestimates " + e);
      assertTrue(e.count() - t <= e.error(), "error covers the overestimate " + e + " true " + t);
      assertTrue(e.error() <= 2 * bound, "error bound " + e);
    }
    truth.forEach((k, v) -> {
      if (v > 2 * bound) {
        assertTrue(a.entries().stream().anyMatch(e -> e.key().equals(k)), "heavy key kept: " + k + " " + v);
      }
    });
  }
}
