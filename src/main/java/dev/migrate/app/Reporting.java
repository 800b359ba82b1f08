package dev.migrate.app;

import dev.migrate.cost.Assessment;
import dev.migrate.io.AtomicFiles;
import dev.migrate.report.Anonymizer;
import dev.migrate.report.AssessmentJson;
import dev.migrate.report.ConsoleSummary;
import dev.migrate.report.CostLinesCsv;
import dev.migrate.report.ReportModel;
import dev.migrate.report.WorkbookWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the reports of one assessment: the workbook, the assessment JSON, the CSV of cost
 * lines and the terminal summary, all from the same value so that they agree to the cent.
 * File names are deterministic: {@code assessment-<account>-<yyyy-mm-dd>.xlsx} and {@code .json},
 * {@code cost-lines-<account>-<yyyy-mm-dd>.csv}, with the (pseudonymised, when anonymising)
 * account id and the UTC date the assessment was generated.
 */
public final class Reporting {
  /** What to write ({@code --format}: {@link Choices.Output}). */
  public enum Format {
    XLSX, JSON, CSV, CONSOLE;

    /** Every format: the default. */
    public static Set<Format> all() {
      return EnumSet.allOf(Format.class);
    }
  }

  private Reporting() {}

  /** {@link #write(Assessment, Path, Set, boolean, String, PrintStream)} with a random salt for this run. */
  public static List<Path> write(Assessment a, Path outDir, Set<Format> formats, boolean anonymize,
      PrintStream console) {
    return write(a, outDir, formats, anonymize, null, console);
  }

  /**
   * Writes the chosen formats into {@code outDir} (created when missing) and prints the summary
   * table to {@code console} when {@link Format#CONSOLE} is chosen.
   *
   * @param anonymize  replace account, resource ids, names and tag values with stable pseudonyms
   * @param salt       secret salt of the pseudonyms (the same salt gives the same pseudonyms), or null
   *                   for a random one, so that pseudonyms cannot be confirmed by hashing a guessed id
   * @return the files written, in the order xlsx, json, csv
   * @throws Failure OUTPUT when a file cannot be written
   */
  public static List<Path> write(Assessment a, Path outDir, Set<Format> formats, boolean anonymize, String salt,
      PrintStream console) {
    ReportModel m = ReportModel.of(a, anonymize
        ? Anonymizer.forAssessment(a, salt == null ? Anonymizer.randomSalt() : salt) : Anonymizer.none());
    String stem = fileSafe(m.accountId()) + "-" + m.generatedDate();
    var written = new ArrayList<Path>();
    if (formats.contains(Format.XLSX)) {
      Path p = outDir.resolve("assessment-" + stem + ".xlsx");
      write(p, out -> WorkbookWriter.write(m, out));
      written.add(p);
    }
    if (formats.contains(Format.JSON)) {
      Path p = outDir.resolve("assessment-" + stem + ".json");
      write(p, out -> AssessmentJson.write(m, out));
      written.add(p);
    }
    if (formats.contains(Format.CSV)) {
      Path p = outDir.resolve("cost-lines-" + stem + ".csv");
      write(p, out -> CostLinesCsv.write(m, out));
      written.add(p);
    }
    if (formats.contains(Format.CONSOLE)) {
      ConsoleSummary.print(m, written, console);
    }
    return List.copyOf(written);
  }

  private static void write(Path p, AtomicFiles.Writer writer) {
    try {
      AtomicFiles.write(p, writer);
    } catch (IOException | java.io.UncheckedIOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new Failure(Failure.Kind.OUTPUT, "cannot write " + p + ": " + why
          + "; check that the output directory exists or can be created and is writable", e);
    }
  }

  /** Account ids are digits; an alias or pseudonym could hold anything a file name must not. */
  static String fileSafe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
