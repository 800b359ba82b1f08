package dev.migrate.acceptance;

import static dev.migrate.testing.ThreeAccountEstate.A;
import static dev.migrate.testing.ThreeAccountEstate.B;
import static dev.migrate.testing.ThreeAccountEstate.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.inventory.EstateManifest;
import dev.migrate.inventory.EstateManifestJson;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Window;
import dev.migrate.testing.Cli;
import dev.migrate.testing.SnapshotBuilder;
import dev.migrate.testing.ThreeAccountEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code assess --snapshot DIR}, several {@code --snapshot} options and {@code --account}, through the command line,
 * on an estate of three accounts whose names collide ({@link ThreeAccountEstate}).
 */
class EstateAssessTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  private JsonNode assess(String... args) throws Exception {
    Path out = tmp.resolve("out-" + System.nanoTime());
    List<String> all = new ArrayList<>(List.of("assess", "--format", "json", "--out", out.toString()));
    all.addAll(List.of(args));
    Cli.Run r = Cli.run(CLOCK, all.toArray(String[]::new));
    assertEquals(0, r.code(), r.toString());
    try (var files = Files.list(out)) {
      Path json = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
      return new ObjectMapper().readTree(json.toFile());
    }
  }

  private static List<String> ids(JsonNode mappings, String kind) {
    List<String> out = new ArrayList<>();
    mappings.forEach(m -> {
      if (kind.equals(m.path("kind").asText())) {
        out.add(m.path("itemId").asText());
      }
    });
    return out;
  }

  @Test
  void aFolderOfThreeAccountsIsOnePlanWithCollidingNamesQualified() throws Exception {
    ThreeAccountEstate.write(tmp.resolve("estate"));
    JsonNode j = assess("--snapshot", tmp.resolve("estate").toString());
    JsonNode mappings = j.path("mappings");
    assertEquals(List.of("web@" + A, "web@" + B), ids(mappings, "auto-scaling-group"), mappings.toString());
    assertTrue(ids(mappings, "load-balancer").containsAll(List.of("web@" + A, "web@" + B, ThreeAccountEstate.ALB_ARN)));
    assertTrue(ids(mappings, "rds-instance").containsAll(List.of("orders@" + A, "orders@" + B)), mappings.toString());
    assertTrue(ids(mappings, "aurora-cluster").containsAll(List.of("main@" + B, "main@" + C)), mappings.toString());
    // 2 + 1 + 1 instances: none lost, none merged.
    assertEquals(4, ids(mappings, "ec2-instance").size(), mappings.toString());
    // The denied ElastiCache of 222222222222 stays a gap that names its account.
    assertTrue(j.path("gaps").toString().contains("account " + B), j.path("gaps").toString());
  }

  @Test
  void twoSnapshotOptionsGiveTheSameAssessmentAsTheirFolder() throws Exception {
    List<Path> files = ThreeAccountEstate.write(tmp.resolve("estate"));
    JsonNode folder = assess("--snapshot", tmp.resolve("estate").toString());
    JsonNode options = assess("--snapshot", files.get(2).toString(), "--snapshot", files.get(0).toString(),
        "--snapshot", files.get(1).toString());
    assertEquals(folder, options);
  }

  @Test
  void accountScopesTheRunToOneAccountExactlyAsItsOwnSnapshot() throws Exception {
    List<Path> files = ThreeAccountEstate.write(tmp.resolve("estate"));
    JsonNode scoped = assess("--snapshot", tmp.resolve("estate").toString(), "--account", B);
    JsonNode alone = assess("--snapshot", files.get(1).toString());
    assertEquals(alone, scoped);
    assertEquals(List.of("web"), ids(scoped.path("mappings"), "auto-scaling-group"));
  }

  @Test
  void anAccountNotInTheEstateIsOneUsageLineListingTheAccounts() throws Exception {
    ThreeAccountEstate.write(tmp.resolve("estate"));
    Cli.Run r = Cli.run(CLOCK, "assess", "--snapshot", tmp.resolve("estate").toString(), "--account", "999999999999",
        "--out", tmp.resolve("out").toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("--account 999999999999: no such account in the estate; its accounts are "
        + A + ", " + B + ", " + C), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void theSameAccountTwiceIsRefusedNamingBothFiles() throws Exception {
    List<Path> files = ThreeAccountEstate.write(tmp.resolve("estate"));
    Path copy = Files.copy(files.get(0), tmp.resolve("copy.json"));
    Cli.Run r = Cli.run(CLOCK, "assess", "--snapshot", files.get(0).toString(), "--snapshot", copy.toString(),
        "--out", tmp.resolve("out").toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("account " + A + " is given twice (" + files.get(0) + " and " + copy + ")"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void windowsThatDoNotOverlapAreRefusedNamingTheFiles() throws Exception {
    List<Path> files = ThreeAccountEstate.write(tmp.resolve("estate"));
    var old = SnapshotBuilder.from(SnapshotJson.read(files.get(2)))
        .window(Window.ofDays(Instant.parse("2026-06-01T00:00:00Z"), 30)).build();
    SnapshotJson.write(old, files.get(2));
    Cli.Run r = Cli.run(CLOCK, "assess", "--snapshot", tmp.resolve("estate").toString(),
        "--out", tmp.resolve("out").toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("do not overlap") && r.err().contains(files.get(2).toString()), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void aManifestsFailedAccountIsAGapWhileTheOthersAreAssessed() throws Exception {
    Path dir = tmp.resolve("org");
    List<Path> files = ThreeAccountEstate.write(dir);
    Files.delete(files.get(2));
    EstateManifestJson.write(EstateManifest.of("o-abc123", A, ThreeAccountEstate.COLLECTED,
        EstateManifest.BILL_CONSOLIDATED, List.of(
            EstateManifest.AccountEntry.collected(A, "shared-services", null),
            EstateManifest.AccountEntry.collected(B, "prod", null),
            EstateManifest.AccountEntry.failed(C, "data", null, "AccessDenied", "not authorized to perform sts:AssumeRole"),
            EstateManifest.AccountEntry.skipped("444444444444", "closed", null, "status SUSPENDED"))), dir.resolve(EstateManifest.FILE_NAME));
    JsonNode j = assess("--snapshot", dir.toString());
    assertTrue(j.path("gaps").toString().contains("account " + C + " (data) was not collected: not authorized to "
        + "perform sts:AssumeRole"), j.path("gaps").toString());
    assertEquals(A, j.path("account").path("id").asText());
    assertEquals(3, ids(j.path("mappings"), "ec2-instance").size());
    assertTrue(ids(j.path("mappings"), "auto-scaling-group").contains("web@" + B));

    Cli.Run r = Cli.run(CLOCK, "assess", "--snapshot", dir.toString(), "--account", C, "--out",
        tmp.resolve("out").toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("--account " + C + ": this account was not collected (AccessDenied: not authorized"),
        r.err());
  }

  @Test
  void aManifestNamingAMissingSnapshotSaysHowToCollectIt() throws Exception {
    Path dir = tmp.resolve("org");
    List<Path> files = ThreeAccountEstate.write(dir);
    Files.delete(files.get(1));
    EstateManifestJson.write(EstateManifest.of(null, null, ThreeAccountEstate.COLLECTED, null, List.of(
        EstateManifest.AccountEntry.collected(A, null, null),
        EstateManifest.AccountEntry.collected(B, null, null))),
        dir.resolve(EstateManifest.FILE_NAME));
    Cli.Run r = Cli.run(CLOCK, "assess", "--snapshot", dir.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("account " + B + " is listed as collected into " + B + ".json, which is not in"),
        r.err());
  }

  @Test
  void whatifTakesTheSameEstateInputs() throws Exception {
    ThreeAccountEstate.write(tmp.resolve("estate"));
    Cli.Run r = Cli.run(CLOCK, "whatif", "--snapshot", tmp.resolve("estate").toString(), "--scenario",
        Path.of("sample-data/scenarios/lift-and-shift-fast.yaml").toString(), "--format", "json", "--out",
        tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("lift-and-shift-fast"), r.out());
    JsonNode j = new ObjectMapper().readTree(tmp.resolve("out").resolve("assessment-" + A + "-2026-11-25.json")
        .toFile());
    assertEquals(1, j.path("timelines").size());
    assertEquals(4, j.path("accounts").path("rows").size(), "three accounts and the shared row");
  }

  @Test
  void anonymizingAnEstateHidesEveryAccountIdAndName() throws Exception {
    ThreeAccountEstate.write(tmp.resolve("estate"));
    Path out = tmp.resolve("anon");
    Cli.Run r = Cli.run(CLOCK, "assess", "--snapshot", tmp.resolve("estate").toString(), "--anonymize",
        "--format", "json,csv,console", "--out", out.toString());
    assertEquals(0, r.code(), r.toString());
    StringBuilder all = new StringBuilder(r.out());
    try (var files = Files.list(out)) {
      for (Path f : files.toList()) {
        all.append(Files.readString(f));
      }
    }
    for (String secret : List.of(A, B, C, "acme-prod", "acme-shared")) {
      assertFalse(all.toString().contains(secret), secret + " is not in the anonymized outputs");
    }
  }

  @Test
  void anEmptyFolderSaysWhatToGive() {
    Cli.Run r = Cli.run(CLOCK, "assess", "--snapshot", tmp.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.err().contains("no snapshot (*.json) in this folder"), r.err());
  }
}
