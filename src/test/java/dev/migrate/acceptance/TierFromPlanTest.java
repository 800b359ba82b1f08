package dev.migrate.acceptance;

import dev.migrate.testing.SnapshotBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.app.Costing;
import dev.migrate.app.Planning;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostOptions;
import dev.migrate.cost.hybrid.HybridModel;
import dev.migrate.inventory.Account;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Window;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The what-if takes an item's tier from the plan, so the two agree whatever the item is called. */
class TierFromPlanTest {
  static final String TOKYO = "ap-northeast-1";

  static Ec2Instance host(String id, String name) {
    return new Ec2Instance(id, TOKYO, TOKYO + "a", "r5.large", "running", "linux", "x86_64",
        Instant.parse("2026-01-01T00:00:00Z"), null, null, "vpc-1", null, List.of(), true, Map.of("Name", name));
  }

  @Test
  void aHostMatchedOnlyByPort6379IsACacheInThePlanAndInTheWhatIf() {
    // No cache word in its name or tags: only the port a load balancer sends it traffic on says redis.
    var cache = host("i-0000000000000007", "app-7");
    var web = host("i-0000000000000008", "app-8");
    var lb = new LoadBalancer("kv", "kv", TOKYO, LoadBalancerType.CLASSIC, "internal", "kv.elb.amazonaws.com", "vpc-1",
        List.of(TOKYO + "a"), null, List.of(new LoadBalancer.Listener("TCP", 6379, 6379, List.of(), List.of())),
        List.of(), List.of(cache.id()), null, Map.of());
    var front = new LoadBalancer("front", "front", TOKYO, LoadBalancerType.CLASSIC, "internet-facing",
        "front.elb.amazonaws.com", "vpc-1", List.of(TOKYO + "a"), null,
        List.of(new LoadBalancer.Listener("HTTP", 80, 8080, List.of(), List.of())), List.of(), List.of(web.id()), null,
        Map.of());
    Snapshot s = SnapshotBuilder.snapshot(new Account("111122223333", "test"), Instant.parse("2026-11-25T00:10:00Z"),
            Window.ofDays(Instant.parse("2026-11-25T00:00:00Z"), 30))
        .regions(List.of(TOKYO)).instances(List.of(cache, web)).loadBalancers(List.of(lb, front)).build();

    MigrationPlan plan = Planning.plan(s, Planning.PlanRequest.defaults());
    Mapping m = plan.mappings().stream().filter(x -> x.itemId().equals(cache.id())).findFirst().orElseThrow();
    assertEquals("ec2-cache-host", m.ruleId(), "the rule that matched on port 6379");
    assertEquals("StatefulSet", ((Target.GkeWorkload) m.target()).workloadKind());
    assertEquals("cache", m.tier(), "the plan's tier");

    Assessment a = Costing.assess(s, plan, Costing.priceBook(null), CostOptions.defaults(), SampleEstate.CLOCK);
    HybridModel model = HybridModel.of(a);
    assertEquals("cache", model.tierOf(model.unitOf(cache.id())), "the what-if's tier (was 'web': behind a load balancer)");
    assertEquals("web", model.tierOf(model.unitOf(web.id())), "a plain VM behind a load balancer");
  }
}
