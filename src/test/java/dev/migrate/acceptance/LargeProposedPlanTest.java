package dev.migrate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.Window;
import dev.migrate.io.Yaml;
import dev.migrate.testing.Cli;
import dev.migrate.testing.SnapshotBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An estate whose proposed plan, written out, is larger than a scenario file may be (each wave lists its units by
 * id): {@code assess} still runs the plan and fills the hybrid months, and {@code whatif --propose-waves} writes the
 * file, runs the plan and says the file cannot be read back as it is.
 */
class LargeProposedPlanTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
  private static final Instant END = Instant.parse("2026-11-25T00:00:00Z");
  /**
   * Stand-alone instances, each a move unit: listed as {@code - 'i-...'} lines of 32 characters, 36,000 of them
   * take about 1.1 MiB, beyond the 1 MiB of a scenario file.
   */
  static final int INSTANCES = 36_000;

  @Test
  void aPlanLargerThanAScenarioFileStillRunsForAssessAndWhatif(@TempDir Path dir) throws Exception {
    Path snapshot = dir.resolve("large.json");
    SnapshotJson.write(estate(), snapshot);

    Cli.Run assess = Cli.run(CLOCK, "assess", "--snapshot", snapshot.toString(), "--out",
        dir.resolve("assess").toString(), "--format", "console");
    assertEquals(0, assess.code(), assess::toString);
    assertTrue(assess.out().contains("Hybrid months (proposed plan: 4 waves"), assess::toString);
    assertFalse(assess.err().contains("no hybrid months"), assess::toString);

    Path out = dir.resolve("whatif");
    Cli.Run whatif = Cli.run(CLOCK, "whatif", "--snapshot", snapshot.toString(), "--propose-waves", "4", "--out",
        out.toString(), "--format", "console");
    assertEquals(0, whatif.code(), whatif::toString);
    Path yaml = out.resolve("proposed-waves.yaml");
    assertTrue(Files.size(yaml) > Yaml.MAX_CHARS, () -> yaml + " is " + sizeOf(yaml) + " bytes");
    String text = Files.readString(yaml);
    assertEquals(INSTANCES, text.lines().filter(l -> l.startsWith("        - 'i-")).count(),
        "the file lists every unit once");
    // The plan ran: its row is in the comparison, and the note says why the file cannot be passed back.
    assertTrue(whatif.out().lines().anyMatch(l -> l.startsWith("proposed-waves ")), whatif::toString);
    assertTrue(whatif.err().contains("more than the " + Yaml.MAX_CHARS + " a scenario file may have"), whatif::toString);
    assertEquals(1, whatif.err().lines().filter(l -> l.contains("proposed-waves.yaml")).count(), whatif::toString);
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** One region, one VPC, stand-alone m5.large instances in 40 applications. */
  static Snapshot estate() {
    String region = "us-east-1";
    List<Ec2Instance> instances = new ArrayList<>(INSTANCES);
    for (int n = 0; n < INSTANCES; n++) {
      String app = "app" + (n % 40);
      instances.add(new Ec2Instance(String.format(Locale.ROOT, "i-%017x", 0x5000_0000L + n), region, region + "a",
          "m5.large", "running", "linux", "x86_64", Instant.parse("2025-03-01T00:00:00Z"), null, null, "vpc-large",
          null, List.of(), false, Map.of("app", app, "role", n % 3 == 0 ? "batch" : "web")));
    }
    return SnapshotBuilder.snapshot(new Account("481516234200", "large"), END, Window.ofDays(END, 30))
        .regions(List.of(region))
        .vpcs(List.of(new Vpc("vpc-large", region, List.of("10.0.0.0/16"), false)))
        .instances(instances)
        .build();
  }
}
