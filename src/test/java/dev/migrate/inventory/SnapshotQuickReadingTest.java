package dev.migrate.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.testing.SnapshotBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A snapshot is read the quick way (daily points straight into columns, keys given twice found without a set per
 * object) when it is in the form snapshot writers write, to exactly what the general reader gives; anything else is
 * left to the general reader, whose result or message is what a read gives.
 */
class SnapshotQuickReadingTest {
  static final Instant END = Instant.parse("2026-11-25T00:00:00Z");

  /** Usage records whose daily points take every form a writer gives: absent and null figures, gaps, many days. */
  static Snapshot varied() {
    List<Usage> usage = new ArrayList<>();
    usage.add(UsageDailyPointsTest.usage(UsageDailyPointsTest.points()));
    List<Usage.Daily> gaps = new ArrayList<>(UsageDailyPointsTest.points());
    gaps.remove(7);
    gaps.add(0, new Usage.Daily(UsageDailyPointsTest.DAY.plusDays(90), Long.MAX_VALUE, 0.1, 100.0, 0.0, 1e-9));
    usage.add(UsageDailyPointsTest.usage(gaps).withResourceId("i-0gaps"));
    List<Usage.Daily> many = new ArrayList<>();
    for (int d = 0; d < 100; d++) {
      many.add(new Usage.Daily(UsageDailyPointsTest.DAY.plusDays(d - 60), (long) d * 7, d / 3.0, null, null, null));
    }
    usage.add(UsageDailyPointsTest.usage(many).withResourceId("i-0many"));
    usage.add(UsageDailyPointsTest.usage(List.of()).withResourceId("i-0none"));
    return SnapshotBuilder.snapshot(new Account("123456789012", null), END, Window.ofDays(END, 30))
        .usage(usage).build();
  }

  private static byte[] json(Snapshot s) {
    return SnapshotJson.toJson(s).getBytes(StandardCharsets.UTF_8);
  }

  private static void readTheSameQuickly(byte[] bytes) throws Exception {
    Snapshot quick = SnapshotJson.quickly(bytes);
    assertNotNull(quick, "read the quick way");
    Snapshot general = SnapshotJson.generally(bytes);
    assertEquals(general, quick);
    assertEquals(SnapshotJson.toJson(general), SnapshotJson.toJson(quick));
    for (int i = 0; i < quick.usage().size(); i++) {
      assertEquals(general.usage().get(i).daily().getClass(), quick.usage().get(i).daily().getClass());
    }
  }

  @Test
  void snapshotsAsWrittenAreReadQuicklyToWhatTheGeneralReaderGives() throws Exception {
    readTheSameQuickly(Files.readAllBytes(Path.of("sample-data/tableapp/snapshot.json")));
    readTheSameQuickly(json(Snapshots.small()));
    readTheSameQuickly(json(varied()));
  }

  @Test
  void figuresWrittenAsIntegersOrNullAreReadQuicklyToo() throws Exception {
    String json = SnapshotJson.toJson(varied()).replace("\"bytesOutGib\" : 0.125", "\"bytesOutGib\" : 3")
        .replace("\"requests\" : 2000,", "\"requests\" : null,").replace("\"cpuMaxPct\" : 0.0", "\"cpuMaxPct\" : null");
    readTheSameQuickly(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void mapsOfTextIntegersAndDecimalsAreReadQuicklyTooWithTheirNullValues() throws Exception {
    String json = SnapshotJson.toJson(Snapshots.small()).replace("\"role\" : \"web\"", "\"role\" : null, \"a\" : \"z\"");
    String usage = SnapshotJson.toJson(varied()).replaceFirst("\"requestsByGeography\" : \\{ \\}",
        "\"requestsByGeography\" : { \"us\" : 5, \"japan\" : null, \"europe\" : 9007199254740993 }")
        .replaceFirst("\"bytesByGeographyGib\" : \\{ \\}", "\"bytesByGeographyGib\" : { \"us\" : 3, \"japan\" : 2.5 }");
    assertTrue(json.contains("\"role\" : null") && usage.contains("\"japan\" : 2.5"), usage);
    readTheSameQuickly(json.getBytes(StandardCharsets.UTF_8));
    readTheSameQuickly(usage.getBytes(StandardCharsets.UTF_8));
  }

  /** Edits the quick reader does not read, each with what the general reader makes of it. */
  @Test
  void whatIsNotInTheUsualFormIsLeftToTheGeneralReader() throws Exception {
    String base = SnapshotJson.toJson(varied());
    String point = "\"date\" : \"2026-10-26\",";
    List<String> edits = List.of(
        base.replace(point, point + " \"note\" : 1,"),                              // unknown field in a point
        base.replace(point, point + " \"date\" : \"2026-10-26\","),                 // a key twice in a point
        base.replace(point, "\"date\" : \"2026-10-26T00:00:00\","),                 // a date-time as a date
        base.replace(point, "\"date\" : null,"),                                    // no date
        base.replace("\"requests\" : 1000,", "\"requests\" : 1000.5,"),            // a fraction of a request
        base.replace("\"requests\" : 1000,", "\"requests\" : \"1000\","),          // a number as text
        base.replace("\"bytesOutGib\" : 0.125", "\"bytesOutGib\" : 1e999"),        // beyond a double
        base.replace("\"kind\" : \"ec2\",", "\"kind\" : \"ec2\", \"kind\" : \"ec2\","), // a key twice in a record
        base.replace("\"daily\" : [ {", "\"daily\" : [ null, {"),                   // a point that is null
        base.replaceFirst("\"requestsByGeography\" : \\{ \\}", "\"requestsByGeography\" : { \"us\" : 1.5 }"),
        base.replaceFirst("\"requestsByGeography\" : \\{ \\}", "\"requestsByGeography\" : [ ]"),
        base + " {}");                                                              // a second value
    for (String edit : edits) {
      byte[] bytes = edit.getBytes(StandardCharsets.UTF_8);
      assertTrue(!edit.equals(base), "the edit applies");
      assertNull(SnapshotJson.quickly(bytes), edit);
      Snapshot general;
      try {
        general = SnapshotJson.generally(bytes);
      } catch (Exception e) {
        general = null;
      }
      if (general != null) {
        // Bound by the general reader: read gives what it bound, unless the checks refuse it.
        try {
          assertEquals(general, SnapshotJson.read(new ByteArrayInputStream(bytes), "s.json"));
        } catch (SnapshotFormatException checked) {
          assertTrue(checked.getMessage().startsWith("s.json:"), checked.getMessage());
        }
      } else {
        assertThrows(SnapshotFormatException.class, () -> SnapshotJson.read(new ByteArrayInputStream(bytes), "s.json"));
      }
    }
  }

  @Test
  void aKeyTwiceAnywhereIsRefusedAtItsLineAndColumn() {
    String base = SnapshotJson.toJson(Snapshots.small());
    String tagged = base.replace("\"Name\" : \"web-1\",", "\"Name\" : \"web-1\", \"Name\" : \"web-2\",");
    assertTrue(!tagged.equals(base));
    assertNull(SnapshotJson.quickly(tagged.getBytes(StandardCharsets.UTF_8)));
    assertNull(SnapshotJson.quickly(base.replace("\"role\" : \"web\"", "\"role\" : 5").getBytes(StandardCharsets.UTF_8)),
        "a number where a tag's text is");
    SnapshotFormatException e = assertThrows(SnapshotFormatException.class, () -> SnapshotJson.read(
        new ByteArrayInputStream(tagged.getBytes(StandardCharsets.UTF_8)), "s.json"));
    assertTrue(e.getMessage().matches("s\\.json:\\d+:\\d+: \\$\\.instances\\[0\\]\\.tags\\.Name: duplicate key 'Name'.*"),
        e.getMessage());
    // Many keys in one object (a set past 32 of them): the 40th repeating the 3rd is found too.
    StringBuilder tags = new StringBuilder();
    for (int k = 0; k < 40; k++) {
      tags.append("\"k").append(k == 39 ? 2 : k).append("\" : \"v\", ");
    }
    String many = base.replace("\"Name\" : \"web-1\",", tags + "\"Name\" : \"web-1\",");
    assertNull(SnapshotJson.quickly(many.getBytes(StandardCharsets.UTF_8)));
    StringBuilder distinctTags = new StringBuilder();
    for (int k = 0; k < 40; k++) {
      distinctTags.append("\"k").append(k).append("\" : \"v\", ");
    }
    String distinct = base.replace("\"Name\" : \"web-1\",", distinctTags + "\"Name\" : \"web-1\",");
    assertNotNull(SnapshotJson.quickly(distinct.getBytes(StandardCharsets.UTF_8)), "40 distinct keys");
  }
}
