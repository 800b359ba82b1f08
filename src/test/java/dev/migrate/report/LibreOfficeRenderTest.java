package dev.migrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Converts the sample workbooks to PDF with LibreOffice headless, the check that the workbook
 * opens cleanly outside Excel. Skipped where {@code libreoffice} is not on the PATH (Debian:
 * {@code apt-get install libreoffice-calc-nogui}). The PDFs stay in target/report-render for a
 * person to look at ({@code pdftoppm -png -r 70 file.pdf page}).
 */
class LibreOfficeRenderTest {

  static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, exe))) {
        return true;
      }
    }
    return false;
  }

  static String pdfText(Path pdf) throws Exception {
    Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdftotext did not finish");
    assertEquals(0, p.exitValue(), text);
    return text;
  }

  @Test
  void sampleWorkbooksConvertToPdfWithoutError() throws Exception {
    assumeTrue(onPath("libreoffice"), "libreoffice is not on the PATH");
    Path dir = Path.of("target", "report-render").toAbsolutePath();
    Files.createDirectories(dir);
    // "scenarios": several timelines, so the Scenarios sheet, its chart and the Summary's comparison chart.
    for (var e : new java.util.TreeMap<>(java.util.Map.of("tableapp", Fixtures.tableapp(), "bare", Fixtures.bare(),
        "scenarios", Fixtures.scenarios())).entrySet()) {
      Path xlsx = dir.resolve(e.getKey() + ".xlsx");
      Path pdf = dir.resolve(e.getKey() + ".pdf");
      Files.deleteIfExists(pdf);
      try (var out = Files.newOutputStream(xlsx)) {
        WorkbookWriter.write(ReportModel.of(e.getValue()), out);
      }
      // A private profile directory: a user's running LibreOffice would otherwise swallow the call.
      Process p = new ProcessBuilder("libreoffice", "-env:UserInstallation=file://" + dir.resolve("lo-profile"),
          "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), xlsx.toString())
          .redirectErrorStream(true).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(180, TimeUnit.SECONDS), "libreoffice did not finish in 3 minutes");
      assertEquals(0, p.exitValue(), log);
      assertTrue(Files.exists(pdf), "no PDF written: " + log);
      assertTrue(Files.size(pdf) > 20_000, "PDF too small to hold the sheets and charts: " + Files.size(pdf));
      assertTrue(!log.toLowerCase(java.util.Locale.ROOT).contains("error"), log);
      if (onPath("pdftotext")) {
        String text = pdfText(pdf);
        // A number too wide for its column prints as ###: every figure must fit.
        assertTrue(!text.contains("###"), e.getKey() + ": a figure does not fit its column");
        if (e.getKey().equals("scenarios")) {
          for (String s : new String[] {"slow-waves-18-months", "big-bang-24-months", "not within the timeline",
              "Warnings and blockers of the scenarios", "$19,620.74"}) {
            assertTrue(text.contains(s), "the Scenarios sheet prints '" + s + "'");
          }
        }
      }
    }
  }
}
