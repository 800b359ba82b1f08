package dev.migrate.hostile;

import dev.migrate.testing.Cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logs analyze} refuses an output that is one of its inputs, before it reads or writes anything. */
class LogsOutputIsInputTest {
  static final String ALB_LINE = "https 2026-11-20T01:02:03.000000Z app/web/50dc6c495c0c9188 192.0.2.1:1234 10.0.0.1:80 "
      + "0.001 0.002 0.000 200 200 100 2048 \"GET https://www.example.jp:443/index.html HTTP/1.1\" \"curl\" "
      + "TLS_AES_128_GCM_SHA256 TLSv1.3 arn:aws:elasticloadbalancing:ap-northeast-1:481516234200:targetgroup/web/0123456789abcdef "
      + "\"Root=1-0\" \"www.example.jp\" \"-\" 0 2026-11-20T01:02:03.000000Z \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\"\n";

  @TempDir
  Path dir;

  Path log() throws Exception {
    Files.createDirectories(dir.resolve("logs"));
    return Hostile.write(dir.resolve("logs/web.log"), ALB_LINE.repeat(3));
  }

  void refused(Path mustSurvive, String expected, String... args) throws Exception {
    byte[] before = Files.readAllBytes(mustSurvive);
    Cli.Run run = Hostile.migrate(args);
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().startsWith("migrate: " + expected), run::toString);
    assertEquals(1, run.err().lines().filter(l -> l.startsWith("migrate:")).count(), run::toString);
    assertArrayEquals(before, Files.readAllBytes(mustSurvive), "the input is untouched");
  }

  @Test
  void jsonOntoALogFileIsRefused() throws Exception {
    Path log = log();
    refused(log, "--json ", "logs", "analyze", log.toString(), "--json", log.toString());
    // another spelling of the same file, and the file reached through its folder
    refused(log, "--json ", "logs", "analyze", dir.resolve("logs").toString(), "--json",
        dir.resolve("logs/../logs/./web.log").toString());
  }

  @Test
  void jsonOntoALogFileThroughASymbolicLinkIsRefused() throws Exception {
    Path log = log();
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), log);
    refused(log, "--json ", "logs", "analyze", log.toString(), "--json", link.toString());
  }

  @Test
  void theMergedSnapshotOntoALogFileIsRefused() throws Exception {
    Path log = log();
    Path snap = Files.copy(Hostile.SAMPLE, dir.resolve("snap.json"));
    refused(log, "--out ", "logs", "analyze", log.toString(), "--merge-into", snap.toString(), "--out", log.toString());
  }

  @Test
  void jsonOntoTheSnapshotOrOntoTheMergedOutputIsRefused() throws Exception {
    Path log = log();
    Path snap = Files.copy(Hostile.SAMPLE, dir.resolve("snap.json"));
    refused(snap, "--json ", "logs", "analyze", log.toString(), "--merge-into", snap.toString(), "--json", snap.toString());
    Path merged = Files.copy(Hostile.SAMPLE, dir.resolve("merged.json"));
    refused(merged, "--json ", "logs", "analyze", log.toString(), "--merge-into", snap.toString(), "--out",
        merged.toString(), "--json", merged.toString());
  }

  @Test
  void distinctOutputsStillWork() throws Exception {
    Path log = log();
    Cli.Run run = Hostile.migrate("logs", "analyze", log.toString(), "--json", dir.resolve("report.json").toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(Files.size(dir.resolve("report.json")) > 0);
  }
}
