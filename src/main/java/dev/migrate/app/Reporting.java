package dev.migrate.app;

import dev.migrate.cost.Assessment;
import dev.migrate.io.OutputSet;
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
import java.util.function.Consumer;

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
    return write(a, outDir, formats, anonymize, salt, console, System.err::println);
  }

  /**
   * {@link #write(Assessment, Path, Set, boolean, String, PrintStream)}, with notes for stderr: an
   * earlier output of the same name kept under a numbered name, text cut at a cell limit.
   * The files are written all or nothing ({@link OutputSet}).
   */
  public static List<Path> write(Assessment a, Path outDir, Set<Format> formats, boolean anonymize, String salt,
      PrintStream console, Consumer<String> notes) {
    ReportModel m = ReportModel.of(a, anonymize
        ? Anonymizer.forAssessment(a, salt == null ? Anonymizer.randomSalt() : salt) : Anonymizer.none());
    String stem = fileSafe(m.accountId()) + "-" + m.generatedDate();
    List<Path> written;
    Path current = outDir;
    try (OutputSet set = new OutputSet()) {
      if (formats.contains(Format.XLSX)) {
        current = outDir.resolve("assessment-" + stem + ".xlsx");
        int[] cut = new int[1];
        set.add(current, out -> cut[0] = WorkbookWriter.write(m, out));
        if (cut[0] > 0) {
          notes.accept("migrate: warning: " + cut[0] + " workbook cell(s) held more than Excel's 32,767 characters and"
              + " were cut, marked in the cell; the JSON has the whole text");
        }
      }
      if (formats.contains(Format.JSON)) {
        current = outDir.resolve("assessment-" + stem + ".json");
        set.add(current, out -> AssessmentJson.write(m, out));
      }
      if (formats.contains(Format.CSV)) {
        current = outDir.resolve("cost-lines-" + stem + ".csv");
        set.add(current, out -> CostLinesCsv.write(m, out));
      }
      current = outDir;
      written = set.commit(kept -> notes.accept("migrate: " + kept + " (an earlier output is never replaced)"));
    } catch (IOException | java.io.UncheckedIOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new Failure(Failure.Kind.OUTPUT, "cannot write " + current + ": " + why
          + "; check that the output directory exists or can be created and is writable; no file of this run was"
          + " written", e);
    }
    if (formats.contains(Format.CONSOLE)) {
      ConsoleSummary.print(m, written, console);
    }
    return List.copyOf(written);
  }

  /** Account ids are digits; an alias or pseudonym could hold anything a file name must not. */
  static String fileSafe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
