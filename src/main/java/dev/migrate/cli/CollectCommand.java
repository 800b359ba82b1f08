package dev.migrate.cli;

import dev.migrate.app.Collection;
import dev.migrate.app.Failure;
import dev.migrate.app.OrganizationCollection;
import dev.migrate.app.OrganizationRequest;
import dev.migrate.app.LogAnalysis;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code migrate collect}: scan an AWS account read-only into a snapshot file. */
@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Scan an AWS account read-only (inventory, CloudWatch usage, Cost Explorer bill) into a snapshot file.",
        "With --organization, scan every account of an AWS Organization (through a role in each) into a folder:"
            + " one snapshot per account and estate.json."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:snapshot written (with --organization: at least one account collected; failed accounts are in"
            + " estate.json)", "1:gaps with --strict (the snapshot is still written; with --organization also a failed account)",
        "2:wrong options or no credentials",
        "4:the account could not be read, or an inventory list could not be read after retries (no snapshot unless --allow-partial; --resume continues);"
            + " with --organization: the organization could not be listed, or no account could be collected",
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

  @Option(names = "--organization", description = "Collect every active account of the AWS Organization of the profile"
      + " (the management account or a delegated administrator) into the folder --out: <accountId>.json per account"
      + " and estate.json (the manifest); --resume collects only the accounts missing or failed there.")
  boolean organization;

  @Option(names = "--role-name", paramLabel = "NAME", description = "With --organization: the role assumed in each member"
      + " account (default: " + OrganizationRequest.DEFAULT_ROLE + "); it needs the read-only policy.")
  String roleName;

  @Option(names = "--external-id", paramLabel = "ID", description = "With --organization: the external id the member"
      + " roles require.")
  String externalId;

  @Option(names = "--accounts", paramLabel = "ID,...", split = ",", description = "With --organization: collect only"
      + " these account ids.")
  List<String> accounts = new ArrayList<>();

  @Option(names = "--exclude-accounts", paramLabel = "ID,...", split = ",", description = "With --organization: never"
      + " collect these account ids.")
  List<String> excludeAccounts = new ArrayList<>();

  @Option(names = "--parallel-accounts", paramLabel = "N", description = "With --organization: accounts collected at the"
      + " same time, each with --parallel regions and services and its own --max-rps (default: "
      + OrganizationRequest.DEFAULT_PARALLEL_ACCOUNTS + ").")
  Integer parallelAccounts;

  @ParentCommand
  MigrateCommand parent;

  @Override
  public Integer call() {
    PrintStream err = parent.err();
    if (organization) {
      if (billExport != null) {
        throw new Failure(Failure.Kind.USAGE, "--bill-export does not go with --organization: the bills come from Cost"
            + " Explorer (the management account's, by linked account, when readable)");
      }
      OrganizationCollection.Collected c = new OrganizationCollection(parent.clock()).collect(new OrganizationRequest(
          aws.toRequest(out), roleName == null ? OrganizationRequest.DEFAULT_ROLE : roleName,
          externalId, accounts, excludeAccounts,
          parallelAccounts == null ? OrganizationRequest.DEFAULT_PARALLEL_ACCOUNTS : parallelAccounts), err);
      parent.out().println(c.folder());
      return ExitCode.OK;
    }
    String orgOnly = roleName != null ? "--role-name" : externalId != null ? "--external-id"
        : !accounts.isEmpty() ? "--accounts" : !excludeAccounts.isEmpty() ? "--exclude-accounts"
        : parallelAccounts != null ? "--parallel-accounts" : null;
    if (orgOnly != null) {
      throw new Failure(Failure.Kind.USAGE, orgOnly + " needs --organization");
    }
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
