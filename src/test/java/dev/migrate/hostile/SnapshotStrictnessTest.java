package dev.migrate.hostile;

import dev.migrate.testing.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A snapshot that contradicts itself gave silently wrong numbers (an instance listed twice was
 * priced twice). What AWS never produces is refused with file:line:col and the JSON path (exit 3);
 * references AWS does produce while resources come and go are warnings, and the run goes on.
 */
class SnapshotStrictnessTest {
  @TempDir
  Path dir;

  Cli.Run assess(Consumer<ObjectNode> change) {
    Path snap = Hostile.sample(dir.resolve("snap.json"), change);
    return Hostile.migrate("assess", "--snapshot", snap.toString(), "--format", "json", "--out", dir.resolve("out").toString());
  }

  void refused(String path, String what, Consumer<ObjectNode> change) {
    Cli.Run run = assess(change);
    assertEquals(3, run.code(), run::toString);
    assertEquals(1, run.err().lines().count(), run::toString);
    assertTrue(Pattern.compile("^migrate: .*snap\\.json:\\d+:\\d+: " + Pattern.quote(path) + "[^ ]*: .*" + Pattern.quote(what) + ".*\\n$",
        Pattern.DOTALL).matcher(run.err()).matches(), run::toString);
  }

  void warned(String path, String what, Consumer<ObjectNode> change) {
    Cli.Run run = assess(change);
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.err().lines().anyMatch(l -> l.matches("migrate: warning: .*snap\\.json:\\d+:\\d+: " + Pattern.quote(path)
        + "[^ ]*: .*" + Pattern.quote(what) + ".*")), run::toString);
  }

  static ObjectNode usageWith(ObjectNode root, String field) {
    for (JsonNode u : root.get("usage")) {
      if (u.has(field)) {
        return (ObjectNode) u;
      }
    }
    throw new IllegalStateException("no usage record with " + field);
  }

  static int indexOf(ArrayNode list, JsonNode item) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == item) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aDuplicatedInstanceOrVolumeIsRefused() {
    refused("$.instances[", "is listed twice", r -> ((ArrayNode) r.get("instances")).add(r.get("instances").get(3).deepCopy()));
    refused("$.volumes[", "is listed twice", r -> ((ArrayNode) r.get("volumes")).add(r.get("volumes").get(0).deepCopy()));
  }

  @Test
  void aNullListElementIsRefusedAtItsPlaceNotAnInternalError() {
    refused("$.instances[1]", "null where a list element is expected", r -> ((ArrayNode) r.get("instances")).insertNull(1));
    refused("$.volumes[0]", "null where a list element is expected", r -> ((ArrayNode) r.get("volumes")).insertNull(0));
    refused("$.instances[0].volumeIds[0]", "null where a list element is expected",
        r -> ((ArrayNode) r.get("instances").get(0).get("volumeIds")).insertNull(0));
    refused("$.usage[0].daily[0]", "null where a list element is expected",
        r -> ((ArrayNode) r.get("usage").get(0).get("daily")).insertNull(0));
  }

  @Test
  void aServiceListedTwiceInABillMonthIsRefused() {
    // Both copies used to fall out of "AWS today" in silence.
    refused("$.billing.months[11].services[", "is listed twice", r -> {
      ArrayNode services = (ArrayNode) r.get("billing").get("months").get(11).get("services");
      services.add(services.get(0).deepCopy());
    });
  }

  @Test
  void aDuplicateJsonKeyIsRefused() throws Exception {
    String text = Files.readString(Hostile.SAMPLE).replaceFirst("\"instanceType\" : \"([^\"]*)\"",
        "\"instanceType\" : \"$1\", \"instanceType\" : \"x1e.32xlarge\"");
    Path snap = Hostile.write(dir.resolve("snap.json"), text);
    Cli.Run run = Hostile.migrate("assess", "--snapshot", snap.toString(), "--out", dir.toString());
    assertEquals(3, run.code(), run::toString);
    assertTrue(run.err().matches("(?s)migrate: .*snap\\.json:\\d+:\\d+: \\$\\.instances\\[0\\]\\.instanceType: duplicate key 'instanceType'.*\\n"),
        run::toString);
  }

  @Test
  void usageFiguresOutOfRangeAreRefused() {
    refused("$.usage[", "-50 is out of range 0..100", r -> usageWith(r, "cpuP95Pct").put("cpuP95Pct", -50));
    refused("$.usage[", "1000000 is out of range 0..100", r -> usageWith(r, "cpuAvgPct").put("cpuAvgPct", 1e6));
    refused("$.usage[", "1.5 is out of range 0..1 ", r -> usageWith(r, "cacheHitRatio").put("cacheHitRatio", 1.5));
    refused("$.usage[", "-1 is negative", r -> usageWith(r, "requests").put("requests", -1));
  }

  @Test
  void aWindowWhoseDaysContradictItsDatesAndAShortAccountIdAreRefused() {
    refused("$.window.days", "disagrees with start", r -> ((ObjectNode) r.get("window")).put("days", 90));
    refused("$.account.id", "'12' is not an AWS account id", r -> ((ObjectNode) r.get("account")).put("id", "12"));
  }

  @Test
  void referencesToResourcesNotInTheSnapshotAreWarnings() {
    warned("$.usage[", "usage for i-0000000000deadbee, which is not in the snapshot",
        r -> ((ArrayNode) r.get("usage")).addObject().put("resourceId", "i-0000000000deadbee").put("kind", "ec2"));
    warned("$.volumes[0].attachedTo", "which is not in the snapshot",
        r -> ((ObjectNode) r.get("volumes").get(0)).put("attachedTo", "i-0000000000000gone"));
    warned("$.instances[0].autoScalingGroup", "'gone-asg', which is not in the snapshot",
        r -> ((ObjectNode) r.get("instances").get(0)).put("autoScalingGroup", "gone-asg"));
  }
}
