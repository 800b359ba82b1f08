package dev.migrate.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.SnapshotJson;
import dev.migrate.testing.Cli;
import dev.migrate.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate deps} on the hand-made flow estate: text, DOT and JSON, and its one-line errors. */
class DepsCommandTest {
  @TempDir
  Path dir;

  private Path snapshot() throws Exception {
    Path f = dir.resolve("snap.json");
    SnapshotJson.write(FlowEstate.snapshot(), f);
    return f;
  }

  @Test
  void printsGroupsTalkersAndPairsAsText() throws Exception {
    var run = Cli.run("deps", "--snapshot", snapshot().toString(), "--top", "5");
    assertEquals(0, run.code(), run.toString());
    Golden.check("deps/flow-estate.txt", run.out());
  }

  @Test
  void writesTheSameJsonAndDotAsTheExportsAtomically() throws Exception {
    Path snap = snapshot();
    Path json = dir.resolve("out/deps.json");
    Files.createDirectories(json.getParent());
    var run = Cli.run("deps", "--snapshot", snap.toString(), "--format", "json", "--out", json.toString(),
        "--on-premises", "192.168.0.0/16");
    assertEquals(0, run.code(), run.toString());
    assertEquals(json + "\n", run.out());
    Golden.check("deps/flow-estate.json", Files.readString(json));
    var dot = Cli.run("deps", "--snapshot", snap.toString(), "--format", "dot", "--on-premises", "192.168.0.0/16");
    assertEquals(0, dot.code(), dot.toString());
    Golden.check("deps/flow-estate.dot", dot.out());
  }

  @Test
  void badOptionsAndInputsAreOneLineErrors() throws Exception {
    Path snap = snapshot();
    var cidr = Cli.run("deps", "--snapshot", snap.toString(), "--on-premises", "192.168.0/16");
    assertEquals(2, cidr.code(), cidr.toString());
    assertEquals("migrate: on-premises range '192.168.0/16' is not an IPv4 CIDR block (a.b.c.d/n, n 0..32)\n",
        cidr.err());
    var share = Cli.run("deps", "--snapshot", snap.toString(), "--group-min-share", "2");
    assertEquals(2, share.code(), share.toString());
    assertEquals(1, share.err().lines().count(), share.toString());
    var format = Cli.run("deps", "--snapshot", snap.toString(), "--format", "svg");
    assertEquals(2, format.code(), format.toString());
    assertTrue(format.err().contains("unknown choice 'svg'; use text, dot or json"), format.toString());
    var missing = Cli.run("deps", "--snapshot", dir.resolve("none.json").toString());
    assertEquals(3, missing.code(), missing.toString());
    assertEquals(1, missing.err().lines().count(), missing.toString());
    var unwritable = Cli.run("deps", "--snapshot", snap.toString(), "--format", "json", "--out",
        snap.resolve("deps.json").toString()); // under a file, not a folder
    assertEquals(5, unwritable.code(), unwritable.toString());
    assertEquals(1, unwritable.err().lines().count(), unwritable.toString());
  }
}
