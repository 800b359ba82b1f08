package dev.migrate.hostile;

import dev.migrate.testing.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --anonymize} must not be reversible: with a public salt anyone can hash a guessed id and
 * compare. The salt is random per run unless the user fixes a secret one; and no id of the
 * snapshot (reserved instances included) survives in any output.
 */
class AnonymizeSaltTest {
  /** The salt every earlier version used, published in its source. */
  static final String OLD_PUBLIC_SALT = "migrate.anonymize/v1";
  static final String ACCOUNT = "481516234200";

  @TempDir
  Path dir;

  static String pseudonymFileStem(Path out) throws Exception {
    try (var files = Files.list(out)) {
      String name = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).findFirst().orElseThrow();
      return name.replace("assessment-", "").replace("-2026-11-25.json", "");
    }
  }

  @Test
  void aGuessedAccountIdCannotBeConfirmedAndEachRunHasItsOwnSalt() throws Exception {
    Cli.Run a = Hostile.migrate("assess", "--sample", "--anonymize", "--format", "json", "--out", dir.resolve("a").toString());
    Cli.Run b = Hostile.migrate("assess", "--sample", "--anonymize", "--format", "json", "--out", dir.resolve("b").toString());
    assertEquals(0, a.code(), a::toString);
    assertEquals(0, b.code(), b::toString);
    String first = pseudonymFileStem(dir.resolve("a"));
    String guessed = "account-" + sha256(OLD_PUBLIC_SALT + "\u0000" + ACCOUNT).substring(0, 8);
    assertTrue(first.startsWith("account-"), first);
    assertNotEquals(guessed, first, "hashing the guessed account id with the public salt confirms it");
    assertNotEquals(first, pseudonymFileStem(dir.resolve("b")), "two runs share a salt");
  }

  @Test
  void aSaltOfTheUsersOwnGivesStablePseudonyms() throws Exception {
    for (String out : List.of("a", "b")) {
      Cli.Run r = Hostile.migrate("assess", "--sample", "--anonymize", "--anonymize-salt", "our secret 2026",
          "--format", "json", "--out", dir.resolve(out).toString());
      assertEquals(0, r.code(), r::toString);
    }
    assertEquals(pseudonymFileStem(dir.resolve("a")), pseudonymFileStem(dir.resolve("b")));
    assertEquals(Files.readString(dir.resolve("a").resolve("assessment-" + pseudonymFileStem(dir.resolve("a")) + "-2026-11-25.json")),
        Files.readString(dir.resolve("b").resolve("assessment-" + pseudonymFileStem(dir.resolve("b")) + "-2026-11-25.json")));
  }

  @Test
  void aSaltWithoutAnonymizeOrATooShortOneIsAUsageError() {
    Cli.Run r = Hostile.migrate("assess", "--sample", "--anonymize-salt", "our secret 2026", "--out", dir.toString());
    assertEquals(2, r.code(), r::toString);
    assertTrue(r.err().startsWith("migrate: --anonymize-salt needs --anonymize"), r::toString);
    Cli.Run s = Hostile.migrate("assess", "--sample", "--anonymize", "--anonymize-salt", "abc", "--out", dir.toString());
    assertEquals(2, s.code(), s::toString);
    assertFalse(s.err().contains("abc"), "the salt is not echoed");
  }

  @Test
  void noIdOfTheSnapshotSurvivesInAnyOutputReservedInstancesIncluded() throws Exception {
    Set<String> ids = new TreeSet<>();
    collectIds(Hostile.sample(), null, ids);
    assertTrue(ids.contains("5b69b9f9-436b-410b-b0f0-44ed3e4b0916"), "the sample's reserved instance");
    Path out = dir.resolve("out");
    Cli.Run r = Hostile.migrate("assess", "--sample", "--anonymize", "--out", out.toString());
    assertEquals(0, r.code(), r::toString);
    List<String> texts = new ArrayList<>(List.of(r.out(), r.err()));
    try (var files = Files.list(out)) {
      for (Path p : files.toList()) {
        texts.add(p.getFileName().toString());
        if (p.toString().endsWith(".xlsx")) {
          try (ZipFile zip = new ZipFile(p.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
              texts.add(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
            }
          }
        } else {
          texts.add(Files.readString(p));
        }
      }
    }
    List<String> leaks = new ArrayList<>();
    for (String id : ids) {
      if (texts.stream().anyMatch(t -> t.contains(id))) {
        leaks.add(id);
      }
    }
    assertEquals(List.of(), leaks, "ids that survive --anonymize");
  }

  /** Every string under a key that holds an AWS identifier (ids, ARNs, names of resources, DNS names). */
  static void collectIds(JsonNode node, String key, Set<String> ids) {
    Set<String> idKeys = Set.of("id", "arn", "resourceId", "attachedTo", "volumeIds", "instanceIds", "targetGroupArns",
        "webAclId", "alias", "dnsName", "domainName", "aliases", "autoScalingGroup", "vpcId", "registeredInstances",
        "certificateIds", "loadBalancerNames");
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> collectIds(e.getValue(), e.getKey(), ids));
    } else if (node.isArray()) {
      node.forEach(n -> collectIds(n, key, ids));
    } else if (node.isTextual() && key != null && idKeys.contains(key) && node.asText().length() >= 6) {
      ids.add(node.asText());
    }
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
