package dev.migrate.inventory;

import static dev.migrate.testing.ThreeAccountEstate.A;
import static dev.migrate.testing.ThreeAccountEstate.B;
import static dev.migrate.testing.ThreeAccountEstate.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.topology.Topology;
import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.testing.ThreeAccountEstate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Merging the snapshots of several accounts into one ({@link Estates#merge}). */
class EstatesTest {
  private static List<Estates.Part> parts() {
    return ThreeAccountEstate.snapshots().stream()
        .map(s -> new Estates.Part(s.account().id() + ".json", s, null)).toList();
  }

  private static final String ALB = ThreeAccountEstate.ALB_ARN;

  private static Snapshot merged() {
    return Estates.merge(parts(), List.of(), null);
  }

  @Test
  void oneAccountIsReturnedUnchanged() {
    Snapshot b = ThreeAccountEstate.snapshots().get(1);
    assertSame(b, Estates.merge(List.of(new Estates.Part("b.json", b, null)), List.of(), null));
  }

  @Test
  void theBillIsTheSumOfTheAccountsPerMonthServiceAndUsageType() {
    Billing bill = merged().billing();
    assertEquals(List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 10)),
        bill.months().stream().map(Billing.Month::month).toList());
    Billing.Month oct = bill.months().get(1);
    BigDecimal ec2 = oct.services().stream().filter(s -> s.service().equals("Amazon Elastic Compute Cloud - Compute"))
        .findFirst().orElseThrow().amountUsd();
    assertEquals(new BigDecimal("350.40"), ec2); // 140.16 + 70.08 + 140.16
    assertEquals(new BigDecimal("1793.40"), oct.totalUsd()); // 320.16 + 900.58 + 572.66
    Billing.UsageLine m5 = oct.usageLines().stream()
        .filter(l -> l.usageType().equals("APN1-BoxUsage:m5.large")).findFirst().orElseThrow();
    assertEquals(new BigDecimal("210.24"), m5.amountUsd()); // 140.16 + 70.08, the m5.xlarge line is its own
    assertEquals(new BigDecimal("20"), m5.quantity()); // 10 Hrs in each of two accounts
    assertEquals("Hrs", m5.unit());
    assertEquals(Billing.SOURCE_COST_EXPLORER, bill.source());
  }

  @Test
  void membersKeepTheirOwnBillAndTheirResourcesUnderTheMergedNames() {
    Snapshot s = merged();
    assertEquals(List.of(A, B, C), s.members().stream().map(m -> m.account().id()).toList());
    MemberAccount b = s.members().get(1);
    assertEquals(new BigDecimal("900.58"), b.billing().months().get(1).totalUsd());
    assertTrue(b.resourceIds().containsAll(List.of("web@" + B, "orders@" + B, "main@" + B, "main-1@" + B,
        ThreeAccountEstate.DIST, ThreeAccountEstate.iid(B, 1))), b.resourceIds().toString());
    List<String> items = new java.util.ArrayList<>();
    s.instances().forEach(x -> items.add(x.id()));
    s.volumes().forEach(x -> items.add(x.id()));
    s.autoScalingGroups().forEach(x -> items.add(x.name()));
    s.loadBalancers().forEach(x -> items.add(x.id()));
    s.distributions().forEach(x -> items.add(x.id()));
    s.vpcs().forEach(x -> items.add(x.id()));
    s.dbInstances().forEach(x -> items.add(x.id()));
    s.dbClusters().forEach(x -> items.add(x.id()));
    for (String id : items) {
      assertEquals(1, s.members().stream().filter(m -> m.resourceIds().contains(id)).count(),
          id + " belongs to exactly one account");
    }
  }

  @Test
  void referencesFollowTheQualifiedNames() {
    Snapshot s = merged();
    Topology t = Topology.of(s);
    assertEquals("web@" + B, t.groupOf(ThreeAccountEstate.iid(B, 1)).name());
    assertEquals(List.of("web@" + B), t.loadBalancersOfGroup("web@" + B).stream().map(LoadBalancer::id).toList());
    assertEquals(2, t.members("web@" + A).size());
    assertEquals(List.of("main-1@" + C), s.dbCluster("main@" + C).orElseThrow().members());
    assertEquals("main-1@" + C, s.dbCluster("main@" + C).orElseThrow().writerId());
    assertEquals("main@" + C, s.dbInstance("main-1@" + C).orElseThrow().clusterId());
    assertEquals(List.of("main-1@" + B), t.clusterMembers("main@" + B).stream().map(DbInstance::id).toList());
    assertNotNull(t.usage("rds", "orders@" + A));
    assertNotNull(t.usage("aurora", "main@" + C));
    assertNotNull(t.usage("web@" + B));
    assertNull(t.usage("orders"));
  }

  @Test
  void aDistributionsOriginInAnotherAccountIsResolved() {
    Topology t = Topology.of(merged());
    Distribution d = t.distribution(ThreeAccountEstate.DIST);
    LoadBalancer origin = t.originLoadBalancer(Topology.defaultOrigin(d));
    assertEquals(ThreeAccountEstate.ALB_ARN, origin.id());
    assertTrue(t.isOriginLoadBalancer(ThreeAccountEstate.ALB_ARN));
    assertEquals(ThreeAccountEstate.REGION, t.homeRegion(ThreeAccountEstate.DIST));
  }

  @Test
  void aSharedVpcIsKeptOnceWithTheAccountThatListsItFirst() {
    Snapshot s = merged();
    assertEquals(1, s.vpcs().stream().filter(v -> v.id().equals(ThreeAccountEstate.SHARED_VPC)).count());
    assertTrue(s.members().get(0).resourceIds().contains(ThreeAccountEstate.SHARED_VPC));
    assertTrue(!s.members().get(1).resourceIds().contains(ThreeAccountEstate.SHARED_VPC));
    // The participant's instance still points at it.
    assertEquals(ThreeAccountEstate.SHARED_VPC, s.instance(ThreeAccountEstate.iid(B, 1)).orElseThrow().vpcId());
  }

  @Test
  void aSharedVpcBelongsToTheAccountItsOwnerIdNamesWhicheverListsItFirst() {
    var p = parts();
    // The VPC is owned by 222222222222 and shared with 111111111111, which sorts first.
    Vpc asOwner = new Vpc(ThreeAccountEstate.SHARED_VPC, ThreeAccountEstate.REGION, List.of("10.0.0.0/16"), false, null, B);
    Snapshot a = SnapshotBuilder.from(p.get(0).snapshot()).vpcs(List.of(asOwner)).build();
    Snapshot b = SnapshotBuilder.from(p.get(1).snapshot()).vpcs(List.of(asOwner)).build();
    Snapshot s = Estates.merge(List.of(new Estates.Part("a.json", a, null), new Estates.Part("b.json", b, null)),
        List.of(), null);
    Topology t = Topology.of(s);
    assertEquals(B, t.account(ThreeAccountEstate.SHARED_VPC).account().id());
    // 111111111111's instances sit in a VPC of another account: the link is kept, each keeps its own account.
    Ec2Instance participant = t.instance(ThreeAccountEstate.iid(A, 1));
    assertEquals(ThreeAccountEstate.SHARED_VPC, participant.vpcId());
    assertEquals(A, t.account(participant.id()).account().id());
  }

  @Test
  void aFailedAccountIsAGapNamingTheAccountWhileTheOthersAreMerged() {
    Snapshot s = Estates.merge(parts().subList(0, 2), List.of(new Estates.FailedAccount(C, "data",
        "AccessDenied", "not authorized to perform sts:AssumeRole on OrganizationAccountAccessRole")), null);
    assertEquals(2, s.members().size());
    Gap g = s.gaps().stream().filter(x -> x.errorCode().equals("AccessDenied") && x.service().equals("organizations"))
        .findFirst().orElseThrow();
    assertTrue(g.message().contains("account " + C + " (data) was not collected: not authorized"), g.message());
    assertEquals("estate of 3 accounts", s.account().alias());
  }

  @Test
  void idsAwsKeepsGloballyUniqueAreQualifiedTooWhenCopiedSnapshotsRepeatThem() {
    Snapshot a = ThreeAccountEstate.snapshots().get(0);
    Snapshot copy = SnapshotBuilder.from(a).account(new Account("999999999999", null)).build();
    Snapshot s = Estates.merge(List.of(new Estates.Part("a.json", a, null), new Estates.Part("copy.json", copy, null)),
        List.of(), null);
    String i1 = ThreeAccountEstate.iid(A, 1);
    assertEquals(List.of(i1 + "@" + A, i1 + "@999999999999", ThreeAccountEstate.iid(A, 2) + "@" + A,
        ThreeAccountEstate.iid(A, 2) + "@999999999999"), s.instances().stream().map(Ec2Instance::id).toList());
    assertEquals(i1 + "@999999999999", s.volume("vol-0aaa000000000001@999999999999").orElseThrow().attachedTo());
    Topology t = Topology.of(s);
    assertEquals(2, t.members("web@999999999999").size());
    assertEquals(List.of(i1 + "@999999999999", ThreeAccountEstate.iid(A, 2) + "@999999999999"),
        t.loadBalancer("web@999999999999").registeredInstances());
    assertNotNull(t.usage(i1 + "@999999999999"));
  }

  @Test
  void recordsWhoseNamesStayAreKeptNotCopied() {
    var p = parts();
    Snapshot s = Estates.merge(p, List.of(), null);
    Snapshot c = p.get(2).snapshot();
    // 333333333333's instance and load balancer keep their names: the merged estate holds the very same records.
    assertSame(c.instances().get(0), s.instance(c.instances().get(0).id()).orElseThrow());
    assertSame(c.loadBalancers().get(0), s.loadBalancers().stream().filter(lb -> lb.id().equals(ALB)).findFirst()
        .orElseThrow());
    // B's group "web" is renamed (A has one too), so it is a new record.
    assertEquals("web@" + B, s.autoScalingGroups().stream().filter(g -> g.name().startsWith("web@" + B)).findFirst()
        .orElseThrow().name());
  }

  @Test
  void theSameAccountTwiceIsRefused() {
    var p = parts();
    var e = assertThrows(SnapshotFormatException.class, () -> Estates.merge(List.of(p.get(0),
        new Estates.Part("again.json", p.get(0).snapshot(), null)), List.of(), null));
    assertEquals("account " + A + " is given twice (" + A + ".json and again.json); pass one snapshot per account",
        e.getMessage());
  }

  @Test
  void windowsOfDifferentLengthAreRefused() {
    var p = parts();
    Snapshot shortWindow = SnapshotBuilder.from(p.get(2).snapshot())
        .window(Window.ofDays(Instant.parse("2026-11-25T00:00:00Z"), 14)).build();
    var e = assertThrows(SnapshotFormatException.class, () -> Estates.merge(List.of(p.get(0),
        new Estates.Part("c.json", shortWindow, null)), List.of(), null));
    assertTrue(e.getMessage().contains("differ in length") && e.getMessage().contains("c.json"), e.getMessage());
  }

  @Test
  void aNameTheQualificationMakesTwiceIsRefused() {
    // Account A has a group literally named "web@B"; B's own "web" becomes "web@B" as A has a "web" too.
    var p = parts();
    Snapshot a = p.get(0).snapshot();
    AutoScalingGroup web = a.autoScalingGroups().stream().filter(g -> g.name().equals("web")).findFirst().orElseThrow();
    var groups = new java.util.ArrayList<>(a.autoScalingGroups());
    groups.add(new AutoScalingGroup("web@" + B, web.region(), 0, 0, 0, List.of(), List.of(), List.of(), null));
    Snapshot odd = SnapshotBuilder.from(a).autoScalingGroups(groups).build();
    var e = assertThrows(SnapshotFormatException.class, () -> Estates.merge(List.of(
        new Estates.Part("a.json", odd, null), p.get(1), p.get(2)), List.of(), null));
    assertTrue(e.getMessage().startsWith("the accounts' snapshots a.json, " + B + ".json, " + C + ".json cannot be "
        + "merged: $.autoScalingGroups[") && e.getMessage().contains("'web@" + B + "' is listed twice"), e.getMessage());
  }

  @Test
  void anEstateIsNotMergedAgain() {
    Snapshot estate = merged();
    var e = assertThrows(SnapshotFormatException.class, () -> Estates.merge(List.of(
        new Estates.Part("estate.json", estate, null), parts().get(0)), List.of(), null));
    assertTrue(e.getMessage().contains("estate.json is already an estate of 3 accounts"), e.getMessage());
  }

  @Test
  void theMergedSnapshotSurvivesTheFileFormat() {
    Snapshot s = merged();
    assertEquals(s, SnapshotJson.read(new java.io.ByteArrayInputStream(
        SnapshotJson.toJson(s).getBytes(java.nio.charset.StandardCharsets.UTF_8)), "merged"));
  }
}
