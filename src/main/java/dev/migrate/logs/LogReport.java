package dev.migrate.logs;

import java.util.List;

/**
 * The result of analysing a set of log sources.
 *
 * @param resources       one summary per load balancer or distribution, sorted by key
 * @param files           log files (or S3 objects) read
 * @param bytesRead       uncompressed bytes parsed
 * @param lines           log lines seen (headers and blank lines excluded)
 * @param badLines        lines that could not be parsed and were skipped
 * @param badLineSamples  the first few bad lines, in file order
 * @param fileProblems    files that could not be read, or stopped early (truncated gzip, ...)
 */
public record LogReport(
    List<LogSummary> resources,
    long files,
    long bytesRead,
    long lines,
    long badLines,
    List<BadLine> badLineSamples,
    List<FileProblem> fileProblems) {

  public LogReport {
    resources = List.copyOf(resources);
    badLineSamples = List.copyOf(badLineSamples);
    fileProblems = List.copyOf(fileProblems);
  }

  /** A line that was skipped: where, why, and its text (cut to 200 characters). */
  public record BadLine(String file, long line, String reason, String text) {}

  /**
   * A file that could not be read to its end. Lines before the problem are counted.
   *
   * @param linesRead  lines parsed before the problem
   */
  public record FileProblem(String file, String problem, long linesRead) {}
}
