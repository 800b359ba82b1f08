package dev.migrate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotFormatException;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Window;
import dev.migrate.testing.Cli;
import dev.migrate.testing.SnapshotBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account files of an estate are read several at a time, yet what a run says is what reading them one after the
 * other in file name order says: each file's warnings in file order, the first bad file (in that order) is the one
 * reported, after the warnings of the files before it, and nothing of the files after it.
 */
class EstateReadingOrderTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
  static final Instant END = Instant.parse("2026-11-25T00:00:00Z");

  @TempDir Path tmp;

  /** Account k, with k volumes attached to instances that are gone (k warnings) and one instance of its own. */
  static Snapshot account(int k) {
    String id = String.format("%012d", 400_000_000_000L + k);
    var volumes = new ArrayList<EbsVolume>();
    for (int v = 0; v < k % 4; v++) {
      volumes.add(new EbsVolume(String.format("vol-0%03d%013d", k, v), "us-east-1", null, "gp3", 8, null, null,
          "in-use", String.format("i-0gone%03d%010d", k, v), Map.of()));
    }
    var instance = new Ec2Instance(String.format("i-0%03d%013d", k, 1), "us-east-1", null, "m5.large", "running",
        "linux", "x86_64", null, null, null, null, null, List.of(), false, Map.of("Name", "web-" + k));
    return SnapshotBuilder.snapshot(new Account(id, "acct" + k), END, Window.ofDays(END, 30))
        .regions(List.of("us-east-1")).instances(List.of(instance)).volumes(volumes).build();
  }

  /** Writes 9 accounts; the ones in {@code broken} get a duplicate key (the first) or a cut-off file. */
  private List<Path> estate(Path dir, int... broken) throws Exception {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (int k = 0; k < 9; k++) {
      Snapshot s = account(k);
      Path f = dir.resolve(s.account().id() + ".json");
      SnapshotJson.write(s, f);
      files.add(f);
    }
    for (int i = 0; i < broken.length; i++) {
      Path f = files.get(broken[i]);
      String json = Files.readString(f);
      Files.writeString(f, i == 0 ? json.replace("\"alias\" :", "\"id\" : \"1\", \"alias\" :")
          : json.substring(0, json.length() / 2));
    }
    return files;
  }

  /** What reading the files one after the other says: "migrate: warning: ..." lines, then the first error. */
  private static List<String> oneAfterTheOther(List<Path> files) {
    List<String> lines = new ArrayList<>();
    for (Path f : files) {
      try {
        SnapshotJson.read(f, w -> lines.add("migrate: warning: " + w));
      } catch (SnapshotFormatException e) {
        lines.add("migrate: " + e.getMessage());
        break;
      }
    }
    return lines;
  }

  private static List<String> said(Cli.Run r) {
    return r.err().lines().filter(l -> l.startsWith("migrate: ")).toList();
  }

  @Test
  void warningsComeInFileOrder() throws Exception {
    List<Path> files = estate(tmp.resolve("estate"));
    Cli.Run r = Cli.run(CLOCK, "assess", "--snapshot", tmp.resolve("estate").toString(), "--format", "json",
        "--out", tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.toString());
    List<String> expected = oneAfterTheOther(files);
    assertEquals(12, expected.size(), "0+1+2+3+0+1+2+3+0 warnings");
    assertEquals(expected, said(r).stream().filter(l -> l.startsWith("migrate: warning: ")).toList());
  }

  @Test
  void theFirstBadFileInFileOrderIsReportedAfterTheWarningsBeforeIt() throws Exception {
    // File 7 is cut off, file 5 has a key twice: 5 comes first in file order, whichever read ends first.
    List<Path> files = estate(tmp.resolve("estate"), 5, 7);
    Cli.Run r = Cli.run(CLOCK, "assess", "--snapshot", tmp.resolve("estate").toString(), "--format", "json",
        "--out", tmp.resolve("out").toString());
    assertEquals(3, r.code(), r.toString());
    List<String> expected = oneAfterTheOther(files);
    assertTrue(expected.get(expected.size() - 1).contains(files.get(5).toString() + ":"), expected.toString());
    assertTrue(expected.get(expected.size() - 1).contains("duplicate key 'id'"), expected.toString());
    assertEquals(expected, said(r));
    assertFalse(r.err().contains(files.get(7).toString()), r.err());
  }
}
