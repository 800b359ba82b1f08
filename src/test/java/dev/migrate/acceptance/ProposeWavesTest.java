package dev.migrate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.cost.hybrid.Scenario;
import dev.migrate.cost.hybrid.ScenarioReader;
import dev.migrate.testing.Cli;
import dev.migrate.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate whatif --propose-waves N} on the sample estate (which has flow logs): the scenario it
 * writes is valid, keeps each measured application group in one wave (or splits one by tier when it is
 * larger than a wave may be, and says so), and runs; bad N is a one-line usage error.
 */
class ProposeWavesTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void proposeFourWavesOnTheSampleWritesAScenarioThatReadsAndRuns(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    Cli.Run r = Cli.run(CLOCK, "whatif", "--sample", "--propose-waves", "4", "--out", out.toString(), "--format", "json");
    assertEquals(0, r.code(), r::toString);
    Path yaml = out.resolve("proposed-waves.yaml");
    assertTrue(r.out().contains("proposed waves written to " + yaml), r::toString);
    assertTrue(r.out().startsWith("proposed plan: 4 waves, application groups measured from flow logs"), r::toString);
    Golden.check("whatif/proposed-waves-sample.yaml", Files.readString(yaml));

    List<Scenario> read = ScenarioReader.readAll(List.of(yaml), List.of());
    Scenario s = read.get(0);
    assertEquals("proposed-waves", s.name());
    assertEquals(4, s.waves().size());
    assertEquals("wave-1-storage-and-edge", s.waves().get(0).name());
    assertTrue(s.waves().get(3).select().rest(), "the last wave takes anything not listed");
    // Every listed item is listed once.
    Set<String> seen = new HashSet<>();
    List<String> twice = new ArrayList<>();
    s.waves().forEach(w -> w.select().items().forEach(i -> {
      if (!seen.add(i)) {
        twice.add(i);
      }
    }));
    assertTrue(twice.isEmpty(), twice::toString);

    // The file runs as a scenario of its own, next to a shipped one.
    Cli.Run again = Cli.run(CLOCK, "whatif", "--sample", "--scenario", yaml.toString(), "--scenario",
        "sample-data/scenarios/gke-replatform-waves.yaml", "--out", dir.resolve("again").toString(), "--format", "json");
    assertEquals(0, again.code(), again::toString);
    assertTrue(again.out().contains("proposed-waves "), again::toString);
    assertFalse(again.err().contains("selects nothing"), again::toString);
  }

  /** assess without --scenario runs the proposed plan: the hybrid block is filled and says it is proposed. */
  @Test
  void assessSampleFillsTheHybridMonthsWithTheProposedPlan(@TempDir Path dir) throws Exception {
    Cli.Run r = Cli.run(CLOCK, "assess", "--sample", "--out", dir.toString(), "--format", "json,console");
    assertEquals(0, r.code(), r::toString);
    assertTrue(r.out().contains("Hybrid months (proposed plan: 4 waves"), r::toString);
    assertFalse(Files.exists(dir.resolve("proposed-waves.yaml")), "assess runs the plan, it does not write it");
    com.fasterxml.jackson.databind.JsonNode hybrid;
    try (var files = Files.list(dir)) {
      Path json = files.filter(p -> p.getFileName().toString().startsWith("assessment-")).findFirst().orElseThrow();
      hybrid = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile()).get("hybrid");
    }
    assertEquals("proposed-waves", hybrid.get("scenario").asText());
    assertTrue(hybrid.get("description").asText().startsWith("proposed plan: 4 waves, application groups measured"),
        hybrid::toString);
    assertFalse(hybrid.get("peakMonth").isNull(), hybrid::toString);
    assertTrue(hybrid.get("oneOffUsd").decimalValue().signum() > 0, hybrid::toString);
    assertFalse(hybrid.get("paybackMonths").isNull(), hybrid::toString);
  }

  /**
   * The proposed plan runs as a value, but --set still applies to it as to a file: with no data transfer priced
   * its one-off cost is zero, a wave's double running can be changed by index, and a bad value names the option.
   */
  @Test
  void setOverridesApplyToTheProposedPlan(@TempDir Path dir) throws Exception {
    Cli.Run r = Cli.run(CLOCK, "whatif", "--sample", "--propose-waves", "4", "--out", dir.toString(), "--format", "json",
        "--set", "oneOff.dataTransfer=false", "--set", "waves.3.doubleRunWeeks=30");
    assertEquals(0, r.code(), r::toString);
    com.fasterxml.jackson.databind.JsonNode a;
    try (var files = Files.list(dir)) {
      Path json = files.filter(p -> p.getFileName().toString().startsWith("assessment-")).findFirst().orElseThrow();
      a = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
    }
    assertEquals("proposed-waves", a.get("hybrid").get("scenario").asText());
    assertEquals(0, a.get("hybrid").get("oneOffUsd").decimalValue().signum(), a.get("hybrid")::toString);
    // The last wave lands in month 4; 30 weeks (5,040 h = 6.9 months of 730 h) of double running keep AWS running
    // into month 10 and not in month 11.
    var months = a.get("timelines").get(0).get("months");
    assertTrue(months.get(10).get("awsUsd").decimalValue().signum() > 0, months.get(10)::toString);
    assertEquals(0, months.get(11).get("awsUsd").decimalValue().signum(), months.get(11)::toString);

    Cli.Run bad = Cli.run(CLOCK, "whatif", "--sample", "--propose-waves", "4", "--out", dir.resolve("bad").toString(),
        "--format", "json", "--set", "waves.0.month=zero");
    assertEquals(3, bad.code(), bad::toString);
    assertTrue(bad.err().contains("--set waves.0.month=zero"), bad::toString);
  }

  @Test
  void badWaveCountsAreOneLineUsageErrors(@TempDir Path dir) {
    for (String[] args : List.of(
        new String[] {"--propose-waves", "0"},
        new String[] {"--propose-waves", "13"},
        new String[] {"--propose-waves", "four"},
        new String[] {"--max-wave-units", "5"},
        new String[] {"--propose-waves", "3", "--max-wave-units", "0"})) {
      List<String> all = new ArrayList<>(List.of("whatif", "--sample", "--out", dir.toString()));
      all.addAll(List.of(args));
      Cli.Run r = Cli.run(CLOCK, all.toArray(String[]::new));
      assertEquals(2, r.code(), r::toString);
      String first = r.err().lines().findFirst().orElse("");
      assertTrue(first.contains(args[args.length - 2]), () -> String.join(" ", args) + ": " + r);
      assertTrue(r.err().lines().skip(1).allMatch(l -> l.startsWith("Try ")), r::toString); // at most the help hint
      assertFalse(r.err().contains("Exception"), r::toString);
      assertFalse(Files.exists(dir.resolve("proposed-waves.yaml")), "nothing written");
    }
  }
}
