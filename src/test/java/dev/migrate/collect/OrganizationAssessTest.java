package dev.migrate.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate assess --aws-profile x --organization}: collect the stub organization (see
 * {@link OrganizationCollectTest}: a management account, two members entered through the role, one that refuses
 * the role, one suspended) and assess it in one run.
 */
class OrganizationAssessTest {
  private static final Clock CLOCK = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
  @TempDir
  static Path aws;
  @TempDir
  Path dir;
  Fixtures fx;

  @BeforeAll
  static void profile() {
    dev.migrate.testing.TestProfile.install(aws);
  }

  @AfterAll
  static void clear() {
    dev.migrate.testing.TestProfile.clear();
  }

  @BeforeEach
  void start() {
    fx = new Fixtures();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private Cli.Run assess(String... more) {
    List<String> args = new ArrayList<>(List.of("assess", "--organization", "--endpoint-url", fx.endpoint().toString(),
        "--aws-profile", "test", "--regions", "us-east-1", "--out", dir.toString(), "--retry-base-ms", "1",
        "--format", "json"));
    args.addAll(List.of(more));
    return Cli.run(CLOCK, args.toArray(String[]::new));
  }

  @Test
  void collectsTheOrganizationAndAssessesEveryCollectedAccountWithTheDeniedOneAsAGap() throws Exception {
    Cli.Run r = assess();
    assertEquals(0, r.code(), r.toString());
    assertTrue(Files.isRegularFile(dir.resolve("estate").resolve("estate.json")), "the estate folder is kept");
    Path json;
    try (var files = Files.list(dir)) {
      json = files.filter(f -> f.getFileName().toString().startsWith("assessment-")).findFirst().orElseThrow();
    }
    JsonNode j = new ObjectMapper().readTree(json.toFile());
    assertEquals("123456789012", j.path("account").path("id").asText());
    List<String> ids = new ArrayList<>();
    j.path("accounts").path("rows").forEach(a -> {
      if (!a.path("shared").asBoolean()) {
        ids.add(a.path("id").asText());
      }
    });
    assertEquals(List.of("123456789012", "222222222222", "333333333333"), ids.stream().sorted().toList());
    assertTrue(j.path("gaps").toString().contains("account 444444444444 (sandbox) was not collected: "),
        j.path("gaps").toString());
  }

  @Test
  void accountCollectsAndAssessesOneAccountOfTheOrganization() throws Exception {
    Cli.Run r = assess("--account", "222222222222");
    assertEquals(0, r.code(), r.toString());
    try (var files = Files.list(dir.resolve("estate"))) {
      assertEquals(List.of("222222222222.json", "estate.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertTrue(Files.isRegularFile(dir.resolve("assessment-222222222222-" + Fixtures.NOW.toString().substring(0, 10)
        + ".json")), r.toString());
  }

  @Test
  void organizationNeedsAProfile() {
    Cli.Run r = Cli.run(CLOCK, "assess", "--organization", "--out", dir.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("--organization collects an AWS Organization first: give --aws-profile NAME"), r.err());
  }
}
