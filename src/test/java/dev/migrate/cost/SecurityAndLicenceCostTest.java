package dev.migrate.cost;

import dev.migrate.testing.SnapshotBuilder;
import static dev.migrate.cost.CostModelHandCheckedTest.CLOCK;
import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import dev.migrate.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * AWS WAF on CloudFront, Cloud Armor in its place, and the Windows Server licence on Compute Engine,
 * worked by hand on the small estate (a 730-hour window, so window totals are monthly figures).
 * Two distributions share one web ACL: E1 serves 20,000,000 requests, E2 2,000,000.
 */
class SecurityAndLicenceCostTest {
  static final String ACL = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/shared/1";
  final CostModel model = new CostModel(PriceBook.bundled());

  static Snapshot snapshot() {
    Snapshot s = SmallEstate.snapshot();
    var behavior = new Distribution.CacheBehavior("*", "alb", "redirect-to-https", null, false, List.of());
    List<Distribution> distributions = new ArrayList<>();
    for (Distribution d : s.distributions()) {
      distributions.add(new Distribution(d.id(), d.domainName(), d.aliases(), d.enabled(), d.priceClass(), d.httpVersion(),
          d.origins(), d.defaultBehavior(), d.cacheBehaviors(), d.logging(), ACL, d.geoRestriction(), d.geoLocations(),
          d.fieldLevelEncryption(), d.tags()));
    }
    distributions.add(new Distribution("E2", "d222.cloudfront.net", List.of("img.example.com"), true, "PriceClass_100",
        "http2", List.of(new Distribution.Origin("alb", "web-alb-1.us-east-1.elb.amazonaws.com", "elb", null)), behavior,
        List.of(), null, ACL, null, List.of(), false, Map.of("app", "web")));
    List<Usage> usage = new ArrayList<>(s.usage());
    usage.add(SmallEstate.usage("E2", "cloudfront", null, 10.0, 2_000_000L, null, 0.9,
        Map.of("north-america", 2_000_000L), Map.of("north-america", 10.0)));
    return SnapshotBuilder.from(s).distributions(distributions).usage(usage).webAcls(List.of()).collection(null)
        .build();
  }

  /** The small plan with Cloud Armor on both CDNs and i-004 (Windows) on the given machine type. */
  static MigrationPlan plan(String windowsMachineType) {
    MigrationPlan p = SmallEstate.plan();
    List<Mapping> mappings = new ArrayList<>();
    for (Mapping m : p.mappings()) {
      if (m.itemId().equals("E1")) {
        mappings.add(SmallEstate.map("E1", ItemKind.CLOUDFRONT_DISTRIBUTION, "www.example.com", "global",
            new Target.CloudCdn("web-backend", "CACHE_ALL_STATIC", true, "global")));
      } else if (m.itemId().equals("i-004")) {
        mappings.add(SmallEstate.map("i-004", ItemKind.EC2_INSTANCE, "i-004", "us-east-1",
            new Target.ComputeEngineVm(windowsMachineType, "x86_64", "windows", true, "us-east4")));
      } else {
        mappings.add(m);
      }
    }
    mappings.add(SmallEstate.map("E2", ItemKind.CLOUDFRONT_DISTRIBUTION, "img.example.com", "global",
        new Target.CloudCdn("img-backend", "CACHE_ALL_STATIC", true, "global")));
    return new MigrationPlan(mappings, p.unmapped(), p.regionMap(), p.rulesSource());
  }

  Assessment assess(CostOptions options, String windowsMachineType) {
    return model.assess(snapshot(), plan(windowsMachineType), options, CLOCK);
  }

  static BigDecimal line(CostSide side, String itemId, String component) {
    List<CostLine> found = side.lines().stream().filter(l -> l.itemId().equals(itemId) && l.component().equals(component)).toList();
    assertEquals(1, found.size(), () -> itemId + " / " + component + " in " + side.lines().stream()
        .filter(l -> l.itemId().equals(itemId)).map(CostLine::component).toList());
    CostLine l = found.get(0);
    assertEquals(0, l.quantity().multiply(l.unitPriceUsd()).compareTo(l.monthlyUsd()), l::toString);
    assertTrue(!l.priceSource().isBlank() && l.priceAsOf() != null, l::toString);
    return l.monthlyUsd();
  }

  @Test
  void awsWafChargesTheSharedWebAclOnceAndEveryRequest() {
    Assessment a = assess(CostOptions.defaults(), "e2-standard-2");
    CostSide c = a.current();
    assertUsd("5.00", line(c, "E1", "AWS WAF web ACL"));                           // 1 web ACL x 5.00 per month
    assertUsd("1.00", line(c, "E1", "AWS WAF rules (1 per web ACL, assumed)"));     // 1 rule x 1.00 per month
    assertUsd("12.00", line(c, "E1", "AWS WAF web requests inspected"));            // 20M = 20 x 0.60 per million
    assertUsd("1.20", line(c, "E2", "AWS WAF web requests inspected"));             // 2M = 2 x 0.60 per million
    assertTrue(c.lines().stream().noneMatch(l -> l.itemId().equals("E2") && l.component().contains("web ACL")),
        "the web ACL E2 shares with E1 is charged once");
    assertUsd("19.20", c.byService().get("AWS WAF"));                               // 5 + 1 + 12 + 1.20
    assertTrue(a.missingPrices().stream().noneMatch(m -> m.priceKey().startsWith("aws/waf/")), a.missingPrices()::toString);
    assertTrue(a.assumptions().stream().anyMatch(x -> x.name().equals("AWS WAF rules per web ACL") && x.value().equals("1 (assumed)")));
    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("E1") && w.contains("1 rule(s) assumed")), a.warnings()::toString);
    // the reconciliation pairs the modelled AWS WAF with Cost Explorer's service of the same name
    assertTrue(a.reconciliation().rows().stream().anyMatch(r -> r.service().equals("AWS WAF")
        && r.billedServices().equals(List.of("AWS WAF"))));
  }

  @Test
  void wafRuleCountIsAnOption() {
    Assessment a = assess(CostOptions.defaults().with("waf-rules-per-acl", "3"), "e2-standard-2");
    assertUsd("3.00", line(a.current(), "E1", "AWS WAF rules (3 per web ACL, assumed)")); // 3 rules x 1.00
    assertUsd("21.20", a.current().byService().get("AWS WAF"));                          // 5 + 3 + 12 + 1.20
  }

  /** The shared web ACL as collected: 5 rules, two of them managed rule groups (one with extra fees). */
  static Snapshot withCollectedWebAcl() {
    Snapshot s = snapshot();
    var acl = new dev.migrate.inventory.WebAcl(ACL, "1", "shared", "CLOUDFRONT", 5, List.of(
        new dev.migrate.inventory.WebAcl.ManagedRuleGroup("AWS", "AWSManagedRulesBotControlRuleSet"),
        new dev.migrate.inventory.WebAcl.ManagedRuleGroup("AWS", "AWSManagedRulesCommonRuleSet")));
    return SnapshotBuilder.from(s).webAcls(List.of(acl)).collection(null).build();
  }

  @Test
  void collectedRuleCountIsPricedInsteadOfTheAssumption() {
    Assessment a = model.assess(withCollectedWebAcl(), plan("e2-standard-2"), CostOptions.defaults(), CLOCK);
    CostSide c = a.current();
    assertUsd("5.00", line(c, "E1", "AWS WAF web ACL"));                              // 1 web ACL x 5.00
    assertUsd("5.00", line(c, "E1", "AWS WAF rules (5 in web ACL shared, collected)")); // 5 rules x 1.00, once
    assertTrue(c.lines().stream().noneMatch(l -> l.itemId().equals("E2") && l.component().startsWith("AWS WAF rules")));
    assertUsd("23.20", c.byService().get("AWS WAF"));                                  // 5 + 5 + 12 + 1.20
    assertTrue(a.assumptions().stream().anyMatch(x -> x.name().equals("AWS WAF rules per web ACL") && x.value().equals("collected")),
        a.assumptions()::toString);
    assertTrue(a.warnings().stream().noneMatch(w -> w.contains("rule(s) assumed")), a.warnings()::toString);
    // Bot Control is recorded and named, but the book has no price for it: said, not priced.
    assertTrue(a.warnings().stream().anyMatch(w -> w.contains("AWSManagedRulesBotControlRuleSet") && w.contains("not modelled")),
        a.warnings()::toString);
    assertTrue(a.warnings().stream().noneMatch(w -> w.contains("AWSManagedRulesCommonRuleSet")));
    // Cloud Armor gets the same 5 rules (still missing a price in the book)
    assertTrue(a.missingPrices().stream().anyMatch(m -> m.itemId().equals("E1")
        && m.component().equals("Cloud Armor rules (5 per policy, as collected for AWS WAF)")), a.missingPrices()::toString);
  }

  @Test
  void theOptionIsOnlyTheFallbackWhenTheRuleCountWasCollected() {
    Assessment a = model.assess(withCollectedWebAcl(), plan("e2-standard-2"),
        CostOptions.defaults().with("waf-rules-per-acl", "3"), CLOCK);
    assertUsd("5.00", line(a.current(), "E1", "AWS WAF rules (5 in web ACL shared, collected)")); // the fact wins over 3
    assertUsd("23.20", a.current().byService().get("AWS WAF"));
  }

  @Test
  void anUncollectedWebAclBesideACollectedOneIsAssumed() {
    Snapshot s = withCollectedWebAcl();
    List<Distribution> ds = new ArrayList<>();
    for (Distribution d : s.distributions()) {
      ds.add(!d.id().equals("E2") ? d : new Distribution(d.id(), d.domainName(), d.aliases(), d.enabled(), d.priceClass(),
          d.httpVersion(), d.origins(), d.defaultBehavior(), d.cacheBehaviors(), d.logging(), "classic-acl-id",
          d.geoRestriction(), d.geoLocations(), d.fieldLevelEncryption(), d.tags()));
    }
    Snapshot mixed = SnapshotBuilder.from(s).distributions(ds).collection(null).build();
    Assessment a = model.assess(mixed, plan("e2-standard-2"), CostOptions.defaults().with("waf-rules-per-acl", "2"), CLOCK);
    assertUsd("5.00", line(a.current(), "E1", "AWS WAF rules (5 in web ACL shared, collected)"));
    assertUsd("2.00", line(a.current(), "E2", "AWS WAF rules (2 per web ACL, assumed)"));           // 2 x 1.00
    assertUsd("30.20", a.current().byService().get("AWS WAF"));                                     // 2 x 5 + 5 + 2 + 12 + 1.20
    assertTrue(a.assumptions().stream().anyMatch(x -> x.name().equals("AWS WAF rules per web ACL")
        && x.value().equals("2 (assumed for 1 of 2 web ACLs; the others collected)")), a.assumptions()::toString);
  }

  @Test
  void wafRequestsGrowWithTraffic() {
    Assessment a = assess(CostOptions.defaults(), "e2-standard-2");
    RequestCosts.GrowthPoint x2 = a.requests().growth().stream()
        .filter(g -> g.trafficMultiple().compareTo(BigDecimal.valueOf(2)) == 0).findFirst().orElseThrow();
    Assessment no = model.assess(SmallEstate.snapshot(), SmallEstate.plan(), CostOptions.defaults(), CLOCK);
    RequestCosts.GrowthPoint x2Without = no.requests().growth().stream()
        .filter(g -> g.trafficMultiple().compareTo(BigDecimal.valueOf(2)) == 0).findFirst().orElseThrow();
    assertTrue(x2.awsMonthlyUsd().compareTo(x2Without.awsMonthlyUsd()) > 0, "WAF requests are a traffic-driven line");
  }

  @Test
  void cloudArmorIsPricedPerComponentAndMissingUntilTheBookHasIt() {
    Assessment a = assess(CostOptions.defaults(), "e2-standard-2");
    // No sourced Cloud Armor price: each component is listed missing (never priced at zero), the policy and
    // its rules once for the shared web ACL, the requests for each distribution.
    List<String> keys = a.missingPrices().stream().filter(m -> m.phase() == Phase.TARGET && m.priceKey().contains("cloud-armor"))
        .map(m -> m.itemId() + " " + m.priceKey()).toList();
    assertEquals(List.of("E1 gcp/cloud-armor/policy/global", "E1 gcp/cloud-armor/requests/global",
        "E1 gcp/cloud-armor/rule/global", "E2 gcp/cloud-armor/requests/global"), keys.stream().sorted().toList());
    assertTrue(a.target().lines().stream().noneMatch(l -> l.service().equals("Cloud Armor")));
  }

  @Test
  void windowsLicenceIsPerVmHourAndNotCoveredByCommitments() {
    Assessment a = assess(CostOptions.defaults(), "n2-highmem-2");
    assertUsd("67.16", line(a.target(), "i-004", "Windows Server licence (n2-highmem-2)"));  // 730 h x (2 vCPU x 0.046)
    Assessment cud = assess(CostOptions.builder().targetPricing(CostOptions.TargetPricing.CUD_3Y).build(), "n2-highmem-2");
    assertUsd("67.16", line(cud.target(), "i-004", "Windows Server licence (n2-highmem-2)")); // the licence stays on-demand
    // Shared-core machine types have their own rate: e2-micro 0.0115 per VM-hour.
    Assessment micro = assess(CostOptions.defaults(), "e2-micro");
    assertUsd("8.395", line(micro.target(), "i-004", "Windows Server licence (e2-micro)"));    // 730 h x 0.0115
    assertTrue(micro.missingPrices().stream().noneMatch(m -> m.priceKey().contains("windows-licence")));
  }
}
