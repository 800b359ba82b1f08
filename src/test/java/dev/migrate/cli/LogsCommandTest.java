package dev.migrate.cli;

import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.testing.Cli;
import dev.migrate.testing.Cli.Run;
import static dev.migrate.testing.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {
  static final Path DOC = Path.of("src/test/resources/logs/aws-doc");



  static Snapshot snapshot() {
    Instant end = Instant.parse("2019-12-31T00:00:00Z");
    LoadBalancer alb = new LoadBalancer(
        "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/my-loadbalancer/50dc6c495c0c9188",
        "my-loadbalancer", "us-east-2", LoadBalancerType.APPLICATION, "internet-facing", null, null, null, null, null,
        null, null, null, null);
    LoadBalancer clb = new LoadBalancer("legacy-lb", "legacy-lb", "us-west-2", LoadBalancerType.CLASSIC,
        "internet-facing", null, null, null, null, null, null, null, null, null);
    Distribution cf = new Distribution("EMLARXS9EXAMPLE", "d111111abcdef8.cloudfront.net", null, true, "PriceClass_All",
        null, null, new Distribution.CacheBehavior("*", "o", null, null, false, null), null, null, null, null, null,
        false, null);
    Ec2Instance i1 = new Ec2Instance("i-0bbb", "us-east-2", null, "m5.large", "running", "linux", "x86_64", null,
        null, null, null, null, null, false, null);
    Ec2Instance i2 = new Ec2Instance("i-0ccc", "us-east-2", null, "m5.large", "stopped", "linux", "x86_64", null,
        null, null, null, null, null, false, null);
    Usage cfUsage = new Usage("EMLARXS9EXAMPLE", "cloudfront", "cloudwatch", null, null, null, null, null, null, null,
        1_000_000L, 50.0, null, null, null, null, null, null);
    return SnapshotBuilder.snapshot(new Account("123456789012", null), end, Window.ofDays(end, 30))
        .regions(List.of("us-east-2")).instances(List.of(i1, i2)).loadBalancers(List.of(alb, clb))
        .distributions(List.of(cf)).usage(List.of(cfUsage)).build();
  }

  @Test
  void analyzePrintsTheSummaryAndWritesJson(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("out/logs.json");
    Run r = run("logs", "analyze", DOC.toString(), "--json", json.toString(), "--threads", "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Application Load Balancer app/my-loadbalancer/50dc6c495c0c9188"), r.out());
    assertTrue(r.out().contains("Classic Load Balancer my-loadbalancer"), r.out());
    assertTrue(r.out().contains("CloudFront distribution d111111abcdef8.cloudfront.net"), r.out());
    assertTrue(r.out().contains("united_states_mexico_canada"), r.out());
    assertTrue(r.err().contains("analysing 3 log file(s)"), r.err());
    String j = Files.readString(json);
    assertTrue(j.contains("\"resourceKey\" : \"my-loadbalancer\""), j);
    assertTrue(j.contains("\"hitRatio\" : 1.0"), j);
  }

  @Test
  void mergeIntoWritesANewSnapshotWithTheFacts(@TempDir Path dir) throws Exception {
    Path snap = dir.resolve("snapshot.json");
    SnapshotJson.write(snapshot(), snap);
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs);
    Path cf = logs.resolve("EMLARXS9EXAMPLE.2019-12-04-21.RT4KCN4SGK9");
    Files.copy(DOC.resolve("cloudfront-example.log"), cf);
    Path merged = dir.resolve("merged.json");
    Run r = run("logs", "analyze", logs.toString(), "--merge-into", snap.toString(), "--out", merged.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Merged into the snapshot:"), r.out());
    Usage u = SnapshotJson.read(merged).usageOf("EMLARXS9EXAMPLE").orElseThrow();
    assertEquals("cloudwatch+access-logs", u.source());
    assertEquals(1.0, u.cacheHitRatio());
    assertEquals(java.util.Map.of("united_states_mexico_canada", 1_000_000L), u.requestsByGeography());
    assertEquals(snapshot(), SnapshotJson.read(snap), "the input snapshot is not changed with --out");
  }

  @Test
  void checkPrintsTheExactCommandsAndChangesNothing(@TempDir Path dir) throws Exception {
    Path snap = dir.resolve("snapshot.json");
    SnapshotJson.write(snapshot(), snap);
    Run r = run("logs", "check", "--snapshot", snap.toString(), "--log-bucket", "my-logs");
    assertEquals(0, r.code(), r.err());
    String o = r.out();
    assertTrue(o.contains("aws elbv2 modify-load-balancer-attributes --load-balancer-arn "
        + "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/my-loadbalancer/50dc6c495c0c9188"
        + " --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=my-logs"
        + " Key=access_logs.s3.prefix,Value=access-logs/my-loadbalancer --region us-east-2"), o);
    assertTrue(o.contains("aws elb modify-load-balancer-attributes --load-balancer-name legacy-lb"
        + " --load-balancer-attributes '{\"AccessLog\":{\"Enabled\":true,\"S3BucketName\":\"my-logs\",\"EmitInterval\":5,"
        + "\"S3BucketPrefix\":\"access-logs/legacy-lb\"}}' --region us-west-2"), o);
    assertTrue(o.contains("aws cloudfront get-distribution-config --id EMLARXS9EXAMPLE > cf-EMLARXS9EXAMPLE.json"), o);
    assertTrue(o.contains("aws cloudfront update-distribution --id EMLARXS9EXAMPLE --if-match"), o);
    assertTrue(o.contains("aws ec2 monitor-instances --instance-ids i-0bbb --region us-east-2"), o);
    assertTrue(!o.contains("i-0ccc"), "stopped instances are not listed");
    assertTrue(o.contains("--document-name AWS-ConfigureAWSPackage"), o);
    assertEquals(snapshot(), SnapshotJson.read(snap));
  }

  @Test
  void aMissingSourceIsOneLineAndAUsageError() {
    Run r = run("logs", "analyze", "no/such/folder");
    assertEquals(ExitCode.USAGE, r.code());
    assertEquals("migrate: no/such/folder: no such file or folder\n", r.err());
  }

  @Test
  void athenaNeedsOneS3SourceAndAFormat() {
    Run local = run("logs", "analyze", "--athena", "--log-format", "alb", DOC.toString());
    assertEquals(ExitCode.USAGE, local.code());
    assertEquals("migrate: --athena needs exactly one SOURCE, the s3://bucket/prefix/ of the logs\n", local.err());
    Run noFormat = run("logs", "analyze", "--athena", "s3://logs/alb/");
    assertEquals(ExitCode.USAGE, noFormat.code());
    assertEquals("migrate: --athena needs --log-format alb, clb, cloudfront or vpc-flow\n", noFormat.err());
    Run stray = run("logs", "analyze", "--log-format", "alb", DOC.toString());
    assertEquals(ExitCode.USAGE, stray.code());
  }

  @Test
  void logFormatIsOneOfItsWordsWithCompletionCandidates() {
    Run bad = run("logs", "analyze", "--athena", "--log-format", "nginx", "s3://logs/alb/");
    assertEquals(ExitCode.USAGE, bad.code());
    assertTrue(bad.err().contains("unknown choice 'nginx'; use alb, clb, cloudfront or vpc-flow"), bad.err());
    Run upper = run("logs", "analyze", "--log-format", "CloudFront", DOC.toString());
    assertEquals("migrate: --log-format alb|clb|cloudfront and --athena-* options need --athena"
        + " (--log-format vpc-flow reads VPC Flow Logs)\n", upper.err());
    var spec = new picocli.CommandLine(new LogsCommand.Analyze()).getCommandSpec().findOption("--log-format");
    List<String> candidates = new java.util.ArrayList<>();
    spec.completionCandidates().forEach(candidates::add);
    assertEquals(List.of("alb", "clb", "cloudfront", "vpc-flow"), candidates);
  }

  @Test
  void aBadSnapshotNamesItself(@TempDir Path dir) throws Exception {
    Path snap = dir.resolve("bad.json");
    Files.writeString(snap, "{\"schema\": \"other\"}");
    Run r = run("logs", "analyze", DOC.toString(), "--merge-into", snap.toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertTrue(r.err().startsWith("migrate: " + snap), r.err());
  }
}
