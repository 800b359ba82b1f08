package dev.migrate.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pieces of the retry policy that no wire test pins down: Retry-After forms and the pace's memory. */
class RetryPolicyTest {
  @Test
  void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
    assertEquals(Optional.of(Duration.ofSeconds(3)), FaultRetry.parseRetryAfter(" 3 "));
    Duration d = FaultRetry.parseRetryAfter(DateTimeFormatter.RFC_1123_DATE_TIME.format(
        ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30))).orElseThrow();
    assertTrue(d.compareTo(Duration.ofSeconds(25)) > 0 && d.compareTo(Duration.ofSeconds(31)) <= 0, d::toString);
    assertEquals(Optional.of(Duration.ZERO), FaultRetry.parseRetryAfter("Thu, 01 Jan 1970 00:00:00 GMT"), "past dates wait 0");
    assertEquals(Optional.empty(), FaultRetry.parseRetryAfter("soon"));
  }

  @Test
  void aThrottleSlowsTheClientAndTheSpacingRecoversWhenThrottlingStops() throws InterruptedException {
    Pace pace = new Pace(Duration.ofMillis(2));
    assertEquals(Duration.ZERO, pace.interval(), "unpaced until throttled");
    pace.throttled();
    assertEquals(Duration.ofMillis(1), pace.interval(), "half a base back-off");
    pace.throttled();
    pace.throttled();
    assertEquals(Duration.ofMillis(4), pace.interval(), "doubles per throttle");
    for (int i = 0; i < 10; i++) {
      pace.throttled();
    }
    assertEquals(Duration.ofMillis(40), pace.interval(), "at most 20 base back-offs");
    // Every 50 base back-offs (100 ms here) without a throttle halve it: 40 -> 20 -> 10 -> 5 -> 2.5 -> 1.25 -> unpaced.
    Thread.sleep(450);
    assertTrue(pace.interval().compareTo(Duration.ofMillis(20)) < 0, pace.interval()::toString);
    Thread.sleep(400);
    assertEquals(Duration.ZERO, pace.interval());
    assertEquals(13, pace.throttles());
  }
}
