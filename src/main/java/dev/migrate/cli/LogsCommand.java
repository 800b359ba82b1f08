package dev.migrate.cli;

import dev.migrate.app.Choices;
import dev.migrate.app.Collection;
import dev.migrate.app.Failure;
import dev.migrate.app.LogAnalysis;
import dev.migrate.io.Terminal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code migrate logs}: analyse access logs, and check what logging and monitoring is off. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Access logs: where the requests, bytes, cache misses and peaks come from.",
    subcommands = {LogsCommand.Analyze.class, LogsCommand.Check.class})
public final class LogsCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @ParentCommand
  MigrateCommand parent;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** AWS options for s3:// sources (the lead unifies them with collect's AwsOptions). */
  static final class AwsLogOptions {
    @Option(names = "--aws-profile", paramLabel = "NAME", description = "Named profile from ~/.aws/config for s3:// sources.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "Region of the S3 client (default: from the profile or environment).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Use this S3 endpoint instead of AWS (S3-compatible stores, tests).")
    String endpointUrl;
  }

  @Command(
      name = "analyze",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
          "Reads ALB, classic ELB and CloudFront standard access logs (gzip or plain; files, folders, s3://bucket/prefix)",
          "and prints per load balancer / distribution: requests, bytes, status classes, cache results, traffic per",
          "CloudFront and Cloud CDN price geography, peaks per second and hour, top paths and latency percentiles.",
          "With --log-format vpc-flow: reads VPC Flow Logs (default or custom format, gzip or plain; files, folders,",
          "s3://bucket/prefix, Parquet, a CloudWatch Logs --log-group, or --athena over an s3:// prefix) into traffic per",
          "address pair and port, and --merge-into makes them the snapshot's flow logs."})
  static final class Analyze implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SOURCE", description = "Log file, folder or s3://bucket/prefix.")
    List<String> sources;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full summary as JSON.")
    Path json;

    @Option(names = "--merge-into", paramLabel = "SNAPSHOT",
        description = "Add the facts to this snapshot's usage records (traffic by geography, cache hit ratio, requests, peak).")
    Path mergeInto;

    @Option(names = "--out", paramLabel = "NEW", description = "Write the merged snapshot here instead of replacing SNAPSHOT.")
    Path out;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Paths per top list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
        description = "Files analysed at once (default: one per core).")
    int threads;

    @Mixin
    AwsLogOptions aws;

    @Option(names = "--athena", description = {"Run the aggregation as Amazon Athena SQL over the logs where they lie",
        "(one s3:// SOURCE; with --log-format vpc-flow, text flow logs of one field order)."})
    boolean athena;

    @Option(names = "--log-format", paramLabel = "FORMAT",
        description = "vpc-flow: the sources are VPC Flow Logs. With --athena: alb, clb, cloudfront or vpc-flow.")
    Choices.LogFormat logFormat;

    @Option(names = "--flow-log-fields", paramLabel = "FORMAT",
        description = {"With --log-format vpc-flow: the field order of records that have no header line, as given to",
            "create-flow-logs ('${version} ${vpc-id} ...') or as names ('version vpc-id ...'). Default: the default format."})
    String flowLogFields;

    @Option(names = "--log-group", paramLabel = "NAME",
        description = "With --log-format vpc-flow: read the flow logs from this CloudWatch Logs log group instead of SOURCE.")
    String logGroup;

    @Option(names = "--since", paramLabel = "TIME",
        description = {"With --log-group: read events from this time on (ISO-8601 UTC, e.g. 2026-11-01T00:00:00Z,",
            "or a date, meaning 00:00 UTC). Default: the oldest event."})
    String since;

    @Option(names = "--until", paramLabel = "TIME",
        description = "With --log-group: read events before this time (exclusive; same forms). Default: the newest.")
    String until;

    @Option(names = "--athena-database", paramLabel = "DB", description = "With --athena: Glue database for the table (default: default).")
    String athenaDatabase;

    @Option(names = "--athena-workgroup", paramLabel = "NAME", description = "With --athena: workgroup (default: primary).")
    String athenaWorkGroup;

    @Option(names = "--athena-output", paramLabel = "S3URI",
        description = "With --athena: s3:// location for query results (unless the workgroup sets one).")
    String athenaOutput;

    @Override
    public Integer call() {
      if (logFormat == Choices.LogFormat.VPC_FLOW) {
        return flows();
      }
      if (flowLogFields != null || logGroup != null || since != null || until != null) {
        throw new Failure(Failure.Kind.USAGE, (logGroup != null ? "--log-group" : flowLogFields != null
            ? "--flow-log-fields" : since != null ? "--since" : "--until") + " needs --log-format vpc-flow");
      }
      if (sources == null || sources.isEmpty()) {
        throw new Failure(Failure.Kind.USAGE, "give at least one SOURCE: a log file, folder or s3://bucket/prefix");
      }
      if (!athena && (logFormat != null || athenaDatabase != null || athenaWorkGroup != null || athenaOutput != null)) {
        throw new Failure(Failure.Kind.USAGE, "--log-format alb|clb|cloudfront and --athena-* options need --athena"
            + " (--log-format vpc-flow reads VPC Flow Logs)");
      }
      if (top < 1) {
        throw new Failure(Failure.Kind.USAGE, "--top must be at least 1");
      }
      if (threads < 0) {
        throw new Failure(Failure.Kind.USAGE, "--threads must not be negative");
      }
      if (out != null && mergeInto == null) {
        throw new Failure(Failure.Kind.USAGE, "--out needs --merge-into SNAPSHOT");
      }
      PrintWriter err = spec.commandLine().getErr();
      LogAnalysis.AnalyzeOutcome o = LogAnalysis.analyze(new LogAnalysis.AnalyzeRequest(sources, threads, top, json,
          mergeInto, out, new LogAnalysis.Aws(aws.profile, aws.region, aws.endpointUrl),
          athena ? new LogAnalysis.Athena(logFormat, athenaDatabase, athenaWorkGroup, athenaOutput) : null), m -> {
            err.println("migrate logs: " + Terminal.safe(m));
            err.flush();
          });
      PrintWriter w = spec.commandLine().getOut();
      w.print(o.text());
      if (!o.merged().isEmpty()) {
        w.println();
        w.println("Merged into the snapshot:");
        o.merged().forEach(m -> w.println("  " + Terminal.safe(m)));
      }
      w.flush();
      if (o.files() > 0 && o.failedFiles() == o.files()) {
        err.println("migrate: none of the " + o.files() + " log files could be read to its end");
        return ExitCode.INVALID_INPUT;
      }
      return ExitCode.OK;
    }

    private Integer flows() {
      if (!athena && (athenaDatabase != null || athenaWorkGroup != null || athenaOutput != null)) {
        throw new Failure(Failure.Kind.USAGE, "--athena-* options need --athena");
      }
      if (top < 1) {
        throw new Failure(Failure.Kind.USAGE, "--top must be at least 1");
      }
      if (threads < 0) {
        throw new Failure(Failure.Kind.USAGE, "--threads must not be negative");
      }
      if (out != null && mergeInto == null) {
        throw new Failure(Failure.Kind.USAGE, "--out needs --merge-into SNAPSHOT");
      }
      PrintWriter err = spec.commandLine().getErr();
      LogAnalysis.AnalyzeOutcome o = LogAnalysis.analyzeFlows(new LogAnalysis.FlowRequest(
          sources == null ? List.of() : sources, logGroup, flowLogFields,
          threads, top, json, mergeInto, out, new LogAnalysis.Aws(aws.profile, aws.region, aws.endpointUrl),
          time("--since", since), time("--until", until),
          athena ? new LogAnalysis.Athena(logFormat, athenaDatabase, athenaWorkGroup, athenaOutput) : null), m -> {
            err.println("migrate logs: " + Terminal.safe(m));
            err.flush();
          });
      PrintWriter w = spec.commandLine().getOut();
      w.print(o.text());
      if (!o.merged().isEmpty()) {
        w.println();
        w.println("Merged into the snapshot:");
        o.merged().forEach(m -> w.println("  " + Terminal.safe(m)));
      }
      w.flush();
      if (o.files() > 0 && o.failedFiles() == o.files()) {
        err.println("migrate: none of the " + o.files() + " flow log files could be read to its end");
        return ExitCode.INVALID_INPUT;
      }
      return ExitCode.OK;
    }
  }

  /**
   * An ISO-8601 instant ({@code 2026-11-01T00:00:00Z}, any offset) or a date ({@code 2026-11-01}, 00:00 UTC);
   * null stays null.
   */
  static java.time.Instant time(String option, String text) {
    if (text == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (java.time.format.DateTimeParseException e2) {
        throw new Failure(Failure.Kind.USAGE, option + " " + text
            + ": expected an ISO-8601 time such as 2026-11-01T00:00:00Z or a date such as 2026-11-01");
      }
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = {
          "Lists load balancers and distributions whose access logs are off, and running instances without detailed",
          "monitoring or the CloudWatch agent, with the AWS CLI commands that turn each on. Changes nothing."})
  static final class Check implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--snapshot", paramLabel = "PATH",
        description = "Snapshot to check (or --aws-profile to collect one first).")
    Path snapshot;

    @Mixin
    AwsOptions aws;

    @ParentCommand
    LogsCommand logs;

    @Option(names = "--log-bucket", paramLabel = "BUCKET", defaultValue = "LOG-BUCKET",
        description = "S3 bucket the printed commands send logs to (default: ${DEFAULT-VALUE}).")
    String bucket;

    @Option(names = "--log-prefix", paramLabel = "PREFIX", defaultValue = "access-logs",
        description = "Key prefix for the logs (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Override
    public Integer call() {
      if ((snapshot == null) == !aws.hasProfile()) {
        throw new Failure(Failure.Kind.USAGE, "give exactly one of --snapshot PATH or --aws-profile NAME");
      }
      PrintWriter w = spec.commandLine().getOut();
      if (snapshot != null) {
        w.print(Terminal.safeLines(LogAnalysis.check(snapshot, bucket, prefix)));
      } else {
        // A live check reads the same inventory as 'collect' (read-only) and keeps the snapshot.
        MigrateCommand root = logs.parent;
        var collection = new Collection(root.clock());
        Collection.Collected collected = collection.collectToFile(aws.toRequest(null), root.err());
        root.err().println("migrate: snapshot written to " + collected.file());
        w.print(Terminal.safeLines(LogAnalysis.check(collected.snapshot(), bucket, prefix)));
      }
      w.flush();
      return ExitCode.OK;
    }
  }
}
