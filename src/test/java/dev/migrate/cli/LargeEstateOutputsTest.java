package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.testing.Cli;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --cost-lines} and {@code --gzip}: the outputs that grow with the estate, limited or compressed. */
class LargeEstateOutputsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  static final String STEM = "481516234200-2026-11-25";

  @TempDir
  Path dir;

  @Test
  void topNListsTheDearestLinesOfEachSideInTheJsonWhileTheCsvKeepsEveryLine() throws Exception {
    Path full = dir.resolve("full");
    Path top = dir.resolve("top");
    assertEquals(0, Cli.run(CLOCK, "assess", "--sample", "--out", full.toString(), "--format", "json,csv").code());
    Cli.Run r = Cli.run(CLOCK, "assess", "--sample", "--out", top.toString(), "--format", "json,csv",
        "--cost-lines", "top:3");
    assertEquals(0, r.code(), r.toString());
    JsonNode all = JSON.readTree(full.resolve("assessment-" + STEM + ".json").toFile());
    JsonNode some = JSON.readTree(top.resolve("assessment-" + STEM + ".json").toFile());
    assertFalse(all.has("costLinesListed"), "the default lists every line and says nothing more");
    assertEquals(6, some.get("costLines").size());
    assertEquals(all.get("costLines").size(), some.get("costLinesListed").get("total").asInt());
    assertEquals(6, some.get("costLinesListed").get("listed").asInt());
    assertEquals("top:3", some.get("costLinesListed").get("selection").asText());
    assertValid(some);
    for (String phase : List.of("CURRENT", "TARGET")) {
      List<BigDecimal> dearest = new ArrayList<>();
      all.get("costLines").forEach(l -> {
        if (l.get("phase").asText().equals(phase)) {
          dearest.add(l.get("monthlyUsd").decimalValue().abs());
        }
      });
      dearest.sort(Comparator.reverseOrder());
      List<BigDecimal> listed = new ArrayList<>();
      some.get("costLines").forEach(l -> {
        if (l.get("phase").asText().equals(phase)) {
          listed.add(l.get("monthlyUsd").decimalValue().abs());
        }
      });
      listed.sort(Comparator.reverseOrder());
      assertEquals(dearest.subList(0, 3), listed, phase);
    }
    // Totals and everything else are the same; the CSV is the same file.
    assertEquals(all.get("totals"), some.get("totals"));
    assertEquals(all.get("mappings"), some.get("mappings"));
    assertEquals(Files.readString(full.resolve("cost-lines-" + STEM + ".csv")),
        Files.readString(top.resolve("cost-lines-" + STEM + ".csv")));
  }

  @Test
  void noneListsNoLine() throws Exception {
    Cli.Run r = Cli.run(CLOCK, "assess", "--sample", "--out", dir.toString(), "--format", "json", "--cost-lines", "none");
    assertEquals(0, r.code(), r.toString());
    JsonNode json = JSON.readTree(dir.resolve("assessment-" + STEM + ".json").toFile());
    assertEquals(0, json.get("costLines").size());
    assertEquals(0, json.get("costLinesListed").get("listed").asInt());
    assertTrue(json.get("costLinesListed").get("total").asInt() > 100);
    assertValid(json);
  }

  @Test
  void gzipWritesTheJsonAndTheCsvCompressedWithTheSameContent() throws Exception {
    Path plain = dir.resolve("plain");
    Path gz = dir.resolve("gz");
    assertEquals(0, Cli.run(CLOCK, "assess", "--sample", "--out", plain.toString(), "--format", "json,csv").code());
    Cli.Run r = Cli.run(CLOCK, "assess", "--sample", "--out", gz.toString(), "--gzip");
    assertEquals(0, r.code(), r.toString());
    try (Stream<Path> files = Files.list(gz)) {
      assertEquals(List.of("assessment-" + STEM + ".json.gz", "assessment-" + STEM + ".xlsx",
          "cost-lines-" + STEM + ".csv.gz"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    for (String name : List.of("assessment-" + STEM + ".json", "cost-lines-" + STEM + ".csv")) {
      assertEquals(Files.readString(plain.resolve(name)), gunzip(gz.resolve(name + ".gz")), name);
      assertTrue(Files.size(gz.resolve(name + ".gz")) * 4 < Files.size(plain.resolve(name)), name);
    }
    // A second run keeps the first files under numbered names with the whole extension after the number.
    assertEquals(0, Cli.run(CLOCK, "assess", "--sample", "--out", gz.toString(), "--gzip", "--format", "csv").code());
    assertTrue(Files.exists(gz.resolve("cost-lines-" + STEM + "~1.csv.gz")));
  }

  @Test
  void aWrongCostLinesValueIsOneLineNamingWhatIsAccepted() {
    for (String bad : List.of("top", "top:0", "top:-3", "some", "top:x")) {
      Cli.Run r = Cli.run(CLOCK, "assess", "--sample", "--out", dir.toString(), "--cost-lines", bad);
      assertEquals(ExitCode.USAGE, r.code(), r.toString());
      assertEquals("migrate: --cost-lines '" + bad + "': give all, none or top:N with N a whole number from 1, e.g. "
          + "top:1000\n", r.err());
    }
  }

  private static void assertValid(JsonNode json) throws Exception {
    try (InputStream in = LargeEstateOutputsTest.class.getResourceAsStream("/schema/assessment-v1.schema.json")) {
      var errors = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
          .getSchema(in).validate(json);
      assertTrue(errors.isEmpty(), () -> "schema violations: " + errors);
    }
  }

  private static String gunzip(Path file) throws Exception {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
