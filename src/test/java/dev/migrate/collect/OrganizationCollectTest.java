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
    assertNull(manifest.billNote());
    assertEquals(AccountEntry.collected(MANAGEMENT, "management", "aws-root@example.com", EstateManifest.BILL_CONSOLIDATED),
        e.get(MANAGEMENT));
    assertEquals(AccountEntry.collected("222222222222", "prod", "prod@example.com", EstateManifest.BILL_CONSOLIDATED),
        e.get("222222222222"));
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

  /** Cost Explorer refuses the query grouped by linked account: the management account may not read the organization's. */
  private void refuseConsolidatedBill() {
    fx.server.stubFor(post(urlPathEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService.GetCostAndUsage"))
        .withRequestBody(containing("{\"Type\":\"DIMENSION\",\"Key\":\"LINKED_ACCOUNT\"}")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"User is not authorized to perform ce:GetCostAndUsage\"}")));
  }

  /**
   * The cost queries signed with {@code key} (by service, then by service and usage type; not the refused one by linked
   * account) are filtered to {@code account}.
   */
  private void assertOwnBillQueries(String key, String account) {
    List<String> bodies = fx.server.getAllServeEvents().stream().map(ev -> ev.getRequest())
        .filter(r -> Journal.action(r).equals("ce:GetCostAndUsage") && Journal.accessKey(r).equals(key))
        .map(LoggedRequest::getBodyAsString)
        .filter(b -> !b.contains("{\"Type\":\"DIMENSION\",\"Key\":\"LINKED_ACCOUNT\"}")).toList();
    assertTrue(bodies.stream().anyMatch(b -> !b.contains("USAGE_TYPE")) && bodies.stream().anyMatch(b -> b.contains("USAGE_TYPE")),
        key + ": " + bodies);
    for (String b : bodies) {
      assertTrue(b.contains("{\"Dimensions\":{\"Key\":\"LINKED_ACCOUNT\",\"Values\":[\"" + account + "\"]}}"), key + ": " + b);
    }
  }

  @Test
  void withoutTheConsolidatedBillEachAccountReadsItsOwnAndTheManagementAccountOnlyItsPart() {
    refuseConsolidatedBill();
    assertEquals(0, collect("--accounts", MANAGEMENT + ",222222222222"), run.toString());
    EstateManifest manifest = EstateManifestJson.read(estate().resolve("estate.json"));
    assertEquals(EstateManifest.BILL_PER_ACCOUNT, manifest.billSource());
    assertEquals(EstateManifest.BILL_PER_ACCOUNT, manifest.account("222222222222").bill());
    assertTrue(manifest.billNote().startsWith("the management account's Cost Explorer by linked account was not readable:"
        + " AccessDeniedException"), manifest.billNote());
    assertTrue(run.err().contains("migrate: bills from each account's own Cost Explorer: the management account's Cost Explorer"
        + " by linked account was not readable: AccessDeniedException"), run.err());
    List<String> wire = signed();
    assertTrue(wire.contains("ASIAMEMBER222222222222 ce:GetCostAndUsage"), wire.toString());
    // The management account's own Cost Explorer shows the whole organization: its bill is asked for its own part only.
    assertOwnBillQueries("AKIDTEST", MANAGEMENT);
    fx.server.verify(0, postRequestedFor(urlPathEqualTo("/")).withHeader("Authorization", containing("ASIAMEMBER222222222222"))
        .withRequestBody(containing("LINKED_ACCOUNT")));
    Snapshot prod = SnapshotJson.read(estate().resolve("222222222222.json"));
    assertEquals(SnapshotJson.read(estate().resolve(MANAGEMENT + ".json")).billing(), prod.billing(),
        "the stub's own Cost Explorer answers the same for every account");
    assertFalse(prod.billing().months().isEmpty());
  }

  /** The profile's keys belong to 222222222222, a delegated administrator: the management account is 123456789012. */
  private void callerIsDelegatedAdministrator() {
    fx.server.stubFor(post(urlPathEqualTo("/")).atPriority(1).withRequestBody(containing("Action=GetCallerIdentity&"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
            + "<Arn>arn:aws:iam::222222222222:user/migrate-readonly</Arn><UserId>AIDAEXAMPLEDELEGATED</UserId>"
            + "<Account>222222222222</Account></GetCallerIdentityResult>"
            + "<ResponseMetadata><RequestId>11111111-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>"
            + "</GetCallerIdentityResponse>")));
  }

  /** sts:AssumeRole of the role in {@code account} is refused, as when the role is missing or does not trust the caller. */
  private void refuseRole(String account) {
    fx.server.stubFor(post(urlPathEqualTo("/")).atPriority(1).withRequestBody(containing("Action=AssumeRole&"))
        .withRequestBody(containing("iam%3A%3A" + account + "%3Arole")).willReturn(aResponse().withStatus(403)
            .withHeader("Content-Type", "text/xml").withBody(
                "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>AccessDenied</Code><Message>User: arn:aws:iam::222222222222:user/migrate-readonly is not"
                + " authorized to perform: sts:AssumeRole on resource: arn:aws:iam::" + account
                + ":role/OrganizationAccountAccessRole</Message></Error>"
                + "<RequestId>8f2a6a2c-5d1b-4e1f-9a3c-0b1d2e3f4a5c</RequestId></ErrorResponse>")));
  }

  /** sts:AssumeRole of the role in {@code account} answers with keys ASIAMEMBER{account}. */
  private void grantRole(String account) {
    fx.server.stubFor(post(urlPathEqualTo("/")).atPriority(1).withRequestBody(containing("Action=AssumeRole&"))
        .withRequestBody(containing("iam%3A%3A" + account + "%3Arole")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "text/xml").withBody(
                "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                + "<AssumedRoleUser><Arn>arn:aws:sts::" + account + ":assumed-role/MigrateReadOnly/migrate-collect</Arn>"
                + "<AssumedRoleId>AROAEXAMPLE" + account + ":migrate-collect</AssumedRoleId></AssumedRoleUser>"
                + "<Credentials><AccessKeyId>ASIAMEMBER" + account + "</AccessKeyId>"
                + "<SecretAccessKey>member-secret-never-printed-" + account + "</SecretAccessKey>"
                + "<SessionToken>member-session-token-" + account + "</SessionToken>"
                + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleResult>"
                + "<ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c8</RequestId></ResponseMetadata>"
                + "</AssumeRoleResponse>")));
  }

  @Test
  void fromADelegatedAdministratorTheManagementAccountWithoutARoleIsAFailedAccountThatResumeFromItAdds() throws Exception {
    callerIsDelegatedAdministrator();
    refuseRole(MANAGEMENT);
    assertEquals(0, collect(), run.toString());
    EstateManifest manifest = EstateManifestJson.read(estate().resolve("estate.json"));
    assertEquals(MANAGEMENT, manifest.managementAccountId(), "DescribeOrganization names the management account");
    AccountEntry mgmt = manifest.account(MANAGEMENT);
    assertEquals(EstateManifest.Status.FAILED, mgmt.status());
    assertEquals("AccessDenied", mgmt.errorCode());
    assertTrue(mgmt.message().contains("from a delegated administrator the management account is reachable only through"
        + " a role created there that trusts account 222222222222; without it, its resources and its part of the bill are"
        + " not in the estate: run again with --resume and a profile of the management account to add them"), mgmt.message());
    // The delegated administrator's own account with the profile's keys, the others through the role.
    assertEquals(AccountEntry.collected("222222222222", "prod", "prod@example.com", EstateManifest.BILL_PER_ACCOUNT),
        manifest.account("222222222222"));
    assertEquals(EstateManifest.BILL_PER_ACCOUNT, manifest.account("333333333333").bill());
    assertEquals(EstateManifest.BILL_PER_ACCOUNT, manifest.billSource());
    assertEquals("the profile's account 222222222222 is a delegated administrator, not the management account "
        + MANAGEMENT + ", whose Cost Explorer has the consolidated bill", manifest.billNote());
    List<String> wire = signed();
    assertTrue(wire.contains("AKIDTEST ec2:DescribeInstances") && wire.contains("ASIAMEMBER333333333333 ec2:DescribeInstances"),
        wire.toString());
    assertTrue(wire.contains("ASIAMEMBER333333333333 ce:GetCostAndUsage"), "each account's own bill: " + wire);
    fx.server.verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("LINKED_ACCOUNT")));
    assertEquals(List.of("AKIDTEST sts:AssumeRole"), wire.stream().filter(w -> w.endsWith("sts:AssumeRole")).distinct().toList());
    assertEquals(3, wire.stream().filter(w -> w.endsWith("sts:AssumeRole")).count(), "123456789012, 333333333333, 444444444444");
    assertTrue(run.err().contains("migrate: warning: account " + MANAGEMENT + " (management) not collected: AccessDenied:"),
        run.err());
    assertTrue(run.err().contains("migrate: bills from each account's own Cost Explorer: the profile's account 222222222222"
        + " is a delegated administrator"), run.err());
    AccountEntry sandbox = manifest.account("444444444444");
    assertTrue(sandbox.message().contains("OrganizationAccountAccessRole trusts only the management account, so a delegated"
        + " administrator needs a role that trusts account 222222222222"), sandbox.message());

    // The assessment covers the accounts collected and names the management account as not collected.
    Path out = dir.resolve("out");
    Cli.Run assess = Cli.run(CLOCK, "assess", "--snapshot", estate().toString(), "--format", "json", "--out", out.toString());
    assertEquals(0, assess.code(), assess.toString());
    String json;
    try (Stream<Path> files = Files.list(out)) {
      json = Files.readString(files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow());
    }
    assertTrue(json.contains("account " + MANAGEMENT + " (management) was not collected"), "a gap names it");

    // --resume with a profile of the management account adds it, with its part of the consolidated bill.
    fx.server.resetAll();
    refuseRole("444444444444");
    assertEquals(0, collect("--resume"), run.toString());
    manifest = EstateManifestJson.read(estate().resolve("estate.json"));
    assertEquals(AccountEntry.collected(MANAGEMENT, "management", "aws-root@example.com", EstateManifest.BILL_CONSOLIDATED),
        manifest.account(MANAGEMENT));
    assertEquals(EstateManifest.BILL_PER_ACCOUNT, manifest.account("222222222222").bill(), "kept as collected");
    assertEquals(EstateManifest.BILL_MIXED, manifest.billSource());
    assertTrue(manifest.billNote().contains("delegated administrator"), "still why the others are per account");
    assertTrue(run.err().contains("; bills mixed"), run.err());
    assertEquals(MANAGEMENT, SnapshotJson.read(estate().resolve(MANAGEMENT + ".json")).account().id());
  }

  @Test
  void fromADelegatedAdministratorAManagementAccountWithARoleIsCollectedWithItsOwnPartOfTheBill() {
    callerIsDelegatedAdministrator();
    grantRole(MANAGEMENT);
    assertEquals(0, collect("--accounts", MANAGEMENT + ",222222222222"), run.toString());
    EstateManifest manifest = EstateManifestJson.read(estate().resolve("estate.json"));
    assertEquals(EstateManifest.Status.COLLECTED, manifest.account(MANAGEMENT).status());
    assertEquals(EstateManifest.BILL_PER_ACCOUNT, manifest.account(MANAGEMENT).bill());
    assertEquals(EstateManifest.BILL_PER_ACCOUNT, manifest.billSource());
    assertTrue(signed().contains("ASIAMEMBER123456789012 ec2:DescribeInstances"), signed().toString());
    assertOwnBillQueries("ASIAMEMBER123456789012", MANAGEMENT);
    assertFalse(SnapshotJson.read(estate().resolve(MANAGEMENT + ".json")).billing().months().isEmpty());
  }

  @Test
  void resumeKeepsTheBillSourceOfTheAccountsCollectedBefore() throws Exception {
    // First run: the consolidated bill is refused, so the accounts collected read their own.
    refuseConsolidatedBill();
    assertEquals(0, collect(), run.toString());
    assertEquals(EstateManifest.BILL_PER_ACCOUNT, EstateManifestJson.read(estate().resolve("estate.json")).billSource());
    // Second run: the consolidated bill is readable and the refused account's role exists; only that account is
    // collected, with the consolidated bill, and the others keep theirs.
    fx.server.resetAll();
    grantRole("444444444444");
    assertEquals(0, collect("--resume"), run.toString());
    EstateManifest manifest = EstateManifestJson.read(estate().resolve("estate.json"));
    assertEquals(EstateManifest.BILL_CONSOLIDATED, manifest.account("444444444444").bill());
    for (String id : List.of(MANAGEMENT, "222222222222", "333333333333")) {
      assertEquals(EstateManifest.BILL_PER_ACCOUNT, manifest.account(id).bill(), id);
    }
    assertEquals(EstateManifest.BILL_MIXED, manifest.billSource());
    assertTrue(manifest.billNote().startsWith("the management account's Cost Explorer by linked account was not readable"),
        "why the others are per account: " + manifest.billNote());
    assertTrue(run.err().contains("; bills mixed"), run.err());

    // A third run collects nothing: the labels stay as they are.
    assertEquals(0, collect("--resume"), run.toString());
    EstateManifest third = EstateManifestJson.read(estate().resolve("estate.json"));
    assertEquals(manifest.accounts(), third.accounts());
    assertEquals(EstateManifest.BILL_MIXED, third.billSource());
    assertEquals(manifest.billNote(), third.billNote());
  }

  @Test
  void resumeOfAManifestWithOneBillLabelKeepsItForTheAccountsItCollected() throws Exception {
    assertEquals(0, collect(), run.toString());
    // A manifest as written before each account said where its bill came from: one label for all of them.
    Path file = estate().resolve("estate.json");
    Files.writeString(file, Files.readString(file).replaceAll(",\\s*\"bill\" : \"consolidated\"", ""));
    assertNull(EstateManifestJson.read(file).account(MANAGEMENT).bill());
    assertEquals(EstateManifest.BILL_CONSOLIDATED, EstateManifestJson.read(file).billSource());
    fx.server.resetAll();
    refuseConsolidatedBill();
    grantRole("444444444444");
    assertEquals(0, collect("--resume"), run.toString());
    EstateManifest manifest = EstateManifestJson.read(file);
    assertEquals(EstateManifest.BILL_CONSOLIDATED, manifest.account("222222222222").bill());
    assertEquals(EstateManifest.BILL_PER_ACCOUNT, manifest.account("444444444444").bill());
    assertEquals(EstateManifest.BILL_MIXED, manifest.billSource(), "not the per-account label of the last run alone");
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
