package dev.migrate.collect;

import dev.migrate.testing.Cli;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate collect --endpoint-url ... --aws-profile test} against the stub account. */
class CollectCommandTest {
  @TempDir
  static Path aws;
  @TempDir
  Path dir;
  Fixtures fx;
  String out;
  String err;

  @BeforeAll
  static void profile() {
    dev.migrate.testing.TestProfile.install(aws);
  }

  @AfterAll
  static void clear() {
    dev.migrate.testing.TestProfile.clear();
  }

  @BeforeEach
  void start() {
    fx = new Fixtures();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private int run(String... args) {
    Cli.Run r = Cli.run(args);
    out = r.out();
    err = r.err();
    return r.code();
  }

  @Test
  void writesASnapshotThatTheStrictReaderAccepts() throws Exception {
    Path file = dir.resolve("snap.json");
    int code = run("collect", "--endpoint-url", fx.endpoint().toString(), "--aws-profile", "test",
        "--out", file.toString(), "--days", "7");
    assertEquals(0, code, err);
    assertEquals(file + System.lineSeparator(), out);
    Snapshot s = SnapshotJson.read(file);
    assertEquals("123456789012", s.account().id());
    assertEquals(5, s.instances().size());
    assertEquals(7, s.window().days());
    assertTrue(s.gaps().isEmpty(), s.gaps().toString());
    assertTrue(err.contains("collected 5 instances, 4 load balancers, 2 distributions, 2 buckets, 6 DB instances, 3 caches in 2 regions"), err);
    assertEquals("example-prod", s.account().alias());
    assertEquals(new java.math.BigDecimal("50.0000"), s.coverage().reservedInstances().coveragePct());
    // The month is the last whole one before today (Main runs on the system clock).
    assertTrue(err.matches("(?s).*migrate: commitments in \\d{4}-\\d{2}: reserved instances cover 50\\.0% of EC2 running hours,"
        + " savings plans 76\\.1% of eligible spend \\(90\\.0% of the commitment used\\)\\R.*"), err);
    assertTrue(err.contains("migrate: warning: logging is off for ") && err.contains("'migrate logs check --snapshot " + file + "'"),
        "collection ends with what logging is off: " + err);
    String json = Files.readString(file);
    assertFalse(json.contains("s3cr3t") || err.contains("s3cr3t") || json.contains("AKIDTEST"), "no credentials anywhere");
    try (var listing = Files.list(dir)) {
      assertEquals(1, listing.count(), "no temporary file left behind");
    }
  }

  @Test
  void strictTurnsGapsIntoExitCodeOneButStillWritesTheSnapshot() {
    fx.server.stubFor(get(urlPathEqualTo("/2020-05-31/distribution")).atPriority(1)
        .willReturn(aResponse().withStatus(403).withBodyFile("faults/cloudfront-access-denied.xml")));
    Path file = dir.resolve("snap.json");
    int code = run("collect", "--endpoint-url", fx.endpoint().toString(), "--aws-profile", "test",
        "--regions", "us-east-1", "--out", file.toString(), "--strict");
    assertEquals(1, code, err);
    assertTrue(err.contains("migrate: warning: cloudfront global: AccessDenied: CloudFront distributions not collected"), err);
    assertTrue(err.contains("--strict"), err);
    Snapshot s = SnapshotJson.read(file);
    assertEquals(1, s.gaps().size());
    assertEquals(4, s.instances().size());
  }

  @Test
  void withoutStrictGapsAreWarningsOnly() {
    fx.server.stubFor(get(urlPathEqualTo("/2020-05-31/distribution")).atPriority(1)
        .willReturn(aResponse().withStatus(403).withBodyFile("faults/cloudfront-access-denied.xml")));
    int code = run("collect", "--endpoint-url", fx.endpoint().toString(), "--aws-profile", "test",
        "--out", dir.resolve("s.json").toString());
    assertEquals(0, code, err);
    assertTrue(err.contains("warning: cloudfront global: AccessDenied"), err);
  }

  private static final java.time.Clock CLOCK = java.time.Clock.fixed(Fixtures.NOW, java.time.ZoneOffset.UTC);

  private int runAt(String... args) {
    Cli.Run r = Cli.run(CLOCK, args);
    out = r.out();
    err = r.err();
    return r.code();
  }

  private String[] collectArgs(Path file, String... more) {
    java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("collect", "--endpoint-url",
        fx.endpoint().toString(), "--aws-profile", "test", "--out", file.toString(), "--retry-base-ms", "1"));
    a.addAll(java.util.List.of(more));
    return a.toArray(String[]::new);
  }

  @Test
  void anUnreachableEndpointIsExitCodeFourAndNoSnapshot() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path file = dir.resolve("snap.json");
    int code = run("collect", "--endpoint-url", "http://127.0.0.1:" + port, "--aws-profile", "test",
        "--out", file.toString(), "--retry-base-ms", "1");
    assertEquals(4, code, err);
    assertTrue(err.contains("migrate: --aws-profile test: cannot read the account id (sts:GetCallerIdentity in us-east-1):"
        + " Unreachable"), err);
    assertTrue(err.contains("nothing was collected"), err);
    assertFalse(Files.exists(file), "no snapshot of an 'unknown' account");
  }

  @Test
  void rejectedCredentialsAreExitCodeFourAfterOneCall() {
    fx.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/")).atPriority(1)
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Action=GetCallerIdentity"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
            .withBody("<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token"
                + " included in the request is invalid.</Message></Error><RequestId>x</RequestId></ErrorResponse>")));
    Path file = dir.resolve("snap.json");
    assertEquals(4, run(collectArgs(file)), err);
    assertTrue(err.contains("InvalidClientTokenId: The security token included in the request is invalid."), err);
    assertEquals(1, fx.server.getAllServeEvents().size(), "a refusal is not retried and nothing else is asked");
    assertFalse(Files.exists(file));
  }

  /** ELBv2's load balancer list answers 503 every time in us-east-1. */
  private com.github.tomakehurst.wiremock.stubbing.StubMapping elbv2Down() {
    return fx.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/")).atPriority(1)
        .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching(
            ".*/us-east-1/elasticloadbalancing/aws4_request.*"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Action=DescribeLoadBalancers&"))
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Version=2015-12-01"))
        .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/xml")
            .withBody("<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceUnavailable</Code><Message>Service"
                + " unavailable, try again.</Message></Error><RequestId>x</RequestId></ErrorResponse>")));
  }

  @Test
  void inventoryMissingAfterRetriesIsExitCodeFourThenResumeCollectsOnlyWhatIsMissing() throws Exception {
    Path reference = dir.resolve("reference.json");
    assertEquals(0, runAt(collectArgs(reference)), err);
    assertFalse(Files.exists(dir.resolve("reference.json.progress")), "a complete collection leaves no progress file");
    Snapshot expected = SnapshotJson.read(reference);

    var down = elbv2Down();
    Path file = dir.resolve("snap.json");
    assertEquals(4, runAt(collectArgs(file)), err);
    assertTrue(err.contains("migrate: incomplete collection: could not read after retries: elbv2 us-east-1 application and"
        + " network load balancers (ServiceUnavailable); no snapshot written"), err);
    assertTrue(err.contains("--resume") && err.contains("--allow-partial"), err);
    assertTrue(err.contains("(1 after retries)"), err);
    assertFalse(Files.exists(file));
    assertTrue(Files.exists(dir.resolve("snap.json.progress")));

    fx.server.removeStub(down);
    fx.server.resetRequests();
    assertEquals(0, runAt(collectArgs(file, "--resume")), err);
    assertTrue(err.contains("; resumed"), err);
    Snapshot resumed = SnapshotJson.read(file);
    assertEquals(SnapshotJson.toJson(expected.withCollection(null)), SnapshotJson.toJson(resumed.withCollection(null)));
    assertTrue(resumed.collection().resumed() && resumed.collection().inventoryComplete());
    java.util.Set<String> asked = new java.util.TreeSet<>(Journal.actions(fx.server));
    assertFalse(asked.contains("ec2:DescribeInstances"), "finished parts are not collected again: " + asked);
    assertFalse(asked.contains("cloudfront:ListDistributions"), asked::toString);
    assertTrue(asked.contains("elasticloadbalancing:DescribeLoadBalancers"), asked::toString);
    assertFalse(Files.exists(dir.resolve("snap.json.progress")), "deleted once complete");
  }

  @Test
  void allowPartialWritesTheIncompleteSnapshotAndSaysSo() {
    elbv2Down();
    Path file = dir.resolve("snap.json");
    assertEquals(0, runAt(collectArgs(file, "--allow-partial")), err);
    Snapshot s = SnapshotJson.read(file);
    assertFalse(s.collection().inventoryComplete());
    assertEquals(1, s.collection().gapsAfterRetries());
    assertEquals(java.util.List.of("ServiceUnavailable"), s.gaps().stream().map(g -> g.errorCode()).toList());
    assertEquals(Long.valueOf(CollectOptions.DEFAULT_ATTEMPTS - 1), s.collection().retries().get("server"),
        "every attempt but the first is a retry");
  }

  @Test
  void resumeWithoutAProgressFileIsAUsageError() {
    Path file = dir.resolve("snap.json");
    assertEquals(2, runAt(collectArgs(file, "--resume")), err);
    assertTrue(err.contains(dir.resolve("snap.json.progress") + ": no progress file to resume from"), err);
  }

  @Test
  void anUnknownProfileIsAUsageErrorBeforeAnyCall() {
    int code = run("collect", "--endpoint-url", fx.endpoint().toString(), "--aws-profile", "nosuch",
        "--out", dir.resolve("s.json").toString());
    assertEquals(2, code, err);
    assertTrue(err.startsWith("migrate: --aws-profile nosuch: no AWS credentials"), err);
    assertEquals(1, err.lines().count(), "one line, no stack trace: " + err);
    assertTrue(fx.server.getAllServeEvents().isEmpty());
  }

  @Test
  void badOptionsAreOneLineUsageErrors() {
    assertEquals(2, run("collect", "--endpoint-url", "not a url", "--aws-profile", "test"));
    assertTrue(err.contains("--endpoint-url not a url: not an http(s) URL"), err);
    assertEquals(2, run("collect", "--aws-profile", "test", "--regions", "EU_WEST"));
    assertTrue(err.contains("--regions: 'EU_WEST' is not a region name"), err);
    assertEquals(2, run("collect", "--aws-profile", "test", "--days", "0",
        "--endpoint-url", fx.endpoint().toString()));
    assertTrue(err.contains("days must be between 1 and 455"), err);
  }
}
