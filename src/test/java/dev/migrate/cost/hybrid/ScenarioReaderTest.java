package dev.migrate.cost.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

  private static List<String> errors(String yaml, String... sets) {
    var e = assertThrows(ScenarioException.class, () -> ScenarioReader.parse(yaml, "bad.yaml", List.of(sets)));
    return e.errors().stream().map(dev.migrate.io.InputError::toString).toList();
  }

  @Test
  void reportsEveryProblemAtOnceWithFileLineAndColumn() {
    List<String> errors = errors("""
        name: broken
        timeline:
          start: 2027-13
          months: many
        migration: {startMonth: 1, lengthMonths: 3}
        waves:
          - name: web
            month: 5
            select: {tiers: [web, frontend]}
            doubleRun: 2
          - name: rest
            month: 1
            select: {rest: true}
        traffic: {growthPerMonthPct: [5]}
        pricing: {commitment: 5y}
        link: {type: dedicated-interconnect, capacityGbps: 10}
        network: {gkePodCidr: 10.4.0.0/33}
        colour: blue
        """);
    assertEquals(List.of(
        "bad.yaml:18:1: unknown field 'colour' in the scenario; expected one of cdn, description, link, migration, name, network, oneOff, pricing, rightsizing, shares, targetRegion, timeline, traffic, waves",
        "bad.yaml:3:10: 'start' must be a month written YYYY-MM, got '2027-13'",
        "bad.yaml:4:11: 'months' must be a whole number, got 'many'",
        "bad.yaml:10:5: unknown field 'doubleRun' in waves[0]; expected one of doubleRunWeeks, month, name, select",
        "bad.yaml:8:12: wave 'web' month 5 is not inside migration.lengthMonths 3 (wave months count from migration.startMonth: 0..2)",
        "bad.yaml:9:27: 'tiers' value 'frontend' is not one of: batch, cache, db, edge, lb, other, storage, web",
        "bad.yaml:12:12: wave 'rest' moves in month 1, before the wave above it (month 5); list waves in month order",
        "bad.yaml:14:30: 'growthPerMonthPct' must be a single value, got a list",
        "bad.yaml:15:23: 'commitment' is '5y', expected one of: 1y, 3y, none",
        "bad.yaml:17:23: 'gkePodCidr': '10.4.0.0/33' is not an IPv4 CIDR block (a.b.c.d/n, n 0..32)"), errors);
  }

  @Test
  void cumulativeSharesMustNotGoDownAndMustEndAtOne() {
    assertEquals(List.of(
        "bad.yaml:2:15: 'shares' is cumulative and must not go down: 0.3 after 0.5",
        "bad.yaml:2:20: the last share must be 1 (everything moved); it is 0.9"), errors("""
        migration: {lengthMonths: 4}
        shares: [0.5, 0.3, 0.9]
        """));
  }

  @Test
  void restMustBeTheLastWaveAndWavesNeedASelection() {
    assertEquals(List.of(
        "bad.yaml:2:36: wave 'rest' selects 'rest: true' but is not the last wave",
        "bad.yaml:3:5: wave 'web' has no 'select' (items, apps, roles, tiers, targetKinds, workloadKinds or rest: true)"),
        errors("""
        waves:
          - {name: rest, month: 0, select: {rest: true}}
          - name: web
            month: 1
        """));
  }

  @Test
  void notYamlIsOneErrorWithItsPlace() {
    List<String> errors = errors("waves: [\n  - a\n");
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).matches("bad\\.yaml:\\d+:\\d+: not valid YAML: .*"), errors.get(0));
  }

  @Test
  void setOverridesAValueAndNamesTheOptionInErrors() throws Exception {
    Scenario s = ScenarioReader.parse("""
        waves: [{name: all, month: 0, select: {rest: true}}]
        traffic: {growthPerMonthPct: 1}
        """, "ok.yaml", List.of("traffic.growthPerMonthPct=5", "waves.0.doubleRunWeeks=1", "timeline.start=2028-02",
        "link.tunnels=8"));
    assertEquals(5.0, s.traffic().growthPerMonthPct());
    assertEquals(1.0, s.waves().get(0).doubleRunWeeks());
    assertEquals(YearMonth.of(2028, 2), s.start());
    assertEquals(8, s.link().tunnels());
    assertEquals("ok", s.name());

    assertEquals(List.of(
        "--set traffic.growthPerMonthPct=fast: 'growthPerMonthPct' must be a number, got 'fast'",
        "--set colour=blue: unknown field 'colour' in the scenario; expected one of cdn, description, link, migration, name, network, oneOff, pricing, rightsizing, shares, targetRegion, timeline, traffic, waves",
        "--set waves.x.month=1: 'waves' is a list: address its items by index, e.g. waves.0",
        "--set nothing: expected key.path=value, e.g. --set traffic.growthPerMonthPct=5"),
        errors("waves: [{name: all, month: 0, select: {rest: true}}]\n", "traffic.growthPerMonthPct=fast",
            "colour=blue", "waves.x.month=1", "nothing").stream().sorted((a, b) -> 0).toList().stream()
            .sorted(java.util.Comparator.comparing((String e) -> e.startsWith("--set traffic") ? 0
                : e.startsWith("--set colour") ? 1 : e.startsWith("--set waves") ? 2 : 3)).toList());
  }

  @Test
  void shippedScenariosAreValid() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("sample-data/scenarios"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 3, files.toString());
    List<Scenario> scenarios = ScenarioReader.readAll(files, List.of());
    assertEquals(List.of("gke-replatform-waves", "lift-and-shift-fast", "replatform-3y-doubled"),
        scenarios.stream().map(Scenario::name).toList());
  }

  @Test
  void readAllRejectsTwoScenariosWithOneName(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.yaml"), "name: same\nwaves: [{name: w, month: 0, select: {rest: true}}]\n");
    Files.writeString(dir.resolve("b.yaml"), "name: same\nwaves: [{name: w, month: 0, select: {rest: true}}]\n");
    var e = assertThrows(ScenarioException.class,
        () -> ScenarioReader.readAll(List.of(dir.resolve("a.yaml"), dir.resolve("b.yaml")), List.of()));
    assertTrue(e.errors().get(0).message().contains("scenario name 'same' is used by another scenario"));
  }
}
