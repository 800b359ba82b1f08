package dev.migrate.app;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotFormatException;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.io.AtomicFiles;
import dev.migrate.logs.AthenaAnalysis;
import dev.migrate.logs.AthenaRunner;
import dev.migrate.inventory.FlowLogs;
import dev.migrate.logs.CloudWatchFlowLogs;
import dev.migrate.logs.FlowLogAnalyzer;
import dev.migrate.logs.FlowLogAthena;
import dev.migrate.logs.FlowLogFormat;
import dev.migrate.logs.FlowLogReport;
import dev.migrate.logs.FlowLogText;
import dev.migrate.logs.LogAnalyzer;
import dev.migrate.logs.LogFormat;
import dev.migrate.logs.LogReport;
import dev.migrate.logs.LogReportJson;
import dev.migrate.logs.LogReportText;
import dev.migrate.logs.LogSource;
import dev.migrate.logs.LoggingCheck;
import dev.migrate.logs.S3LogSources;
import dev.migrate.logs.UsageMerge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Facade for {@code migrate logs}: analyses access logs (local files, folders, {@code s3://}
 * prefixes), writes the JSON, merges the facts into a snapshot, and runs the logging check.
 * Stage exceptions become one-line {@link Failure}s here.
 */
public final class LogAnalysis {
  private LogAnalysis() {}

  /** AWS settings for {@code s3://} sources; any may be null (SDK defaults then apply). */
  public record Aws(String profile, String region, String endpointUrl) {}

  /**
   * Run the aggregation on Amazon Athena instead of locally.
   *
   * @param format     alb, clb or cloudfront (the table DDL depends on it)
   * @param database   Glue database for the table, or null for "default"
   * @param workGroup  Athena workgroup, or null for "primary"
   * @param output     s3:// location for query results, or null when the workgroup sets one
   */
  public record Athena(Choices.LogFormat format, String database, String workGroup, String output) {}

  /**
   * @param athena     run on Athena (one s3:// source), or null to parse locally
   * @param sources    files, folders and {@code s3://bucket/prefix} locations
   * @param threads    worker threads, or 0 for all cores
   * @param top        paths per top list
   * @param jsonOut    where to write the JSON report, or null
   * @param mergeInto  snapshot to add the facts to, or null
   * @param mergeOut   where the merged snapshot goes (null: replace {@code mergeInto})
   */
  public record AnalyzeRequest(List<String> sources, int threads, int top, Path jsonOut, Path mergeInto,
      Path mergeOut, Aws aws, Athena athena) {
    public AnalyzeRequest {
      sources = List.copyOf(sources);
    }
  }

  /**
   * @param text         the console summary
   * @param files        files read
   * @param failedFiles  files that could not be read to their end
   * @param merged       one line per snapshot resource that got log facts
   * @param unmatched    log resources the snapshot does not have
   */
  public record AnalyzeOutcome(String text, long files, long failedFiles, List<String> merged, List<String> unmatched) {}

  public static AnalyzeOutcome analyze(AnalyzeRequest req, Consumer<String> progress) {
    List<LogSource> sources = req.athena() != null ? List.of() : sources(req, "log", LogAnalyzer::localSources,
        S3LogSources.ACCESS_LOGS);
    refuseOutputsThatAreInputs(req, sources);
    Snapshot snapshot = req.mergeInto() == null ? null : readSnapshot(req.mergeInto(), w -> progress.accept("warning: " + w));
    LogReport report = req.athena() != null ? athena(req, progress) : local(req, sources, progress);
    if (req.jsonOut() != null) {
      write(req.jsonOut(), LogReportJson.toJson(report));
    }
    List<String> merged = List.of();
    List<String> unmatched = List.of();
    if (snapshot != null) {
      UsageMerge.Result r = UsageMerge.merge(snapshot, report);
      Path target = req.mergeOut() != null ? req.mergeOut() : req.mergeInto();
      try {
        SnapshotJson.write(r.snapshot(), target);
      } catch (IOException e) {
        throw new Failure(Failure.Kind.OUTPUT, target + ": cannot write the merged snapshot: " + e.getMessage(), e);
      }
      merged = r.merged();
      unmatched = r.unmatched();
      progress.accept("merged access-log facts for " + merged.size() + " resource(s) into " + target);
      for (String u : unmatched) {
        progress.accept("not in the snapshot, not merged: " + u);
      }
    }
    return new AnalyzeOutcome(LogReportText.render(report), report.files(), report.fileProblems().size(),
        merged, unmatched);
  }

  /**
   * An output that is also an input would be destroyed by the run that reads it (a log file
   * replaced by the JSON report or the merged snapshot, the snapshot replaced by the report).
   * Compared as files, so another spelling of the path, a symbolic or a hard link is caught too.
   */
  private static void refuseOutputsThatAreInputs(AnalyzeRequest req, List<LogSource> sources) {
    Path mergeTarget = req.mergeInto() == null ? null : req.mergeOut() != null ? req.mergeOut() : req.mergeInto();
    for (LogSource s : sources) {
      if (s.name().startsWith("s3://")) {
        continue;
      }
      Path log = Path.of(s.name());
      if (req.jsonOut() != null && sameFile(req.jsonOut(), log)) {
        throw new Failure(Failure.Kind.USAGE, "--json " + req.jsonOut() + " is one of the log files being read;"
            + " write the report to another file");
      }
      if (mergeTarget != null && sameFile(mergeTarget, log)) {
        throw new Failure(Failure.Kind.USAGE, (req.mergeOut() != null ? "--out " : "--merge-into ") + mergeTarget
            + " is one of the log files being read; give the snapshot file");
      }
    }
    if (req.jsonOut() != null && req.mergeInto() != null && sameFile(req.jsonOut(), req.mergeInto())) {
      throw new Failure(Failure.Kind.USAGE, "--json " + req.jsonOut() + " is the snapshot given to --merge-into;"
          + " write the report to another file");
    }
    if (req.jsonOut() != null && mergeTarget != null && sameFile(req.jsonOut(), mergeTarget)) {
      throw new Failure(Failure.Kind.USAGE, "--json " + req.jsonOut() + " is also where the merged snapshot goes (--out);"
          + " give them different files");
    }
  }

  /** Whether two paths name the same file: the same file on disk, or the same absolute path before it exists. */
  static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
    } catch (IOException e) {
      // unreadable: fall back to comparing the paths
    }
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  private static LogReport local(AnalyzeRequest req, List<LogSource> sources, Consumer<String> progress) {
    if (sources.isEmpty()) {
      throw new Failure(Failure.Kind.INVALID_INPUT, "no log files found in " + String.join(", ", req.sources())
          + " (folders are searched for *.gz, *.log and CloudFront log names)");
    }
    LogAnalyzer.Options defaults = LogAnalyzer.Options.defaults();
    LogAnalyzer.Options options = new LogAnalyzer.Options(req.threads() > 0 ? req.threads() : defaults.threads(),
        req.top(), Math.max(defaults.topCapacity(), req.top()));
    progress.accept("analysing " + sources.size() + " log file(s) on " + Math.min(options.threads(), sources.size())
        + " thread(s)");
    return new LogAnalyzer().analyze(sources, options, progress);
  }

  private static LogReport athena(AnalyzeRequest req, Consumer<String> progress) {
    Athena a = req.athena();
    if (req.sources().size() != 1 || !req.sources().get(0).startsWith("s3://")) {
      throw new Failure(Failure.Kind.USAGE, "--athena needs exactly one SOURCE, the s3://bucket/prefix/ of the logs");
    }
    if (a.format() == null) {
      throw new Failure(Failure.Kind.USAGE, "--athena needs --log-format " + Choices.labels(Choices.LogFormat.class));
    }
    LogFormat format = a.format().format();
    String location = req.sources().get(0).endsWith("/") ? req.sources().get(0) : req.sources().get(0) + "/";
    Aws aws = req.aws() == null ? new Aws(null, null, null) : req.aws();
    progress.accept("running the aggregation on Athena over " + location + " (three queries, each one scan)");
    try {
      AthenaRunner runner = new AthenaRunner(AthenaRunner.client(aws.profile(), aws.region(), aws.endpointUrl()),
          a.database(), a.workGroup(), a.output(), java.time.Duration.ofSeconds(2), 1800, d -> Thread.sleep(d.toMillis()));
      return AthenaAnalysis.analyze(runner, format, location, req.top());
    } catch (AthenaRunner.QueryFailed e) {
      throw new Failure(Failure.Kind.REMOTE, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new Failure(Failure.Kind.REMOTE, "Athena: " + oneLine(e)
          + " (check --aws-profile, --region, --athena-output and the athena:StartQueryExecution permission)", e);
    }
  }

  /**
   * Reading VPC Flow Logs.
   *
   * @param sources    files, folders and {@code s3://bucket/prefix} locations (empty with a log group)
   * @param logGroup   a CloudWatch Logs log group to read instead, or null
   * @param fields     the field order of records without a header line (a format string or field names), or null
   *                   for the default format
   * @param threads    files read at once, or 0 for all cores
   * @param top        pairs listed on the console
   * @param jsonOut    where to write the JSON report, or null
   * @param mergeInto  snapshot whose flow logs the result becomes, or null
   * @param mergeOut   where the merged snapshot goes (null: replace {@code mergeInto})
   * @param since      with a log group: the first event time to read (inclusive), or null for the oldest
   * @param until      with a log group: the event time to stop at (exclusive), or null for the newest
   * @param athena     reduce the flow logs on Amazon Athena where they lie (one s3:// source), or null
   */
  public record FlowRequest(List<String> sources, String logGroup, String fields, int threads, int top, Path jsonOut,
      Path mergeInto, Path mergeOut, Aws aws, java.time.Instant since, java.time.Instant until, Athena athena) {
    public FlowRequest {
      sources = List.copyOf(sources);
    }

    /** Files, folders, s3:// prefixes or the whole of a log group, read here. */
    public FlowRequest(List<String> sources, String logGroup, String fields, int threads, int top, Path jsonOut,
        Path mergeInto, Path mergeOut, Aws aws) {
      this(sources, logGroup, fields, threads, top, jsonOut, mergeInto, mergeOut, aws, null, null, null);
    }
  }

  /** Reads VPC Flow Logs, prints their summary, writes the JSON and merges them into a snapshot. */
  public static AnalyzeOutcome analyzeFlows(FlowRequest req, Consumer<String> progress) {
    FlowLogFormat format = null;
    if (req.fields() != null) {
      try {
        format = FlowLogFormat.parse(req.fields());
      } catch (IllegalArgumentException e) {
        throw new Failure(Failure.Kind.USAGE, "--flow-log-fields: " + e.getMessage());
      }
    }
    if (req.athena() != null) {
      return athenaFlows(req, format, progress);
    }
    if ((req.since() != null || req.until() != null) && req.logGroup() == null) {
      throw new Failure(Failure.Kind.USAGE, "--since and --until select the events of a --log-group;"
          + " files, s3:// prefixes and Athena read every record under what is given");
    }
    if (req.logGroup() != null) {
      if (!req.sources().isEmpty()) {
        throw new Failure(Failure.Kind.USAGE, "--log-group reads one log group; give no SOURCE with it");
      }
      Snapshot snap = req.mergeInto() == null ? null : readSnapshot(req.mergeInto(), w -> progress.accept("warning: " + w));
      Aws a = req.aws() == null ? new Aws(null, null, null) : req.aws();
      CloudWatchFlowLogs.Window window;
      try {
        window = new CloudWatchFlowLogs.Window(req.since(), req.until());
      } catch (IllegalArgumentException e) {
        throw new Failure(Failure.Kind.USAGE, e.getMessage());
      }
      progress.accept("reading log group " + req.logGroup() + " from CloudWatch Logs"
          + (req.since() == null ? "" : " from " + req.since()) + (req.until() == null ? "" : " until " + req.until()));
      FlowLogReport report;
      try {
        report = CloudWatchFlowLogs.read(a.profile(), a.region(), a.endpointUrl(), req.logGroup(), format, window,
            progress);
      } catch (RuntimeException e) {
        throw new Failure(Failure.Kind.REMOTE, "CloudWatch Logs " + req.logGroup() + ": " + oneLine(e)
            + " (check --aws-profile, --region and the logs:FilterLogEvents permission)", e);
      }
      return finishFlows(req, snap, report, progress);
    }
    if (req.sources().isEmpty()) {
      throw new Failure(Failure.Kind.USAGE, "give the flow logs: files, folders, s3://bucket/prefix or --log-group NAME");
    }
    AnalyzeRequest asAccess = new AnalyzeRequest(req.sources(), req.threads(), req.top(), req.jsonOut(),
        req.mergeInto(), req.mergeOut(), req.aws(), null);
    List<LogSource> sources = sources(asAccess, "flow log", FlowLogAnalyzer::localSources,
        FlowLogAnalyzer::isFlowFile);
    refuseOutputsThatAreInputs(asAccess, sources);
    Snapshot snapshot = req.mergeInto() == null ? null : readSnapshot(req.mergeInto(), w -> progress.accept("warning: " + w));
    if (sources.isEmpty()) {
      throw new Failure(Failure.Kind.INVALID_INPUT, "no flow log files found in " + String.join(", ", req.sources())
          + " (folders are searched for *.gz, *.log, *.txt and *.parquet)");
    }
    int threads = req.threads() > 0 ? req.threads() : Runtime.getRuntime().availableProcessors();
    boolean s3 = sources.stream().allMatch(x -> x.name().startsWith("s3://"));
    progress.accept("reading " + sources.size() + " flow log file(s) on " + Math.min(threads, sources.size())
        + " thread(s)");
    FlowLogReport report = FlowLogAnalyzer.analyze(sources, s3 ? "s3" : "files", format, threads, progress);
    return finishFlows(req, snapshot, report, progress);
  }

  /**
   * {@code --athena} for flow logs: the field order comes from {@code --flow-log-fields} or else from the header
   * line of the first flow-log text object under the prefix (AWS writes one at the top of every file); the
   * reduction to pairs runs on Athena.
   */
  private static AnalyzeOutcome athenaFlows(FlowRequest req, FlowLogFormat given, Consumer<String> progress) {
    if (req.logGroup() != null) {
      throw new Failure(Failure.Kind.USAGE, "--athena reads flow logs in S3 and --log-group reads CloudWatch Logs;"
          + " give one of them");
    }
    if (req.since() != null || req.until() != null) {
      throw new Failure(Failure.Kind.USAGE, "--since and --until select the events of a --log-group;"
          + " files, s3:// prefixes and Athena read every record under what is given");
    }
    if (req.sources().size() != 1 || !req.sources().get(0).startsWith("s3://")) {
      throw new Failure(Failure.Kind.USAGE, "--athena needs exactly one SOURCE, the s3://bucket/prefix/ of the flow logs");
    }
    String location = req.sources().get(0).endsWith("/") ? req.sources().get(0) : req.sources().get(0) + "/";
    Aws aws = req.aws() == null ? new Aws(null, null, null) : req.aws();
    Snapshot snapshot = req.mergeInto() == null ? null : readSnapshot(req.mergeInto(), w -> progress.accept("warning: " + w));
    FlowLogFormat format = given != null ? given : headerFormat(location, aws, progress);
    Athena a = req.athena();
    progress.accept("reducing the flow logs under " + location + " to address pairs on Athena (one query, one scan)");
    FlowLogReport report;
    try {
      AthenaRunner runner = new AthenaRunner(AthenaRunner.client(aws.profile(), aws.region(), aws.endpointUrl()),
          a.database(), a.workGroup(), a.output(), java.time.Duration.ofSeconds(2), 1800, d -> Thread.sleep(d.toMillis()));
      report = FlowLogAthena.analyze(runner, format, location);
    } catch (AthenaRunner.QueryFailed e) {
      throw new Failure(Failure.Kind.REMOTE, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new Failure(Failure.Kind.REMOTE, "Athena: " + oneLine(e)
          + " (check --aws-profile, --region, --athena-output and the athena:StartQueryExecution permission)", e);
    }
    return finishFlows(req, snapshot, report, progress);
  }

  /** The field order in the header line of the first flow-log text object under the prefix (default: version 2). */
  private static FlowLogFormat headerFormat(String location, Aws aws, Consumer<String> progress) {
    List<LogSource> first;
    try {
      first = S3LogSources.list(location, aws.profile(), aws.region(), aws.endpointUrl(), FlowLogAnalyzer::isTextFile, 1);
    } catch (IllegalArgumentException e) {
      throw new Failure(Failure.Kind.USAGE, location + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new Failure(Failure.Kind.REMOTE, location + ": cannot list the flow log objects: " + oneLine(e)
          + " (check --aws-profile, --region and the s3:ListBucket permission)", e);
    }
    if (first.isEmpty()) {
      throw new Failure(Failure.Kind.INVALID_INPUT, "no flow log text objects (*.gz, *.log, *.txt) under " + location
          + "; Athena reads the text files AWS delivers, Parquet is read without --athena");
    }
    String name = first.get(0).name();
    FlowLogFormat f;
    try {
      f = FlowLogAthena.headerOf(first.get(0));
    } catch (IllegalArgumentException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, name + ": header line: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw new Failure(Failure.Kind.REMOTE, name + ": cannot read its header line: " + oneLine(e)
          + " (check the s3:GetObject permission, or give --flow-log-fields)", e);
    }
    if (f == null) {
      progress.accept(name + " has no header line; reading the default format (give --flow-log-fields otherwise)");
      return FlowLogFormat.defaults();
    }
    progress.accept("field order from the header of " + name + ": " + f);
    return f;
  }

  private static AnalyzeOutcome finishFlows(FlowRequest req, Snapshot snapshot, FlowLogReport report,
      Consumer<String> progress) {
    if (report.flowLogs() == null) {
      LogReport.BadLine first = report.malformedSamples().isEmpty() ? null : report.malformedSamples().get(0);
      throw new Failure(Failure.Kind.INVALID_INPUT, "no VPC Flow Log record could be read"
          + (first == null ? "" : "; first malformed line " + first.file() + ":" + first.line() + ": " + first.reason())
          + (report.fileProblems().isEmpty() ? "" : "; " + report.fileProblems().get(0).file() + ": "
              + report.fileProblems().get(0).problem())
          + " (records without a header line need --flow-log-fields when they are not in the default format)");
    }
    if (req.jsonOut() != null) {
      write(req.jsonOut(), LogReportJson.toJson(report));
    }
    List<String> merged = List.of();
    if (snapshot != null) {
      FlowLogs before = snapshot.flowLogs();
      FlowLogs after = report.flowLogs();
      Path target = req.mergeOut() != null ? req.mergeOut() : req.mergeInto();
      try {
        SnapshotJson.write(snapshot.withFlowLogs(after), target);
      } catch (IOException e) {
        throw new Failure(Failure.Kind.OUTPUT, target + ": cannot write the merged snapshot: " + e.getMessage(), e);
      }
      merged = List.of(String.format(java.util.Locale.ROOT, "flow logs: %,d address pairs from %s, %s .. %s%s",
          after.pairs().size(), after.source(), after.start(), after.end(), before == null ? ""
              : " (replacing the flow logs it had, " + before.source() + " " + before.start() + " .. " + before.end() + ")"));
      progress.accept("merged VPC Flow Logs into " + target);
      if (snapshot.networkInterfaces().isEmpty()) {
        progress.accept("warning: the snapshot has no network interfaces, so the addresses cannot be told apart;"
            + " collect it again (ec2:DescribeNetworkInterfaces)");
      }
    }
    return new AnalyzeOutcome(FlowLogText.render(report, req.top()), report.files(), report.fileProblems().size(),
        merged, List.of());
  }

  /** The logging check over a snapshot, as text. */
  public static String check(Path snapshotFile, String bucket, String prefix) {
    return check(readSnapshot(snapshotFile), bucket, prefix);
  }

  /**
   * One line for the end of a collection: how much logging and monitoring is off, and the
   * command that prints how to turn it on; null when everything is on.
   */
  public static String checkSummary(Snapshot snap, Path snapshotFile) {
    var findings = LoggingCheck.check(snap, "LOG-BUCKET", "access-logs");
    if (findings.isEmpty()) {
      return null;
    }
    var counts = new java.util.TreeMap<String, Integer>();
    findings.forEach(f -> counts.merge(f.kind(), f.resources().size(), Integer::sum));
    StringBuilder b = new StringBuilder("migrate: warning: logging is off for ");
    b.append(String.join(", ", counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).toList()));
    b.append(" (ec2-monitoring = no detailed monitoring, ec2-agent = no CloudWatch agent memory metrics);"
        + " 'migrate logs check --snapshot ").append(snapshotFile).append("' prints the AWS CLI commands that turn them on");
    return b.toString();
  }

  /** The same check over a snapshot in memory (e.g. one just collected with {@code --aws-profile}). */
  public static String check(Snapshot snap, String bucket, String prefix) {
    return LoggingCheck.render(LoggingCheck.check(snap, bucket, prefix), bucket);
  }

  /** Lists local files and folders with {@code lister}. */
  private interface LocalLister {
    List<LogSource> list(List<Path> paths) throws IOException;
  }

  /**
   * The sources an analysis reads: {@code s3://} prefixes listed through S3 (object names {@code s3Names}
   * accepts), local files and folders through {@code lister}; {@code what} names them in errors ("log",
   * "flow log").
   */
  private static List<LogSource> sources(AnalyzeRequest req, String what, LocalLister lister,
      java.util.function.Predicate<String> s3Names) {
    List<Path> local = new ArrayList<>();
    List<LogSource> all = new ArrayList<>();
    for (String s : req.sources()) {
      if (s.startsWith("s3://")) {
        try {
          Aws a = req.aws() == null ? new Aws(null, null, null) : req.aws();
          all.addAll(S3LogSources.list(s, a.profile(), a.region(), a.endpointUrl(), s3Names, Integer.MAX_VALUE));
        } catch (IllegalArgumentException e) {
          throw new Failure(Failure.Kind.USAGE, s + ": " + e.getMessage());
        } catch (RuntimeException e) {
          throw new Failure(Failure.Kind.REMOTE, s + ": cannot list the " + what + " objects: " + oneLine(e)
              + " (check --aws-profile, --region and the s3:ListBucket permission)", e);
        }
      } else {
        local.add(Path.of(s));
      }
    }
    try {
      all.addAll(lister.list(local));
    } catch (NoSuchFileException e) {
      throw new Failure(Failure.Kind.USAGE, e.getFile() + ": no such file or folder");
    } catch (IOException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, "cannot list " + what + " files: " + oneLine(e));
    }
    return all;
  }

  private static Snapshot readSnapshot(Path file) {
    return readSnapshot(file, w -> {});
  }

  private static Snapshot readSnapshot(Path file, Consumer<String> warnings) {
    try {
      return SnapshotJson.read(file, warnings);
    } catch (SnapshotFormatException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, e.getMessage());
    }
  }

  private static void write(Path file, String content) {
    try {
      AtomicFiles.writeString(file, content);
    } catch (IOException e) {
      throw new Failure(Failure.Kind.OUTPUT, file + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
