package dev.migrate.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Numbers and instants of a snapshot file are read to exactly the values the general parsers give
 * ({@link Double#parseDouble}, {@link Instant#parse}), whatever form they are written in: the snapshot reader takes
 * the usual forms from the parser's characters and must not give a different double or instant for any of them.
 */
class SnapshotNumbersTest {
  /** Decimal literals of every form JSON allows: short and long, with and without exponents, at the edges. */
  static List<String> literals() {
    List<String> out = new ArrayList<>(List.of("0.0", "-0.0", "4.0", "34.722", "0.1", "0.3", "1.5e3", "2E-5",
        "1e22", "1e23", "1.0e-22", "1e-23", "9007199254740991.0", "9007199254740992.0", "9007199254740993.0",
        "123456789012345678.5", "0.30000000000000004", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014E-308",
        "1e+2", "12.345678901234567", "100.00000000000001", "0.000001", "5e0", "1234567890.0987654"));
    Random r = new Random(20261125);
    for (int i = 0; i < 4000; i++) {
      long mantissa = Math.abs(r.nextLong()) % (i % 3 == 0 ? 1_000_000L : Long.MAX_VALUE >> (r.nextInt(40)));
      String digits = Long.toString(mantissa);
      int point = r.nextInt(digits.length() + 1);
      String s = (point == 0 ? "0" : digits.substring(0, point)) + "." + (point == digits.length() ? "0"
          : digits.substring(point));
      if (i % 5 == 0) {
        s += (r.nextBoolean() ? "e" : "E-") + r.nextInt(30);
      }
      out.add(s);
    }
    return out;
  }

  @Test
  void everyDecimalIsReadAsTheDoubleItsTextNames() {
    List<String> literals = literals();
    StringBuilder usage = new StringBuilder();
    for (int i = 0; i < literals.size(); i++) {
      usage.append(i == 0 ? "" : ",\n").append(String.format(Locale.ROOT, "{\"resourceId\": \"i-%d\", \"kind\": "
          + "\"ec2\", \"networkInGib\": %s, \"daily\": [{\"date\": \"2026-10-26\", \"bytesOutGib\": %s}], "
          + "\"bytesByGeographyGib\": {\"japan\": %s}}", i, literals.get(i), literals.get(i), literals.get(i)));
    }
    Snapshot s = read(usage.toString(), "\"2026-11-25T00:00:00Z\"", "");
    for (int i = 0; i < literals.size(); i++) {
      double expected = Double.parseDouble(literals.get(i));
      Usage u = s.usage().get(i);
      assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(u.networkInGib()),
          literals.get(i));
      assertEquals(Double.doubleToRawLongBits(expected),
          Double.doubleToRawLongBits(u.daily().get(0).bytesOutGib()), literals.get(i));
      assertEquals(Double.doubleToRawLongBits(expected),
          Double.doubleToRawLongBits(u.bytesByGeographyGib().get("japan")), literals.get(i));
    }
  }

  @Test
  void everyInstantIsReadAsTheInstantItsTextNames() {
    List<String> texts = List.of("2025-03-01T00:00:00Z", "2024-02-29T23:59:59Z", "1999-12-31T12:34:56.7Z",
        "2026-11-25T00:00:00.123456789Z", "2026-11-25T00:00:00.000001Z", "0001-01-01T00:00:00Z",
        "2026-11-25T00:00:00.100Z", "2026-11-25T01:00:00+01:00");
    StringBuilder instances = new StringBuilder();
    for (int i = 0; i < texts.size(); i++) {
      instances.append(i == 0 ? "" : ",\n").append(String.format(Locale.ROOT, "{\"id\": \"i-%d\", \"region\": "
          + "\"us-east-1\", \"instanceType\": \"m5.large\", \"state\": \"running\", \"platform\": \"linux\", "
          + "\"architecture\": \"x86_64\", \"detailedMonitoring\": false, \"launchTime\": \"%s\"}", i, texts.get(i)));
    }
    Snapshot s = read("", "\"2026-11-25T00:00:00.5Z\"", instances.toString());
    for (int i = 0; i < texts.size(); i++) {
      Instant expected = java.time.OffsetDateTime.parse(texts.get(i)).toInstant();
      assertEquals(expected, s.instances().get(i).launchTime(), texts.get(i));
    }
    assertEquals(Instant.parse("2026-11-25T00:00:00.5Z"), s.collectedAt());
    // A day that is not (February 30th) is refused in the general parser's words, at its line and column.
    SnapshotFormatException e = org.junit.jupiter.api.Assertions.assertThrows(SnapshotFormatException.class,
        () -> read("", "\"2025-02-30T00:00:00Z\"", ""));
    assertEquals("numbers.json:1:85: $.collectedAt: wrong value '2025-02-30T00:00:00Z', expected an ISO-8601 instant "
        + "such as 2026-11-01T00:00:00Z", e.getMessage());
  }

  private static Snapshot read(String usage, String collectedAt, String instances) {
    String json = "{\"schema\": \"migrate.snapshot/v1\", \"account\": {\"id\": \"123456789012\"}, \"collectedAt\": "
        + collectedAt + ", \"window\": {\"start\": \"2026-10-26T00:00:00Z\", \"end\": \"2026-11-25T00:00:00Z\", "
        + "\"days\": 30}, \"regions\": [\"us-east-1\"], \"instances\": [" + instances + "], \"usage\": [" + usage
        + "]}";
    return SnapshotJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "numbers.json");
  }
}
