package dev.migrate.cli;

import dev.migrate.app.Assessing;
import dev.migrate.app.Choices;
import dev.migrate.app.Failure;
import dev.migrate.app.OrganizationRequest;
import dev.migrate.app.Reporting;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options that say which estate to assess and how (rules and sizing through
 * {@link PlanningOptions}, pricing, outputs), shared by {@code assess} and {@code whatif}: add
 * {@code @Mixin EstateOptions estate;}.
 */
public final class EstateOptions {
  static final class SourceOptions {
    @Option(names = "--sample", required = true,
        description = "Assess the bundled sample estate (sample-data/tableapp), offline.")
    boolean sample;

    @Option(names = "--snapshot", required = true, paramLabel = "PATH",
        description = "Assess a snapshot file written by 'migrate collect', or a folder of them (one per account). "
            + "Repeat it to assess several accounts together as one estate.")
    List<Path> snapshots = new ArrayList<>();
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "Estate (one of these, or --aws-profile to collect first):%n")
  SourceOptions source = new SourceOptions();

  @Option(names = "--account", paramLabel = "ID",
      description = "With --snapshot: assess only this account of the estate (a 12-digit account id).")
  String account;

  @Option(names = "--organization",
      description = "With --aws-profile: collect every active account of the profile's AWS Organization (as 'collect "
          + "--organization' does) into the folder 'estate' under --out, then assess them together; --resume continues "
          + "that folder.")
  boolean organization;

  @Option(names = "--role-name", paramLabel = "NAME",
      description = "With --organization: the role assumed in each member account (default: "
          + OrganizationRequest.DEFAULT_ROLE + ").")
  String roleName;

  @Option(names = "--external-id", paramLabel = "ID",
      description = "With --organization: the external id the member roles require.")
  String externalId;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
      description = "Folder for the workbook, JSON and CSV (default: ${DEFAULT-VALUE}).")
  Path outDir;

  @Option(names = "--format", paramLabel = "LIST", defaultValue = "all", split = ",", hideParamSyntax = true,
      description = "Comma-separated outputs: xlsx, json, csv, console, or all (default: ${DEFAULT-VALUE}).")
  List<Choices.Output> formats;

  @Option(names = "--anonymize",
      description = "Replace account ids, resource ids, names and tag values with pseudonyms (a new secret salt each run).")
  boolean anonymize;

  // No ${DEFAULT-VALUE} in the help: the salt is a secret.
  @Option(names = "--anonymize-salt", paramLabel = "SECRET", defaultValue = "${env:MIGRATE_ANONYMIZE_SALT}",
      description = "With --anonymize: a secret salt of your own, so pseudonyms stay the same between runs "
          + "(or set MIGRATE_ANONYMIZE_SALT, which keeps it off the command line).")
  String anonymizeSalt;

  @Option(names = "--cost-lines", paramLabel = "all|top:N|none", defaultValue = "all",
      description = "Cost lines the assessment JSON lists: all (default), the N dearest of each side, or none; the "
          + "cost lines CSV always has every line.")
  String costLines;

  @Option(names = "--gzip",
      description = "Write the assessment JSON and the cost lines CSV gzip-compressed (.json.gz, .csv.gz).")
  boolean gzip;

  @Mixin
  PlanningOptions planning;

  @Option(names = "--target-pricing", paramLabel = "CHOICE",
      description = "How Google Cloud compute is bought: on-demand (default), spot, cud-1y or cud-3y.")
  Choices.TargetPricing targetPricing;

  @Option(names = "--spot-share", paramLabel = "SHARE",
      description = "With --target-pricing spot: share of node hours on Spot VMs, 0..1.")
  BigDecimal spotShare;

  @Option(names = "--gke-mode", paramLabel = "MODE",
      description = "Price GKE as-planned (default), standard (node pools) or autopilot (pod requests).")
  Choices.GkeMode gkeMode;

  @Option(names = "--cost-option", paramLabel = "NAME=VALUE",
      description = "Any other cost-model option, e.g. aws-free-tier=false, reconciliation-threshold-pct=5 "
          + "(repeatable; docs/costs.md lists them).")
  List<String> costOptions = new ArrayList<>();

  @Option(names = "--on-premises", paramLabel = "CIDR", split = ",",
      description = "Address ranges reached over VPN or Direct Connect (repeat or comma-separate): the App groups and"
          + " Dependencies sheets show flows with them as on-premises, and the what-if counts a moved unit's traffic"
          + " with them as crossing the link while the site is reached through AWS.")
  List<String> onPremises = new ArrayList<>();

  @Option(names = "--price-book", paramLabel = "DIR",
      description = "Use this price book folder instead of the bundled one (see 'migrate prices').")
  Path priceBook;

  @Mixin
  AwsOptions aws;

  @Option(names = "--bill-export", paramLabel = "PATH|s3://bucket/prefix",
      description = "Use the bill in these AWS Data Exports files (Cost and Usage Report 2.0, Parquet or gzip CSV; a "
          + "folder, a file or an S3 prefix) instead of the snapshot's bill for this run. With --aws-profile it is read "
          + "as 'collect --bill-export' reads it; otherwise an S3 prefix is read with the default AWS credentials "
          + "(s3:ListBucket, s3:GetObject; --endpoint-url applies).")
  String billExport;

  /** Checks the combination of options and builds the pipeline request. */
  Assessing.Request toRequest(CommandSpec spec) {
    boolean fromFile = source.sample || !source.snapshots.isEmpty();
    if (organization && (fromFile || !aws.hasProfile())) {
      throw new Failure(Failure.Kind.USAGE, "--organization collects an AWS Organization first: give --aws-profile NAME "
          + "of its management account (or of a delegated administrator)");
    }
    if (fromFile && aws.hasProfile()) {
      throw new Failure(Failure.Kind.USAGE, "--aws-profile collects a fresh snapshot; leave out --sample/--snapshot, or drop --aws-profile");
    }
    if (!fromFile && !aws.hasProfile()) {
      throw new Failure(Failure.Kind.USAGE, "say which estate to assess: --sample, --snapshot PATH or --aws-profile NAME");
    }
    if (fromFile) {
      for (String awsOnly : List.of("--regions", "--days", "--endpoint-url", "--max-rps", "--parallel", "--redact-tags", "--strict")) {
        // An S3 bill export is read without a collection: the endpoint override applies to it.
        boolean forBill = awsOnly.equals("--endpoint-url") && billExport != null && billExport.startsWith("s3://");
        if (!forBill && spec.commandLine().getParseResult().hasMatchedOption(awsOnly)) {
          throw new Failure(Failure.Kind.USAGE, awsOnly + " applies to collection and needs --aws-profile"
              + (awsOnly.equals("--endpoint-url") ? " (or an s3:// --bill-export)" : ""));
        }
      }
    }
    if (billExport != null && billExport.isBlank()) {
      throw new Failure(Failure.Kind.USAGE, "--bill-export: give a folder, a file or an s3://bucket/prefix of AWS Data "
          + "Exports files");
    }
    if (!organization && (roleName != null || externalId != null)) {
      throw new Failure(Failure.Kind.USAGE, (roleName != null ? "--role-name" : "--external-id") + " needs --organization");
    }
    if (organization && billExport != null) {
      throw new Failure(Failure.Kind.USAGE, "--bill-export does not go with --organization: the bills come from Cost "
          + "Explorer (the management account's, by linked account, when readable)");
    }
    if (account != null && source.snapshots.isEmpty() && !organization) {
      throw new Failure(Failure.Kind.USAGE, "--account chooses one account of the estate; give --snapshot DIR (or "
          + "several --snapshot files), or --aws-profile NAME --organization, with it");
    }
    if (account != null && !account.matches("\\d{12}")) {
      throw new Failure(Failure.Kind.USAGE, "--account '" + account + "': give a 12-digit AWS account id");
    }
    // An organization is collected into a folder under the reports; --account then collects that account only.
    OrganizationRequest org = !organization ? null : new OrganizationRequest(aws.toRequest(outDir.resolve("estate")),
        roleName == null ? OrganizationRequest.DEFAULT_ROLE : roleName, externalId,
        account == null ? List.of() : List.of(account), List.of(), OrganizationRequest.DEFAULT_PARALLEL_ACCOUNTS);
    var sourceValue = new Assessing.Source(source.sample, source.snapshots,
        fromFile || organization ? null : aws.toRequest(null), billExport, fromFile ? aws.endpointUrl : null, account,
        org);
    var plan = planning.toRequest();
    if (spec.commandLine().getParseResult().hasMatchedOption("--anonymize-salt") && !anonymize) {
      throw new Failure(Failure.Kind.USAGE, "--anonymize-salt needs --anonymize");
    }
    if (anonymize && anonymizeSalt != null && anonymizeSalt.length() < 8) {
      throw new Failure(Failure.Kind.USAGE, "--anonymize-salt (or MIGRATE_ANONYMIZE_SALT): give a secret of at least "
          + "8 characters; a short salt can be guessed, and with it every pseudonym");
    }
    return new Assessing.Request(sourceValue, plan, priceBook,
        new Assessing.CostChoices(targetPricing, spotShare, gkeMode, costOptions, onPremises), outDir,
        Choices.Output.formats(formats), anonymize, anonymize ? anonymizeSalt : null,
        new Reporting.Sizing(Reporting.Sizing.costLines(costLines), gzip));
  }

  /** True when the bundled sample is assessed. */
  boolean sample() {
    return source.sample;
  }
}
