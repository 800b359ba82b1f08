package dev.migrate.hostile;

import dev.migrate.testing.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error messages say what is wrong in the user's words: no library internals, real line numbers, suggestions. */
class MessagesTest {
  @TempDir
  Path dir;

  @Test
  void aMisspelledSubcommandGetsDidYouMeanAndExit2() {
    Cli.Run run = Hostile.migrate("asess", "--sample");
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().startsWith("migrate: unknown command 'asess'; did you mean 'assess'?\n"), run::toString);
    Cli.Run sub = Hostile.migrate("rules", "explian", "x");
    assertEquals(2, sub.code(), sub::toString);
    assertTrue(sub.err().contains("did you mean 'explain'?"), sub::toString);
    Cli.Run opt = Hostile.migrate("assess", "--anonymise");
    assertEquals(2, opt.code(), opt::toString);
    assertTrue(opt.err().startsWith("migrate: Unknown option: '--anonymise'; did you mean '--anonymize'?"), opt::toString);
  }

  @Test
  void aNumberOptionThatIsNotANumberIsRefusedWithoutJavaNames() {
    Cli.Run run = Hostile.migrate("assess", "--sample", "--target-pricing", "spot", "--spot-share", "NaN");
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().startsWith("migrate: Invalid value for option '--spot-share': 'NaN' is not a number"), run::toString);
    assertFalse(run.err().contains("java.") || run.err().contains("BigDecimal"), run::toString);
  }

  @Test
  void anOverLongLogLineIsReportedWithItsRealLineNumber() throws Exception {
    String ok = LogsOutputIsInputTest.ALB_LINE;
    String huge = "https " + "x".repeat((1 << 20) + 10) + "\n";
    Path log = Hostile.write(dir.resolve("web.log"), ok + ok + huge + ok + huge);
    Cli.Run run = Hostile.migrate("logs", "analyze", log.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains("bad line " + log + ":3: line longer than"), run::toString);
    assertTrue(run.out().contains("bad line " + log + ":5: line longer than"), run::toString);
    assertFalse(run.out().contains(":0:"), run::toString);
  }

  @Test
  void aCorruptGzipFileIsDescribedWithoutJavaClassNames() throws Exception {
    var bytes = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(bytes)) {
      gz.write(LogsOutputIsInputTest.ALB_LINE.repeat(200).getBytes());
    }
    byte[] b = bytes.toByteArray();
    for (int i = 20; i < b.length - 20; i += 7) {
      b[i] ^= 0x5a;
    }
    Path gz = dir.resolve("web.log.gz");
    Files.write(gz, b);
    Cli.Run run = Hostile.migrate("logs", "analyze", gz.toString());
    assertEquals(3, run.code(), run::toString);
    String all = run.out() + run.err();
    assertTrue(all.contains("corrupt gzip data"), run::toString);
    assertFalse(all.contains("java.") || all.contains("Exception"), run::toString);
  }

  @Test
  void snapshotJsonErrorsNameNoLibraryFeature() throws Exception {
    String sample = Files.readString(Hostile.SAMPLE);
    int instances = sample.indexOf("\"instances\"");
    String[] broken = {
        sample.replaceFirst("\"cpuAvgPct\" : [0-9.]+", "\"cpuAvgPct\" : NaN"),
        sample.replaceFirst("\"sizeGib\" : [0-9]+", "\"sizeGib\" : Infinity"),
        sample.substring(0, sample.indexOf(',', instances + 200)),
        "// a comment\n" + sample,
        sample.replaceFirst("\"sizeGib\" : [0-9]+", "\"sizeGib\" : 99999999999999999999"),
        sample.replaceFirst("\"schema\"", "\"x\" : " + "[".repeat(1500) + "]".repeat(1500) + ", \"schema\""),
        sample.replaceFirst("\"m5.large\"", "\"m5.\u0001large\""),
        sample + "{}",
    };
    for (int i = 0; i < broken.length; i++) {
      Path f = Hostile.write(dir.resolve("broken" + i + ".json"), broken[i]);
      Cli.Run run = Hostile.migrate("rules", "explain", "x", "--snapshot", f.toString());
      assertEquals(3, run.code(), run::toString);
      assertTrue(run.err().startsWith("migrate: " + f + ":"), run::toString);
      assertEquals(1, run.err().lines().count(), run::toString);
      for (String internal : new String[] {"Feature", "Constraints", "`", "REDACTED", "Source:", "CTRL-CHAR", "code 1"}) {
        assertFalse(run.err().contains(internal), () -> internal + " in " + run);
      }
    }
  }
}
