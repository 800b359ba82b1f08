package dev.migrate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.migrate.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate collect --organization --out DIR} against the stub organization (the management account
 * 123456789012 and members reached through the role; 444444444444 refuses the role), then
 * {@code migrate assess --snapshot DIR}: one assessment of every collected account, the refused account a
 * gap that names it.
 */
class OrganizationCollectThenAssessTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  @TempDir
  static Path dir;
  private static WireMockServer server;

  @BeforeAll
  static void stubOrganization() {
    dev.migrate.testing.TestProfile.install(dir);
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
        .usingFilesUnderClasspath("wiremock"));
    server.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop();
    }
    dev.migrate.testing.TestProfile.clear();
  }

  @Test
  void theCollectedFolderIsAssessedAsOneEstate() throws Exception {
    Path estate = dir.resolve("estate");
    Cli.Run collect = Cli.run(CLOCK, "collect", "--organization", "--endpoint-url", "http://127.0.0.1:" + server.port(),
        "--aws-profile", "test", "--regions", "us-east-1", "--out", estate.toString(), "--retry-base-ms", "1");
    assertEquals(0, collect.code(), collect.toString());
    Path out = dir.resolve("out");
    Cli.Run assess = Cli.run(CLOCK, "assess", "--snapshot", estate.toString(), "--format", "json", "--out", out.toString());
    assertEquals(0, assess.code(), assess.toString());
    JsonNode j;
    try (var files = Files.list(out)) {
      j = new ObjectMapper().readTree(files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow().toFile());
    }
    assertEquals("123456789012", j.path("account").path("id").asText());
    List<String> instances = new ArrayList<>();
    j.path("mappings").forEach(m -> {
      if ("ec2-instance".equals(m.path("kind").asText())) {
        instances.add(m.path("itemId").asText());
      }
    });
    // Every member holds the stub account's 4 instances of us-east-1: 3 accounts, ids qualified by account.
    assertEquals(12, instances.size(), instances.toString());
    assertTrue(instances.stream().anyMatch(i -> i.endsWith("@222222222222")) && instances.stream()
        .anyMatch(i -> i.endsWith("@333333333333")), instances.toString());
    assertTrue(j.path("gaps").toString().contains("account 444444444444 (sandbox) was not collected"),
        j.path("gaps").toString());
  }
}
