package dev.migrate.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJsonTest {
  @TempDir Path dir;

  @Test
  void aSnapshotRoundTripsThroughItsFileUnchanged() throws Exception {
    Snapshot original = Snapshots.small();
    Path file = dir.resolve("s.json");
    SnapshotJson.write(original, file);
    Snapshot back = SnapshotJson.read(file);
    assertEquals(original, back);
    assertEquals(Files.readString(file), SnapshotJson.toJson(back), "writing is deterministic");
    assertTrue(Files.readString(file).startsWith("{\n  \"schema\" : \"migrate.snapshot/v1\""));
  }

  @Test
  void aValueTheFileRepeatsIsReadAsOneString() throws Exception {
    Path file = dir.resolve("s.json");
    SnapshotJson.write(Snapshots.small(), file);
    Snapshot s = SnapshotJson.read(file);
    Ec2Instance web = s.instances().get(0);
    assertSame(web.region(), s.volumes().get(0).region());
    assertSame(web.region(), s.regions().get(0));
    assertSame(web.id(), s.usage().get(0).resourceId());
    assertSame(web.id(), s.volumes().get(0).attachedTo());
    assertSame(web.id(), s.autoScalingGroups().get(0).instanceIds().get(0));
    assertSame(web.tags().get("app"), s.buckets().get(0).tags().get("app"));
    assertSame(s.autoScalingGroups().get(0).targetGroupArns().get(0), s.loadBalancers().get(0).targetGroups().get(0).arn());
    // Two reads share nothing: each table belongs to its read.
    assertNotSame(web.id(), SnapshotJson.read(file).instances().get(0).id());
  }

  @Test
  void tagsAreSortedImmutableAndEqualToTheMapTheyWereMadeFrom() {
    var tags = new java.util.LinkedHashMap<String, String>();
    tags.put("role", "web");
    tags.put("Name", "web-1");
    tags.put("app", "tableapp");
    Ec2Instance i = new Ec2Instance("i-1", "us-east-1", null, "m5.large", "running", "linux", "x86_64", null, null,
        null, null, null, List.of(), false, tags);
    assertEquals(List.of("Name", "app", "role"), List.copyOf(i.tags().keySet()));
    assertEquals(new java.util.TreeMap<>(tags), i.tags());
    assertEquals(new java.util.TreeMap<>(tags).hashCode(), i.tags().hashCode());
    assertEquals(new java.util.TreeMap<>(tags).toString(), i.tags().toString());
    assertEquals("web", i.tags().get("role"));
    assertEquals(null, i.tags().get("env"));
    assertTrue(i.tags().containsKey("app") && !i.tags().containsKey("App"));
    assertThrows(UnsupportedOperationException.class, () -> i.tags().put("env", "prod"));
    assertThrows(UnsupportedOperationException.class, () -> i.tags().entrySet().iterator().next().setValue("x"));
    assertThrows(UnsupportedOperationException.class, () -> i.tags().keySet().remove("app"));
    tags.put("env", "prod");
    assertEquals(3, i.tags().size(), "a copy, not a view");
    assertSame(Map.of(), new Ec2Instance("i-2", "us-east-1", null, "m5.large", "running", "linux", "x86_64", null,
        null, null, null, null, List.of(), false, Map.of()).tags());
  }

  @Test
  void everyWarningNamesTheLineAndColumnOfItsKey() throws Exception {
    // 300 volumes attached to instances that are gone, and as many usage records of them: 600 warnings.
    Snapshot small = Snapshots.small();
    var volumes = new java.util.ArrayList<EbsVolume>();
    var usage = new java.util.ArrayList<Usage>(small.usage());
    for (int i = 0; i < 300; i++) {
      String gone = String.format("i-0gone%012d", i);
      volumes.add(new EbsVolume(String.format("vol-%04d", i), "ap-northeast-1", null, "gp3", 8, null, null, "in-use",
          gone, null));
      usage.add(Usage.of(gone, "ec2", "cloudwatch"));
    }
    usage.sort(java.util.Comparator.comparing(Usage::resourceId));
    Snapshot s = dev.migrate.testing.SnapshotBuilder.from(small).volumes(volumes).usage(usage).build();
    Path file = dir.resolve("s.json");
    SnapshotJson.write(s, file);
    List<String> lines = Files.readAllLines(file);
    var warnings = new java.util.ArrayList<String>();
    SnapshotJson.read(file, warnings::add);
    assertEquals(600, warnings.size());
    // Each warning's line:col is where its key is in the file.
    for (String w : warnings) {
      var m = java.util.regex.Pattern.compile(".*s\\.json:(\\d+):(\\d+): \\$\\.(volumes|usage)\\[(\\d+)]\\.(\\w+): .*")
          .matcher(w);
      assertTrue(m.matches(), w);
      String line = lines.get(Integer.parseInt(m.group(1)) - 1);
      int col = Integer.parseInt(m.group(2));
      assertEquals("\"" + m.group(5) + "\"", line.substring(col - 1, col + m.group(5).length() + 1), w);
      int index = Integer.parseInt(m.group(4));
      String value = m.group(3).equals("volumes") ? s.volumes().get(index).attachedTo() : s.usage().get(index).resourceId();
      assertTrue(line.contains("\"" + value + "\""), w + " / " + line);
    }
  }

  @Test
  void writingLeavesNoTemporaryFilesBehind() throws Exception {
    SnapshotJson.write(Snapshots.small(), dir.resolve("s.json"));
    SnapshotJson.write(Snapshots.small(), dir.resolve("s.json"));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  @Test
  void anUnknownSchemaVersionIsNamedWithFileAndPath() {
    String msg = readError(json().replace("migrate.snapshot/v1", "migrate.snapshot/v9"));
    assertEquals("s.json:2:35: $.schema: unknown snapshot schema 'migrate.snapshot/v9' "
        + "(this version of migrate reads 'migrate.snapshot/v1')", msg);
  }

  @Test
  void aMissingSchemaFieldIsNamed() {
    String msg = readError(json().replace("\"schema\" : \"migrate.snapshot/v1\",", ""));
    assertEquals("s.json: $.schema: missing required field 'schema' (expected 'migrate.snapshot/v1')", msg);
  }

  @Test
  void aMissingRequiredFieldNamesItsJsonPath() {
    String msg = readError(json().replace("\"instanceType\" : \"m5.large\",", ""));
    assertTrue(msg.startsWith("s.json:"), msg);
    assertTrue(msg.endsWith(": $.instances[0].instanceType: missing required field 'instanceType'")
        || msg.endsWith(": $.instances[0]: missing required field 'instanceType'"), msg);
  }

  @Test
  void aWrongTypeNamesItsJsonPathAndTheExpectedType() {
    String msg = readError(json().replace("\"sizeGib\" : 50", "\"sizeGib\" : \"fifty\""));
    assertTrue(msg.matches("s\\.json:\\d+:\\d+: \\$\\.volumes\\[0]\\.sizeGib: .*an integer.*"), msg);
  }

  @Test
  void aNumberWhereTextIsExpectedIsAnError() {
    String msg = readError(json().replace("\"instanceType\" : \"m5.large\"", "\"instanceType\" : 5"));
    assertTrue(msg.matches("s\\.json:\\d+:\\d+: \\$\\.instances\\[0]\\.instanceType: .*a string.*"), msg);
  }

  @Test
  void anUnknownFieldIsNamed() {
    String msg = readError(json().replace("\"sizeGib\" : 50", "\"sizeGib\" : 50, \"sizeGB\" : 50"));
    assertTrue(msg.matches("s\\.json:\\d+:\\d+: \\$\\.volumes\\[0](\\.sizeGB)?: unknown field 'sizeGB'"), msg);
  }

  @Test
  void brokenJsonGivesLineAndColumn() {
    String msg = readError(json().substring(0, 200));
    assertTrue(msg.matches("s\\.json:\\d+:\\d+: .*"), msg);
    assertEquals(1, msg.lines().count());
  }

  @Test
  void aMissingFileIsNamed() {
    var e = assertThrows(SnapshotFormatException.class, () -> SnapshotJson.read(dir.resolve("nope.json")));
    assertTrue(e.getMessage().endsWith("nope.json: no such file"), e.getMessage());
  }

  @Test
  void anInvalidValueNamesThePath() {
    String msg = readError(json().replace("\"days\" : 30", "\"days\" : 0"));
    assertTrue(msg.matches("s\\.json:\\d+:\\d+: \\$\\.window(\\.days)?: invalid value: window days must be positive"), msg);
  }

  @Test
  void datesAreReadAsBeforeAndABadOneIsNamed() {
    String good = json();
    assertTrue(good.contains("\"date\" : \"2026-11-24\""), good);
    assertEquals(java.time.LocalDate.parse("2026-11-24"), Snapshots.small().usage().get(0).daily().get(0).date());
    for (String bad : List.of("2026-02-30", "2026-13-01", "2026-1-24", "26-11-2024", "2026-11-2x", "", "2026/11/24")) {
      String msg = readError(good.replace("\"date\" : \"2026-11-24\"", "\"date\" : \"" + bad + "\""));
      assertTrue(msg.matches("s\\.json:\\d+:\\d+: \\$\\.usage\\[0]\\.daily\\[0]\\.date: .*"), msg);
      assertTrue(msg.endsWith(": wrong value '" + bad + "', expected an ISO date such as 2026-11-01"), msg);
    }
  }

  private static String json() {
    return SnapshotJson.toJson(Snapshots.small());
  }

  private String readError(String content) {
    Path file = dir.resolve("s.json");
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var e = assertThrows(SnapshotFormatException.class, () -> SnapshotJson.read(file));
    String msg = e.getMessage().replace(file.toString(), "s.json");
    assertEquals(1, msg.lines().count(), "one line: " + msg);
    return msg;
  }
}
