package dev.migrate.cli;

import dev.migrate.testing.Cli;
import dev.migrate.testing.Cli.Run;
import static dev.migrate.testing.Cli.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
  @TempDir
  Path tmp;



  @Test
  void shippedRulesValidate() {
    Run r = run("rules", "validate");
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(r.out().matches("rules OK: \\d+ rules in 4 files \\(built-in\\)\\n"), r.out());
  }

  @Test
  void shippedRulesDirectoryValidatesToo() {
    Run r = run("rules", "validate", "rules");
    assertEquals(ExitCode.OK, r.code(), r.err());
  }

  @Test
  void invalidRulesPrintEveryErrorAsFileLineColAndExitWithInvalidInput() {
    Run r = run("rules", "validate", "src/test/resources/rules-broken/bad-condition");
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    List<String> lines = r.err().lines().toList();
    assertEquals("migrate: rules are invalid (6 errors); fix them and run 'migrate rules validate' again:", lines.get(0));
    assertEquals(7, lines.size(), r.err());
    String file = Path.of("src/test/resources/rules-broken/bad-condition/rules.yaml").toString();
    for (String line : lines.subList(1, 7)) {
      assertTrue(line.matches(java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: bad condition: .*"), line);
    }
    assertEquals("", r.out());
  }

  @Test
  void eachErrorClassExitsWithInvalidInput() {
    for (String dir : List.of("unknown-field", "unknown-target", "bad-condition", "duplicate-id", "unreachable",
        "api-version", "syntax")) {
      Run r = run("rules", "validate", "src/test/resources/rules-broken/" + dir);
      assertEquals(ExitCode.INVALID_INPUT, r.code(), dir);
      assertTrue(r.err().lines().skip(1).allMatch(l -> l.matches("src/test/resources/rules-broken/" + dir + "/\\w+\\.yaml:\\d+:\\d+: .+")),
          r.err());
    }
  }

  @Test
  void missingDirectoryIsInvalidInput() {
    Run r = run("rules", "validate", tmp.resolve("nope").toString());
    assertEquals(ExitCode.INVALID_INPUT, r.code());
    assertTrue(r.err().contains(tmp.resolve("nope") + ": no such directory"), r.err());
  }

  private Path snapshot() throws Exception {
    Path file = tmp.resolve("snapshot.json");
    SnapshotJson.write(dev.migrate.rules.TestEstateAccess.small(), file);
    return file;
  }

  @Test
  void explainShowsTheWinnerTheLosersAndWhy() throws Exception {
    Run r = run("rules", "explain", "i-api1", "--snapshot", snapshot().toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("ec2-instance i-api1 (api-1)\n"), r.out());
    assertTrue(r.out().contains("  WON     ec2-standalone (priority 100, rules/compute.yaml:"), r.out());
    assertTrue(r.out().contains("  no      ec2-asg-member (priority 900, rules/compute.yaml:"), r.out());
    assertTrue(r.out().contains("      - inAutoScalingGroup eq true (is false)"), r.out());
    assertTrue(r.out().contains("result: Compute Engine -> n2-standard-2 x86_64 linux in asia-northeast1"), r.out());
  }

  @Test
  void explainOfAnAuroraPostgresqlClusterShowsBothItsRules() throws Exception {
    Path file = tmp.resolve("databases.json");
    SnapshotJson.write(dev.migrate.rules.TestEstateAccess.databases(), file);
    Run r = run("rules", "explain", "audit-apg", "--snapshot", file.toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(r.out().startsWith("aurora-cluster audit-apg\n"), r.out());
    assertTrue(r.out().contains("  WON     aurora-postgresql-cloud-sql (priority 150, rules/databases.yaml:"), r.out());
    assertTrue(r.out().contains("  matched aurora-postgresql-alloydb (priority 100, rules/databases.yaml:"), r.out());
    assertTrue(r.out().contains("result: Cloud SQL for PostgreSQL -> postgres enterprise 1 vCPU 3.75 GiB"), r.out());
    Run other = run("rules", "explain", "payments-apg", "--snapshot", file.toString());
    assertEquals(ExitCode.OK, other.code(), other.err());
    assertTrue(other.out().contains("  WON     aurora-postgresql-alloydb"), other.out());
    assertTrue(other.out().contains("      - none of: tag:MigrationTarget eq cloud-sql (is unknown); writerVcpu le 2 (is 8)"),
        other.out());
  }

  @Test
  void explainShowsAMatchingRuleThatLost() throws Exception {
    Run r = run("rules", "explain", "i-arm1", "--snapshot", snapshot().toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(r.out().contains("WON     ec2-graviton"), r.out());
    assertTrue(r.out().contains("matched ec2-standalone"), r.out());
    assertTrue(r.out().contains("(matched, but 'ec2-graviton' wins"), r.out());
  }

  @Test
  void explainWithRegionOverrideAndAsIs() throws Exception {
    Run r = run("rules", "explain", "i-api1", "--snapshot", snapshot().toString(), "--region-map",
        "ap-northeast-1=asia-east1", "--rightsizing", "as-is");
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(r.out().contains("result: Compute Engine -> n2-standard-4 x86_64 linux in asia-east1"), r.out());
  }

  @Test
  void explainUnknownItemIsAUsageError() throws Exception {
    Run r = run("rules", "explain", "i-nope", "--snapshot", snapshot().toString());
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().startsWith("migrate: no item 'i-nope' in "), r.err());
  }

  @Test
  void badRegionMapIsAUsageError() throws Exception {
    Run r = run("rules", "explain", "i-api1", "--snapshot", snapshot().toString(), "--region-map", "tokyo");
    assertEquals(ExitCode.USAGE, r.code());
    assertTrue(r.err().contains("--region-map 'tokyo': expected AWS-REGION=GCP-REGION"), r.err());
  }

  @Test
  void userRulesExtendAndOverrideShippedRulesById() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("my-rules"));
    Files.writeString(dir.resolve("mine.yaml"), """
        apiVersion: migrate.rules/v1
        rules:
          - id: ec2-standalone
            description: our standalone VMs stay on E2
            priority: 100
            match: {kind: ec2-instance}
            target: {type: compute-engine}
            sizing: {series: [e2]}
            effort: rehost
        """);
    Run r = run("rules", "explain", "i-api1", "--snapshot", snapshot().toString(), "--rules", dir.toString());
    assertEquals(ExitCode.OK, r.code(), r.err());
    assertTrue(r.out().contains("WON     ec2-standalone (priority 100, " + dir.resolve("mine.yaml") + ":3:9)"), r.out());
    assertTrue(r.out().contains("result: Compute Engine -> e2-"), r.out());
    Run replaced = run("rules", "explain", "vol-api-db", "--snapshot", snapshot().toString(), "--rules", dir.toString(),
        "--replace-rules");
    assertEquals(ExitCode.OK, replaced.code(), replaced.err());
    assertTrue(replaced.out().contains("result: unmapped: no rule for kind ebs-volume"), replaced.out());
    Run only = run("rules", "explain", "vol-api-db", "--snapshot", snapshot().toString(), "--rules", dir.toString(),
        "--rules-only");
    assertEquals(replaced, only, "--replace-rules is the earlier name of --rules-only");
    assertTrue(!run("rules", "explain", "--help").out().contains("--replace-rules"), "the earlier name is not advertised");
  }

  @Test
  void helpWorks() {
    Run r = run("rules", "validate", "--help");
    assertEquals(ExitCode.OK, r.code());
    assertTrue(r.out().contains("file:line:col"), r.out());
  }
}
