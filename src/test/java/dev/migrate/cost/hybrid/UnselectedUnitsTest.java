package dev.migrate.cost.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine.Driver;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.Phase;
import dev.migrate.cost.Timeline;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warning about units no wave selects counts them and names the first five, item selectors included. */
class UnselectedUnitsTest {

  static Assessment twelveInstances() {
    List<Ec2Instance> instances = new ArrayList<>();
    List<Mapping> mappings = new ArrayList<>();
    List<CostLine> lines = new ArrayList<>();
    for (int n = 0; n < 12; n++) {
      String id = String.format(Locale.ROOT, "i-%02d", n);
      String role = n % 3 == 0 ? "cron" : "worker";
      instances.add(Estates.instance(id, null, Map.of("app", "app", "role", role)));
      mappings.add(Estates.mapping(id, ItemKind.EC2_INSTANCE,
          new Target.ComputeEngineVm("n2-standard-2", "x86_64", "linux", true, Estates.GCP)));
      lines.add(Estates.machine(Phase.CURRENT, id, "app", "Amazon EC2", "instance hours", "730", "hour",
          "aws/ec2/m5.large/" + Estates.REGION, "0.1", Driver.COMPUTE_ON_DEMAND, "m5.large"));
    }
    var s = Estates.snapshot(instances, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    return Estates.assessment(s, mappings, lines, 0);
  }

  private static List<String> project(String waves) throws ScenarioException {
    Scenario sc = ScenarioReader.parse("timeline: {start: 2027-01, months: 4}\nmigration: {startMonth: 1, lengthMonths: 2}\n"
        + waves, "t.yaml", List.of());
    Timeline t = TimelineEngine.project(HybridModel.of(twelveInstances()), sc);
    return t.warnings().stream().filter(w -> w.contains("selected by no wave")).toList();
  }

  @Test
  void itemSelectorsTakeUnitsOutOfTheirClass() throws Exception {
    List<String> w = project("waves:\n  - {name: two, month: 0, select: {items: [i-01, i-04]}}\n");
    assertEquals(1, w.size(), w.toString());
    assertEquals(true, w.get(0).startsWith("10 unit(s) are selected by no wave"), w.get(0));
    assertEquals(true, w.get(0).endsWith(": i-00, i-02, i-03, i-05, i-06, ..."), w.get(0));
  }

  @Test
  void firstFiveAcrossClassesInIdOrder() throws Exception {
    // Roles split the units into two classes (cron: 0, 3, 6, 9; worker: the rest); the worker class moves.
    List<String> w = project("waves:\n  - {name: workers, month: 0, select: {roles: [worker]}}\n");
    assertEquals(1, w.size(), w.toString());
    assertEquals(true, w.get(0).startsWith("4 unit(s) are selected by no wave"), w.get(0));
    assertEquals(true, w.get(0).endsWith(": i-00, i-03, i-06, i-09"), w.get(0));
    List<String> none = project("waves:\n  - {name: few, month: 0, select: {items: [i-11]}}\n");
    assertEquals(true, none.get(0).startsWith("11 unit(s) are selected by no wave"), none.get(0));
    assertEquals(true, none.get(0).endsWith(": i-00, i-01, i-02, i-03, i-04, ..."), none.get(0));
  }
}
