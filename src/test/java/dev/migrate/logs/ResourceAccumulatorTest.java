package dev.migrate.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResourceAccumulatorTest {
  static final long T0 = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();

  /** More hours than MAX_LIVE_HOURS: old hours keep totals and peaks, memory stays bounded. */
  @Test
  void peaksAndTotalsSurviveFreezingOldHours() {
    EdgeLocations edges = EdgeLocations.standard();
    ResourceAccumulator a = new ResourceAccumulator("app/x/1", LogFormat.ALB, edges, 10);
    int hours = ResourceAccumulator.MAX_LIVE_HOURS + 1000;
    long burst = T0 + 10 * 3600 + 17; // in an hour that gets frozen later
    for (int h = 0; h < hours; h++) {
      a.count(T0 + h * 3600L + 5, 2, 100, 10, 1000);
    }
    for (int i = 0; i < 4; i++) {
      a.count(burst, 2, 100, 10, 1000); // late lines for an hour that is frozen by now
    }
    ResourceAccumulator b = new ResourceAccumulator("app/x/1", LogFormat.ALB, edges, 10);
    for (int i = 0; i < 7; i++) {
      b.count(T0 + 20 * 3600 + 1, 2, 1, 1, 1000);
    }
    a.merge(b);
    LogSummary s = a.toSummary(edges, 10);
    assertEquals(hours + 4 + 7, s.requests());
    assertEquals(100L * (hours + 4) + 7, s.bytesOut());
    // the frozen hour 20 kept its peak (1); merged with 7 in the same second of a live copy gives at least 7
    assertEquals(7, s.peakSecond().requests());
    assertEquals(Instant.ofEpochSecond(T0 + 20 * 3600 + 1), s.peakSecond().at());
    assertEquals(hours, s.coveredHours());
    assertEquals(8, s.peakHour().requests());
    assertEquals(s.requests(), s.daily().stream().mapToLong(LogSummary.DailyTraffic::requests).sum());
  }
}
