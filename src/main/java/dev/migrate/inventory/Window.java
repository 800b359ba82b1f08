package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The look-back window that usage figures cover.
 *
 * @param start inclusive
 * @param end   exclusive
 * @param days  whole days in the window
 */
public record Window(
    @JsonProperty(required = true) Instant start,
    @JsonProperty(required = true) Instant end,
    @JsonProperty(required = true) int days) {
  public Window {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("window end must be after start");
    }
    if (days <= 0) {
      throw new IllegalArgumentException("window days must be positive");
    }
  }

  public static Window ofDays(Instant end, int days) {
    return new Window(end.minus(Duration.ofDays(days)), end, days);
  }

  /** Hours in the window, the denominator for turning window totals into rates. */
  public double hours() {
    return Duration.between(start, end).toSeconds() / 3600.0;
  }
}
