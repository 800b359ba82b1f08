package dev.migrate.app;

import dev.migrate.cost.Assessment;
import dev.migrate.io.CallerOwned;
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

  /**
   * How the outputs that grow with the estate are written.
   *
   * @param jsonCostLines  cost lines the assessment JSON lists: {@link #ALL_LINES}, 0 for none, or N for the N dearest
   *                       of each side (the CSV always has every line)
   * @param gzip           write the JSON and the CSV gzip-compressed ({@code .json.gz}, {@code .csv.gz})
   */
  public record Sizing(int jsonCostLines, boolean gzip) {
    public static final int ALL_LINES = -1;
    /** Everything, uncompressed: the default. */
    public static final Sizing FULL = new Sizing(ALL_LINES, false);

    public Sizing {
      if (jsonCostLines < ALL_LINES) {
        throw new IllegalArgumentException("jsonCostLines " + jsonCostLines);
      }
    }

    /**
     * Reads {@code --cost-lines}: {@code all}, {@code none} or {@code top:N}.
     *
     * @throws Failure USAGE, one line saying what is accepted
     */
    public static int costLines(String text) {
      String t = text.strip().toLowerCase(java.util.Locale.ROOT);
      if (t.equals("all")) {
        return ALL_LINES;
      }
      if (t.equals("none")) {
        return 0;
      }
      if (t.matches("top:[0-9]{1,9}") && Integer.parseInt(t.substring(4)) > 0) {
        return Integer.parseInt(t.substring(4));
      }
      throw new Failure(Failure.Kind.USAGE, "--cost-lines '" + dev.migrate.io.Echo.clip(text) + "': give all, none or "
          + "top:N with N a whole number from 1, e.g. top:1000");
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
    return write(a, outDir, formats, anonymize, salt, Sizing.FULL, console, notes);
  }

  /** {@link #write(Assessment, Path, Set, boolean, String, PrintStream, Consumer)} with the outputs' {@code sizing}. */
  public static List<Path> write(Assessment a, Path outDir, Set<Format> formats, boolean anonymize, String salt,
      Sizing sizing, PrintStream console, Consumer<String> notes) {
    String gz = sizing.gzip() ? ".gz" : "";
    ReportModel m = ReportModel.of(a, anonymize
        ? Anonymizer.forAssessment(a, salt == null ? Anonymizer.randomSalt() : salt) : Anonymizer.none());
    String stem = fileSafe(m.accountId()) + "-" + m.generatedDate();
    List<Path> written;
    Path current = outDir;
    try (OutputSet set = new OutputSet()) {
      // The three files are written at the same time (OutputSet.addAll), then renamed into place together.
      List<OutputSet.File> files = new ArrayList<>();
      int[] cut = new int[1];
      if (formats.contains(Format.XLSX)) {
        files.add(new OutputSet.File(outDir.resolve("assessment-" + stem + ".xlsx"),
            out -> cut[0] = WorkbookWriter.write(m, out)));
      }
      if (formats.contains(Format.JSON)) {
        files.add(new OutputSet.File(outDir.resolve("assessment-" + stem + ".json" + gz),
            out -> compressed(out, sizing, o -> AssessmentJson.write(m, o, sizing.jsonCostLines()))));
      }
      if (formats.contains(Format.CSV)) {
        files.add(new OutputSet.File(outDir.resolve("cost-lines-" + stem + ".csv" + gz),
            out -> compressed(out, sizing, o -> CostLinesCsv.write(m, o))));
      }
      try {
        set.addAll(files);
      } catch (OutputSet.FileFailure e) {
        current = e.target();
        throw e;
      }
      if (cut[0] > 0) {
        notes.accept("migrate: warning: " + cut[0] + " workbook cell(s) held more than Excel's 32,767 characters and"
            + " were cut, marked in the cell; the JSON has the whole text");
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

  /** What writes one output into a stream. */
  @FunctionalInterface
  private interface Body {
    void write(java.io.OutputStream out) throws IOException;
  }

  /**
   * {@code body} into {@code out}, through gzip when {@code sizing} says so. Level 1 (the fastest): on the JSON and CSV
   * of a large estate it keeps most of the gain of the default level 6 at a fraction of its time.
   */
  private static void compressed(java.io.OutputStream out, Sizing sizing, Body body) throws IOException {
    if (!sizing.gzip()) {
      body.write(out);
      return;
    }
    var gzip = new java.util.zip.GZIPOutputStream(CallerOwned.of(out), 1 << 16) {
      {
        def.setLevel(java.util.zip.Deflater.BEST_SPEED);
      }
    };
    try (gzip) {
      body.write(gzip);
    }
  }

  /** Account ids are digits; an alias or pseudonym could hold anything a file name must not. */
  static String fileSafe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
