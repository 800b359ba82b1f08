package dev.migrate.cost.hybrid;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine.Driver;
import dev.migrate.cost.Phase;
import dev.migrate.cost.Timeline;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The what-if reads tags as the rules do: keys ignoring case. */
class TagCaseTest {
  @Test
  void aRoleTagInAnyCaseIsTheUnitsRole() throws Exception {
    var host = Estates.instance("i-1", null, Map.of("ROLE", "web"));
    var s = Estates.snapshot(List.of(host), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    Assessment a = Estates.assessment(s, List.of(Estates.mapping("i-1", ItemKind.EC2_INSTANCE,
            new Target.ComputeEngineVm("e2-standard-2", "x86_64", "linux", true, Estates.GCP))),
        List.of(Estates.machine(Phase.CURRENT, "i-1", "shop", "Amazon EC2", "instance hours", "730", "hour",
                "aws/ec2/m5.large/" + Estates.REGION, "0.1", Driver.COMPUTE_ON_DEMAND, "m5.large"),
            Estates.machine(Phase.TARGET, "i-1", "shop", "Compute Engine", "VM hours", "730", "hour",
                "gcp/compute/e2-standard-2:ondemand/" + Estates.GCP, "0.05", Driver.COMPUTE_ON_DEMAND, "e2-standard-2")),
        0);
    // A wave selecting role 'web' finds the host tagged ROLE=web (it used to select nothing, an error).
    Timeline t = TimelineEngine.project(HybridModel.of(a), ScenarioReader.parse("""
        timeline: {start: 2027-01, months: 3}
        migration: {startMonth: 1, lengthMonths: 1, doubleRunWeeks: 0}
        waves:
          - {name: web, month: 0, select: {roles: [web]}}
        """, "test.yaml", List.of()));
    assertUsd("36.5", t.months().get(2).gcpUsd(), "the host moved with the role's wave");
    assertEquals(0, t.months().get(2).awsUsd().signum());
  }
}
