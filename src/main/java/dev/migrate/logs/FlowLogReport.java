package dev.migrate.logs;

import dev.migrate.inventory.FlowLogs;
import java.util.List;

/**
 * The result of reading VPC Flow Logs.
 *
 * @param flowLogs          the records reduced to address pairs, or null when no record was read
 * @param files             files, objects, log streams or query results read
 * @param bytesRead         uncompressed bytes parsed (0 for Parquet and Athena, read as columns)
 * @param malformedSamples  the first few lines that were not flow records, with file and line
 * @param fileProblems      sources that could not be read to their end
 */
public record FlowLogReport(FlowLogs flowLogs, long files, long bytesRead, List<LogReport.BadLine> malformedSamples,
    List<LogReport.FileProblem> fileProblems) {
  public FlowLogReport {
    malformedSamples = List.copyOf(malformedSamples);
    fileProblems = List.copyOf(fileProblems);
  }
}
