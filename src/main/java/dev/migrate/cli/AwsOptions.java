package dev.migrate.cli;

import dev.migrate.app.CollectRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The AWS scan options, shared by {@code collect}, {@code assess --aws-profile} and
 * {@code logs check}: add {@code @Mixin AwsOptions aws;} to a command.
 */
public final class AwsOptions {
  @Option(names = "--aws-profile", paramLabel = "NAME",
      description = "AWS profile (static keys, SSO, role_arn/source_profile, credential_process); "
          + "without it the default chain (AWS_PROFILE, environment variables, ...).")
  String profile;

  @Option(names = "--regions", paramLabel = "r1,r2|all", split = ",",
      description = "Regions to scan (default: all, every region enabled for the account).")
  List<String> regions = new ArrayList<>();

  @Option(names = "--days", paramLabel = "N", defaultValue = "14",
      description = "Look-back window for CloudWatch usage, in days (default: ${DEFAULT-VALUE}; at most 455).")
  int days;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "Send every AWS call to this endpoint (emulators, VPC endpoints). Without it the SDK's own "
          + "settings apply: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, and the profile's services section "
          + "and endpoint_url (order in docs/collect.md).")
  String endpointUrl;

  @Option(names = "--max-rps", paramLabel = "N", defaultValue = "0",
      description = "Cap on AWS requests per second over all regions and services, retries included "
          + "(default: no cap; a throttled service and region slows down on its own).")
  double maxRps;

  @Option(names = "--parallel", paramLabel = "N", defaultValue = "8",
      description = "Regions and services scanned at the same time (default: ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(names = "--redact-tags", description = "Replace every tag value by REDACTED in the snapshot.")
  boolean redactTags;

  @Option(names = "--strict", description = "Exit with code 1 when anything could not be collected (gaps).")
  boolean strict;

  @Option(names = "--allow-partial", description = "Write the snapshot even when instances, load balancers, "
      + "distributions or buckets could not be read after retries (without it that is exit code 4 and no snapshot).")
  boolean allowPartial;

  @Option(names = "--resume", description = "Continue an interrupted or incomplete collection: only the regions and "
      + "services its progress file lacks are collected (same options as the first run).")
  boolean resume;

  /** Base back-off between retries, in ms; hidden: tests use a millisecond so that fault tests take no time. */
  @Option(names = "--retry-base-ms", hidden = true, defaultValue = "100")
  long retryBaseMs;

  /** True when the user named a profile (assess uses it to decide whether to collect first). */
  public boolean hasProfile() {
    return profile != null;
  }

  /** The request for {@code dev.migrate.app.Collection}; {@code out} may be null. */
  public CollectRequest toRequest(Path out) {
    List<String> r = regions.size() == 1 && regions.get(0).equals("all") ? List.of() : List.copyOf(regions);
    return new CollectRequest(profile, r, days, endpointUrl, maxRps, parallelism, redactTags, strict, out, allowPartial, resume,
        java.time.Duration.ofMillis(retryBaseMs));
  }
}
