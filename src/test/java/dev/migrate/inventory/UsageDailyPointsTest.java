package dev.migrate.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.testing.SnapshotBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Daily points are kept by column; what a usage record gives back, and what a snapshot file holds, is unchanged. */
class UsageDailyPointsTest {
  static final LocalDate DAY = LocalDate.parse("2026-10-26");

  static List<Usage.Daily> points() {
    var points = new ArrayList<Usage.Daily>();
    for (int d = 0; d < 30; d++) {
      points.add(new Usage.Daily(DAY.plusDays(d), d % 3 == 0 ? null : 1_000L * d, d % 4 == 0 ? null : d * 0.125,
          d == 5 ? -0.0 : 20.5 + d, null, d % 2 == 0 ? 3.0 : null));
    }
    return points;
  }

  static Usage usage(List<Usage.Daily> daily) {
    return new Usage("i-0abc", "ec2", "cloudwatch", 20.0, 35.0, 70.0, null, null, 1.0, 2.0, null, null, null, null,
        null, null, null, daily);
  }

  @Test
  void aRecordGivesBackEqualPointsWithTheirAbsentFiguresAndCannotBeChanged() {
    List<Usage.Daily> points = points();
    Usage u = usage(points);
    assertEquals(points, u.daily());
    assertEquals(points.hashCode(), u.daily().hashCode());
    assertEquals(usage(points), u);
    assertEquals(null, u.daily().get(0).requests());
    assertEquals(Double.valueOf(-0.0), u.daily().get(5).cpuAvgPct());
    assertThrows(UnsupportedOperationException.class, () -> u.daily().add(points.get(0)));
    assertThrows(UnsupportedOperationException.class, () -> u.daily().set(0, points.get(1)));
    // A point with NaN (never read from a file) is kept as it is.
    var odd = new ArrayList<>(points);
    odd.set(3, new Usage.Daily(DAY, null, Double.NaN, null, null, null));
    assertEquals(odd, usage(odd).daily());
    assertTrue(usage(List.of()).daily().isEmpty());
  }

  @Test
  void daysWithGapsOrOutOfOrderAreKeptAsTheyAre() {
    List<Usage.Daily> points = new ArrayList<>(points());
    points.remove(7); // a day CloudWatch had no data for
    points.set(0, new Usage.Daily(DAY.plusDays(40), 5L, null, null, null, null));
    Usage u = usage(points);
    assertEquals(points, u.daily());
    assertEquals(DAY.plusDays(8), u.daily().get(7).date());
    assertEquals(DAY.plusDays(29), usage(points()).daily().get(29).date());
    assertThrows(IndexOutOfBoundsException.class, () -> usage(points()).daily().get(30));
    assertThrows(IndexOutOfBoundsException.class, () -> usage(points()).daily().get(-1));
  }

  @Test
  void aSnapshotFileIsWrittenAndReadBackTheSame() {
    Instant end = Instant.parse("2026-11-25T00:00:00Z");
    Snapshot s = SnapshotBuilder.snapshot(new Account("123456789012", null), end, Window.ofDays(end, 30))
        .instances(List.of(new Ec2Instance("i-0abc", "us-east-1", null, "m5.large", "running", "linux", "x86_64", null,
            null, null, null, null, List.of(), false, null)))
        .usage(List.of(usage(points()))).build();
    String json = SnapshotJson.toJson(s);
    Snapshot back = SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "s.json");
    assertEquals(s, back);
    assertEquals(json, SnapshotJson.toJson(back));
    assertTrue(json.contains("\"date\" : \"2026-10-27\""), json);
  }
}
