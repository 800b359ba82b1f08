package dev.migrate.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.EstateManifest;
import dev.migrate.inventory.EstateManifest.AccountEntry;
import dev.migrate.inventory.EstateManifestJson;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.testing.Cli;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate collect --organization} against the stub organization: the stub account 123456789012 is
 * the management account (the test profile's credentials); 222222222222 and 333333333333 are entered through
 * the role (AssumeRole answers with their own keys, so every request says which account it was for);
 * 444444444444 refuses AssumeRole; 555555555555 is suspended.
 */
class OrganizationCollectTest {
  private static final String MANAGEMENT = "123456789012";
  private static final Clock CLOCK = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
  @TempDir
  static Path aws;
  @TempDir
  Path dir;
  Fixtures fx;
  Cli.Run run;

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

  private Path estate() {
    return dir.resolve("estate");
  }

  private int collect(String... more) {
    List<String> args = new ArrayList<>(List.of("collect", "--organization", "--endpoint-url", fx.endpoint().toString(),
        "--aws-profile", "test", "--regions", "us-east-1", "--out", estate().toString(), "--retry-base-ms", "1"));
    args.addAll(List.of(more));
    run = Cli.run(CLOCK, args.toArray(String[]::new));
    return run.code();
  }

  private Map<String, AccountEntry> entries() {
    Map<String, AccountEntry> m = new TreeMap<>();
    EstateManifestJson.read(estate().resolve("estate.json")).accounts().forEach(a -> m.put(a.id(), a));
    return m;
  }

  /** Requests by the access key they were signed with, as "key action". */
  private List<String> signed() {
    List<String> out = new ArrayList<>();
    for (var e : fx.server.getAllServeEvents()) {
      LoggedRequest r = e.getRequest();
      out.add(Journal.accessKey(r) + " " + Journal.action(r));
    }
    return out;
  }

  private static Map<YearMonth, Map<String, BigDecimal>> months(Snapshot s) {
    Map<YearMonth, Map<String, BigDecimal>> out = new TreeMap<>();
    for (Billing.Month m : s.billing().months()) {
      Map<String, BigDecimal> services = new TreeMap<>();
      m.services().forEach(c -> services.put(c.service(), c.amountUsd()));
      out.put(m.month(), services);
    }
    return out;
  }

  @Test
  void collectsTheManagementAccountAndTheMembersThroughTheRoleAndADeniedAccountIsAFailedAccount() throws Exception {
    assertEquals(0, collect(), run.toString());
    assertEquals(estate() + System.lineSeparator(), run.out());
    EstateManifest manifest = EstateManifestJson.read(estate().resolve("estate.json"));
    assertEquals("o-exampleorgid", manifest.organizationId());
    assertEquals(MANAGEMENT, manifest.managementAccountId());
    assertEquals(Fixtures.NOW, manifest.collectedAt());
    assertEquals(EstateManifest.BILL_CONSOLIDATED, manifest.billSource());
    Map<String, AccountEntry> e = entries();
    assertEquals(List.of(MANAGEMENT, "222222222222", "333333333333", "444444444444", "555555555555"), List.copyOf(e.keySet()));
    assertEquals(AccountEntry.collected(MANAGEMENT, "management", "aws-root@example.com"), e.get(MANAGEMENT));
    assertEquals(AccountEntry.collected("222222222222", "prod", "prod@example.com"), e.get("222222222222"));
    assertEquals(EstateManifest.Status.COLLECTED, e.get("333333333333").status());
    AccountEntry denied = e.get("444444444444");
    assertEquals(EstateManifest.Status.FAILED, denied.status());
    assertEquals("AccessDenied", denied.errorCode());
    assertTrue(denied.message().contains("arn:aws:iam::444444444444:role/OrganizationAccountAccessRole")
        && denied.message().contains("--role-name"), denied.message());
    assertEquals(AccountEntry.skipped("555555555555", "old", "old@example.com",
        "account state SUSPENDED in AWS Organizations"), e.get("555555555555"));
    try (Stream<Path> files = Files.list(estate())) {
      assertEquals(List.of("123456789012.json", "222222222222.json", "333333333333.json", "estate.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file, nothing for the failed account");
    }
    for (String id : List.of(MANAGEMENT, "222222222222", "333333333333")) {
      Snapshot s = SnapshotJson.read(estate().resolve(id + ".json"));
      assertEquals(id, s.account().id());
      assertEquals(4, s.instances().size(), id);
      assertTrue(s.gaps().isEmpty(), id + ": " + s.gaps());
    }
    assertTrue(run.err().contains("migrate: warning: account 444444444444 (sandbox) not collected: AccessDenied: cannot enter"
        + " the account: sts:AssumeRole of arn:aws:iam::444444444444:role/OrganizationAccountAccessRole"), run.err());
    assertTrue(run.err().contains("migrate: organization o-exampleorgid: 3 collected, 1 failed, 1 skipped;"), run.err());

    // Each member was read with its own role's keys, the management account with the profile's.
    List<String> wire = signed();
    for (String key : List.of("AKIDTEST", "ASIAMEMBER222222222222", "ASIAMEMBER333333333333")) {
      assertTrue(wire.contains(key + " ec2:DescribeInstances"), key + ": " + wire);
    }
    assertFalse(wire.stream().anyMatch(w -> w.contains("444444444444") && !w.endsWith("sts:AssumeRole")), "nothing else for the denied account");
    assertEquals(3, wire.stream().filter(w -> w.equals("AKIDTEST sts:AssumeRole")).count(), wire.toString());
    // The organization was listed page by page; members are known, so GetCallerIdentity is asked once, by the caller.
    assertEquals(List.of("AKIDTEST organizations:ListAccounts", "AKIDTEST organizations:ListAccounts"),
        wire.stream().filter(w -> w.endsWith("ListAccounts")).toList());
    assertEquals(List.of("AKIDTEST sts:GetCallerIdentity"), wire.stream().filter(w -> w.endsWith("GetCallerIdentity")).toList());
    // The bill: every GetCostAndUsage went to the management account (one by account and service in two pages,
    // then each account's usage-type lines, filtered to it).
    assertTrue(wire.stream().filter(w -> w.endsWith("ce:GetCostAndUsage")).allMatch(w -> w.startsWith("AKIDTEST ")), wire.toString());
    for (String id : List.of(MANAGEMENT, "222222222222", "333333333333")) {
      fx.server.verify(1, postRequestedFor(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostAndUsage"))
          .withRequestBody(containing("\"Key\":\"USAGE_TYPE\"")).withRequestBody(containing("{\"Dimensions\":{\"Key\":"
              + "\"LINKED_ACCOUNT\",\"Values\":[\"" + id + "\"]}}")).withRequestBody(notContaining("\"NextPageToken\"")));
    }
    IamPolicyTest.assertWireIsReadOnly(Journal.actions(fx.server));

    YearMonth oct = YearMonth.of(2026, 10);
    YearMonth nov = YearMonth.of(2026, 11);
    Snapshot prod = SnapshotJson.read(estate().resolve("222222222222.json"));
    assertEquals(Map.of(oct, Map.of("Amazon Elastic Compute Cloud - Compute", new BigDecimal("2001.0"),
        "Amazon Simple Storage Service", new BigDecimal("20.125")), nov, Map.of()), months(prod));
    assertTrue(prod.billing().months().get(1).estimated());
    assertFalse(prod.billing().months().get(0).usageLines().isEmpty(), "usage-type lines read for the account");
    Snapshot data = SnapshotJson.read(estate().resolve("333333333333.json"));
    assertEquals(Map.of(oct, Map.of(), nov, Map.of("Amazon Relational Database Service", new BigDecimal("50.75"))), months(data));
    Snapshot mgmt = SnapshotJson.read(estate().resolve(MANAGEMENT + ".json"));
    assertEquals(Map.of(oct, Map.of("Amazon Elastic Compute Cloud - Compute", new BigDecimal("1000.25")),
        nov, Map.of("Amazon Elastic Compute Cloud - Compute", new BigDecimal("800"))), months(mgmt));

    String everything = run.err() + Files.readString(estate().resolve("estate.json"))
        + Files.readString(estate().resolve("222222222222.json"));
    assertFalse(everything.contains("member-secret") || everything.contains("member-session-token")
        || everything.contains(dev.migrate.testing.TestProfile.SECRET), "no credentials anywhere");
  }

  @Test
  void resumeCollectsOnlyTheAccountsMissingOrFailedInTheManifest() throws Exception {
    assertEquals(0, collect(), run.toString());
    long before = Files.getLastModifiedTime(estate().resolve("222222222222.json")).toMillis();
    // The role now exists in the account that refused it.
    fx.server.stubFor(post(urlPathEqualTo("/")).atPriority(1).withRequestBody(containing("Action=AssumeRole&"))
        .withRequestBody(containing("444444444444")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "text/xml").withBodyFile("sts/assume-role-444444444444.xml")));
    fx.server.resetRequests();
    assertEquals(0, collect("--resume"), run.toString());
    assertTrue(run.err().contains("3 already collected (--resume)"), run.err());
    List<String> wire = signed();
    assertEquals(List.of("AKIDTEST sts:AssumeRole"), wire.stream().filter(w -> w.endsWith("sts:AssumeRole")).toList());
    assertTrue(fx.server.getAllServeEvents().stream().filter(ev -> Journal.action(ev.getRequest()).equals("sts:AssumeRole"))
        .allMatch(ev -> ev.getRequest().getBodyAsString().contains("444444444444")), "only the failed account is entered");
    assertEquals(List.of("ASIAMEMBER444444444444 ec2:DescribeInstances"),
        wire.stream().filter(w -> w.endsWith("ec2:DescribeInstances")).distinct().toList());
    Map<String, AccountEntry> e = entries();
    assertEquals(List.of(EstateManifest.Status.COLLECTED, EstateManifest.Status.COLLECTED, EstateManifest.Status.COLLECTED,
        EstateManifest.Status.COLLECTED, EstateManifest.Status.SKIPPED), e.values().stream().map(AccountEntry::status).toList());
    assertEquals("444444444444", SnapshotJson.read(estate().resolve("444444444444.json")).account().id());
    assertEquals(before, Files.getLastModifiedTime(estate().resolve("222222222222.json")).toMillis(), "kept as it was");

    // Nothing left: a third run collects nothing and says so.
    fx.server.resetRequests();
    assertEquals(0, collect("--resume"), run.toString());
    assertTrue(run.err().contains("5 accounts, 0 to collect, 4 already collected (--resume)"), run.err());
    assertFalse(signed().stream().anyMatch(w -> w.endsWith("sts:AssumeRole") || w.endsWith("ec2:DescribeInstances")));
  }

  @Test
  void accountsAndExcludeAccountsChooseWhatIsCollected() {
    assertEquals(0, collect("--accounts", "222222222222,333333333333", "--exclude-accounts", "333333333333"), run.toString());
    Map<String, AccountEntry> e = entries();
    assertEquals(EstateManifest.Status.COLLECTED, e.get("222222222222").status());
    assertEquals("not in --accounts", e.get(MANAGEMENT).message());
    assertEquals(EstateManifest.Status.SKIPPED, e.get(MANAGEMENT).status());
    assertEquals("excluded by --exclude-accounts", e.get("333333333333").message());
    assertEquals("not in --accounts", e.get("444444444444").message());
    assertEquals(List.of("AKIDTEST sts:AssumeRole"), signed().stream().filter(w -> w.endsWith("sts:AssumeRole")).toList());
    assertFalse(Files.exists(estate().resolve(MANAGEMENT + ".json")));
  }

  @Test
  void aRoleNameAndExternalIdOfTheUsersChoiceAreAskedFor() {
    assertEquals(0, collect("--accounts", "222222222222", "--role-name", "audit/MigrateReadOnly", "--external-id",
        "ext-1234"), run.toString());
    fx.server.verify(1, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole&"))
        .withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222%3Arole%2Faudit%2FMigrateReadOnly"))
        .withRequestBody(containing("RoleSessionName=migrate-collect")).withRequestBody(containing("ExternalId=ext-1234")));
  }

  @Test
  void whenEveryAccountFailsTheRunFailsButTheManifestSaysWhy() {
    assertEquals(4, collect("--accounts", "444444444444"), run.toString());
    assertTrue(run.err().contains("migrate: no account of organization o-exampleorgid could be collected (manifest "
        + estate().resolve("estate.json") + "); first: 444444444444: AccessDenied: "), run.err());
    assertEquals("AccessDenied", entries().get("444444444444").errorCode());
  }

  @Test
  void strictMakesAFailedAccountExitCodeOne() {
    assertEquals(1, collect("--strict", "--accounts", "222222222222,444444444444"), run.toString());
    assertTrue(run.err().contains("1 account(s) failed and 0 gap(s)"), run.err());
    assertEquals(EstateManifest.Status.COLLECTED, entries().get("222222222222").status());
  }

  @Test
  void withoutTheConsolidatedBillEachAccountReadsItsOwn() {
    fx.server.stubFor(post(urlPathEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostAndUsage"))
        .withRequestBody(containing("\"Key\":\"LINKED_ACCOUNT\"")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"User is not authorized to perform ce:GetCostAndUsage\"}")));
    assertEquals(0, collect("--accounts", MANAGEMENT + ",222222222222"), run.toString());
    assertEquals(EstateManifest.BILL_PER_ACCOUNT, EstateManifestJson.read(estate().resolve("estate.json")).billSource());
    assertTrue(run.err().contains("migrate: bills from each account's own Cost Explorer: the management account's Cost Explorer"
        + " by linked account was not readable: AccessDeniedException"), run.err());
    List<String> wire = signed();
    assertTrue(wire.contains("ASIAMEMBER222222222222 ce:GetCostAndUsage"), wire.toString());
    Snapshot prod = SnapshotJson.read(estate().resolve("222222222222.json"));
    assertEquals(SnapshotJson.read(estate().resolve(MANAGEMENT + ".json")).billing(), prod.billing(),
        "the stub's own Cost Explorer answers the same for every account");
    assertFalse(prod.billing().months().isEmpty());
  }

  @Test
  void anAccountOutsideAnOrganizationIsOneLine() {
    fx.server.stubFor(post(urlPathEqualTo("/")).atPriority(1)
        .withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128.DescribeOrganization"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"AWSOrganizationsNotInUseException\",\"Message\":\"Your account is not a member of an organization.\"}")));
    assertEquals(4, collect(), run.toString());
    assertTrue(run.err().contains("organizations:DescribeOrganization failed: AWSOrganizationsNotInUseException: Your account is"
        + " not a member of an organization.; account 123456789012 is not in an AWS Organization; collect it alone, without"
        + " --organization"), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void badOptionValuesAreOneLineUsageErrors() throws Exception {
    Files.createDirectories(dir);
    Path file = Files.writeString(dir.resolve("a-file.json"), "{}");
    String[][] cases = {
        {"--accounts", "12345"}, {"--accounts: '12345' is not a 12-digit AWS account id such as 123456789012"},
        {"--exclude-accounts", "22222222222x"}, {"--exclude-accounts: '22222222222x' is not a 12-digit AWS account id"},
        {"--accounts", "999999999999"}, {"--accounts 999999999999: not an account of organization o-exampleorgid"},
        {"--parallel-accounts", "0"}, {"--parallel-accounts 0: must be at least 1"},
        {"--role-name", "bad role"}, {"--role-name 'bad role': not an IAM role name"},
        {"--external-id", "x"}, {"--external-id: 2 to 1224 characters"},
        {"--resume"}, {"--resume: no " + estate().resolve("estate.json") + " to resume from"},
        {"--bill-export", "bills/"}, {"--bill-export does not go with --organization"},
    };
    for (int i = 0; i < cases.length; i += 2) {
      assertEquals(2, collect(cases[i]), String.join(" ", cases[i]) + ": " + run);
      assertTrue(run.err().contains(cases[i + 1][0]), run.err());
      assertEquals(1, run.err().lines().filter(l -> l.startsWith("migrate: ") && !l.startsWith("migrate: organization o-exampleorgid ("))
          .count(), run.err());
    }
    run = Cli.run(CLOCK, "collect", "--organization", "--endpoint-url", fx.endpoint().toString(), "--aws-profile", "test");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--organization needs --out DIR"), run.err());
    run = Cli.run(CLOCK, "collect", "--organization", "--aws-profile", "test", "--out", file.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("is a file; with --organization it is a folder"), run.err());
    for (String option : List.of("--role-name", "--external-id", "--accounts", "--exclude-accounts", "--parallel-accounts")) {
      run = Cli.run(CLOCK, "collect", "--aws-profile", "test", "--out", file.toString(), option,
          option.equals("--parallel-accounts") ? "2" : option.endsWith("accounts") ? "222222222222" : "xx-1");
      assertEquals(2, run.code(), option);
      assertEquals("migrate: " + option + " needs --organization", run.err().strip());
    }
    assertNull(fx.server.getAllServeEvents().stream().filter(ev -> Journal.action(ev.getRequest()).equals("sts:AssumeRole"))
        .findFirst().orElse(null), "no account entered by a run with a bad option");
  }
}
