package dev.migrate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every error class of rule files gives file:line:col: message, and all errors come at once. */
class RuleErrorsTest {
  private static final String DIR = "src/test/resources/rules-broken/";

  private static List<String> errors(String dir) {
    RulesException e = assertThrows(RulesException.class, () -> RuleLoader.fromDirectory(Path.of(DIR + dir)));
    return e.lines();
  }

  private static String file(String dir, String name) {
    return Path.of(DIR + dir, name).toString();
  }

  @Test
  void unknownFieldsAreAllReportedAtTheirKeys() {
    String f = file("unknown-field", "rules.yaml");
    assertEquals(List.of(
        f + ":5:5: unknown field 'priorty' in rule; expected one of id, description, priority, match, target, sizing, effort, notes, warnings, blockers",
        f + ":8:7: unknown field 'al' in match; expected one of kind, tags, all, any",
        f + ":10:35: unknown field 'storageClass' in target cloud-storage; expected one of type, location, classMap"),
        errors("unknown-field"));
  }

  @Test
  void unknownTargetTypeAndTargetThatDoesNotFitTheKind() {
    String f = file("unknown-target", "rules.yaml");
    List<String> e = errors("unknown-target");
    assertEquals(2, e.size());
    assertTrue(e.get(0).startsWith(f + ":7:13: unknown target type 'cloud-run'; expected one of gke-workload,"), e.get(0));
    assertEquals(f + ":12:20: target type 'persistent-disk' cannot take a s3-bucket; it fits ebs-volume", e.get(1));
  }

  @Test
  void badConditionsNameAttributeOperatorAndType() {
    String f = file("bad-condition", "rules.yaml");
    List<String> e = errors("bad-condition");
    assertEquals(6, e.size(), String.join("\n", e));
    assertTrue(e.get(0).startsWith(f + ":7:18: bad condition: unknown attribute 'cpuP99Pct' for ec2-instance; known: id,"));
    assertTrue(e.get(1).startsWith(f + ":8:33: bad condition: unknown operator 'below'; expected one of eq, ne, in"));
    assertEquals(f + ":9:44: bad condition: cpuP95Pct (number) lt needs a number, found the string 'forty'", e.get(2));
    assertEquals(f + ":10:29: bad condition: state (string) gt compares numbers; state is string", e.get(3));
    assertEquals(f + ":11:44: bad condition: name (string) matches has an invalid regular expression: missing closing ] at '['",
        e.get(4));
    assertEquals(f + ":12:53: bad condition: inAutoScalingGroup (boolean) eq needs true or false, found the string 'yes'",
        e.get(5));
  }

  @Test
  void duplicateIdNamesBothPlaces() {
    assertEquals(List.of(file("duplicate-id", "b.yaml") + ":7:9: duplicate rule id 'buckets': also defined at "
        + file("duplicate-id", "a.yaml") + ":3:9"), errors("duplicate-id"));
  }

  @Test
  void unreachableRulesNameTheRuleThatShadowsThem() {
    String f = file("unreachable", "rules.yaml");
    assertEquals(List.of(
        f + ":9:9: rule 'windows-instances' is unreachable: rule 'all-instances' (" + f + ":3:9, priority 100) matches "
            + "every ec2-instance it matches and wins (priority 50); raise its priority or narrow 'all-instances'",
        f + ":24:9: rule 'web-by-tag-copy' is unreachable: rule 'web-by-tag' (" + f + ":17:9, priority 200) matches "
            + "every ec2-instance it matches and wins (priority 200, defined later); raise its priority or narrow 'web-by-tag'"),
        errors("unreachable"));
  }

  @Test
  void wrongApiVersion() {
    assertEquals(List.of(file("api-version", "rules.yaml")
        + ":1:13: unsupported apiVersion 'migrate.rules/v2' (this version of migrate reads 'migrate.rules/v1')"),
        errors("api-version"));
  }

  @Test
  void yamlSyntaxErrorHasAPosition() {
    List<String> e = errors("syntax");
    assertEquals(1, e.size());
    assertTrue(e.get(0).startsWith(file("syntax", "rules.yaml") + ":5:11: not valid YAML: while parsing a flow mapping"), e.get(0));
  }

  @Test
  void missingRequiredFieldsAndBadValues() {
    String text = """
        apiVersion: migrate.rules/v1
        rules:
          - id: Bad_Id
            priority: high
            match: {kind: ec2-instances}
            target: {type: gke-workload}
            sizing: {strategy: fastest, percentile: 90, headroom: 0.5, series: [n1]}
            effort: lift
          - description: no id
        """;
    RulesException e = assertThrows(RulesException.class,
        () -> RuleLoader.load(List.of(new RuleLoader.Source("x.yaml", text)), "test"));
    assertEquals(List.of(
        "x.yaml:3:9: rule id 'Bad_Id' must be lower case letters, digits, '-' and '.', starting with a letter or digit",
        "x.yaml:4:15: 'priority' must be a whole number from -1000000000 to 1000000000 (higher wins), found the string 'high'",
        "x.yaml:5:19: unknown kind 'ec2-instances'; expected one of ec2-instance, ebs-volume, auto-scaling-group, "
            + "load-balancer, cloudfront-distribution, s3-bucket, rds-instance, aurora-cluster, elasticache-cluster",
        "x.yaml:6:13: target gke-workload needs 'workloadKind' (one of Deployment, StatefulSet, CronJob, DaemonSet)",
        "x.yaml:7:24: 'strategy' must be as-is or measured, found the string 'fastest'",
        "x.yaml:7:45: 'percentile' must be 95 or 100 (the snapshot keeps CPU p95 and maximum)",
        "x.yaml:7:59: 'headroom' must be a number from 1 to 5, found the number 0.5",
        "x.yaml:7:73: unknown Compute Engine series 'n1'; the catalogue has e2, n2, n2d, n4, c3, c3d, c4, t2d, t2a, c4a",
        "x.yaml:8:13: unknown effort 'lift'; expected rehost, replatform or refactor",
        "x.yaml:9:5: rule has no 'effort' (rehost, replatform or refactor)",
        "x.yaml:9:5: rule has no 'id'",
        "x.yaml:9:5: rule has no 'match'",
        "x.yaml:9:5: rule has no 'target'"), e.lines());
  }

  @Test
  void errorsOfAllFilesComeTogether() {
    RulesException e = assertThrows(RulesException.class, () -> RuleLoader.load(List.of(
        new RuleLoader.Source("a.yaml", "apiVersion: migrate.rules/v0\nrules: []\n"),
        new RuleLoader.Source("b.yaml", "apiVersion: migrate.rules/v1\nrulez: []\n")), "test"));
    assertEquals(3, e.errors().size(), String.join("\n", e.lines()));
    assertTrue(e.lines().get(0).startsWith("a.yaml:1:13: unsupported apiVersion"));
    assertTrue(e.lines().get(1).startsWith("b.yaml:1:1: missing field 'rules'"));
    assertTrue(e.lines().get(2).startsWith("b.yaml:2:1: unknown field 'rulez'"));
  }
}
