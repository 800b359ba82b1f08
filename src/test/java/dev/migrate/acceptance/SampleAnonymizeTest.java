package dev.migrate.acceptance;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.migrate.app.Reporting;
import dev.migrate.cost.Assessment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --anonymize} on the real sample: every name in the sample starts with the company's
 * product name "tableapp" (account alias, instances, groups, buckets, workloads, node pools), and
 * the account id is 481516234200, so neither may appear in any output, the workbook's XML included.
 */
class SampleAnonymizeTest {
  @TempDir
  Path dir;

  @Test
  void noSampleNameOrAccountIdSurvivesAnonymizing() throws Exception {
    Assessment a = SampleEstate.assess(SampleEstate.snapshot());
    var console = new ByteArrayOutputStream();
    List<Path> written = Reporting.write(a, dir, Reporting.Format.all(), true,
        new PrintStream(console, true, StandardCharsets.UTF_8));
    List<String> texts = new ArrayList<>();
    texts.add(console.toString(StandardCharsets.UTF_8));
    for (Path p : written) {
      texts.add(p.getFileName().toString());
      if (p.toString().endsWith(".xlsx")) {
        try (ZipFile zip = new ZipFile(p.toFile())) {
          for (var e : java.util.Collections.list(zip.entries())) {
            if (e.getName().endsWith(".xml")) {
              texts.add(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
          }
        }
      } else {
        texts.add(Files.readString(p));
      }
    }
    for (String text : texts) {
      // the database and cache endpoints carry random labels of their own besides the name
      for (String secret : List.of("tableapp", "481516234200", "c7hq2xk4mw9s", "r4zvqe")) {
        int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(secret);
        assertFalse(at >= 0, () -> "'" + secret + "' leaks: " + text.substring(Math.max(0, at - 100),
            Math.min(text.length(), at + 60)));
      }
    }
  }
}
