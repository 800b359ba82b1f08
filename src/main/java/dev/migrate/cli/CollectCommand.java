package dev.migrate.cli;

import dev.migrate.app.Collection;
import dev.migrate.app.LogAnalysis;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code migrate collect}: scan an AWS account read-only into a snapshot file. */
@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Scan an AWS account read-only (inventory, CloudWatch usage, Cost Explorer bill) into a snapshot file.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:snapshot written", "1:gaps with --strict (the snapshot is still written)",
        "2:wrong options or no credentials",
        "4:the account could not be read, or an inventory list could not be read after retries (no snapshot unless --allow-partial; --resume continues)",
        "5:the snapshot could not be written"})
public final class CollectCommand implements Callable<Integer> {
  @Mixin
  AwsOptions aws;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Snapshot file (default: reports/snapshot-<account>-<date>.json).")
  Path out;

  @Option(names = "--bill-export", paramLabel = "PATH|s3://bucket/prefix",
      description = "Read the bill from AWS Data Exports (Cost and Usage Report 2.0, Parquet or gzip CSV) in this folder "
          + "or under this S3 prefix instead of Cost Explorer (the S3 prefix needs s3:ListBucket and s3:GetObject).")
  String billExport;

  @ParentCommand
  MigrateCommand parent;

  @Override
  public Integer call() {
    PrintStream err = parent.err();
    Collection.Collected collected = new Collection(parent.clock()).collectToFile(aws.toRequest(out), billExport, err);
    parent.out().println(collected.file());
    // Access logs and detailed monitoring are the first thing a migration needs: say what is off.
    String logging = LogAnalysis.checkSummary(collected.snapshot(), collected.file());
    if (logging != null) {
      err.println(logging);
    }
    return ExitCode.OK;
  }
}
