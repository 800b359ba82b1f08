package dev.migrate.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.testing.Cli;
import dev.migrate.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The measured dependencies in the assessment's workbook and JSON, through {@code migrate assess}. */
class DependencyReportTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  private Path assess(Path snapshot, String... extra) throws Exception {
    Path out = dir.resolve("out" + extra.length);
    List<String> args = new ArrayList<>(List.of("assess", "--snapshot", snapshot.toString(), "--out", out.toString(),
        "--format", "xlsx,json"));
    args.addAll(List.of(extra));
    var run = Cli.run(CLOCK, args.toArray(String[]::new));
    assertEquals(0, run.code(), run.toString());
    return out;
  }

  private static Path file(Path out, String ext) throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(p -> p.toString().endsWith(ext)).findFirst().orElseThrow();
    }
  }

  @Test
  void theWorkbookShowsGroupsTheDiagramAndEveryPairAndTheJsonCarriesTheGraph() throws Exception {
    Path snap = dir.resolve("snap.json");
    SnapshotJson.write(FlowEstate.snapshot(), snap);
    Path out = assess(snap);
    try (var wb = new XSSFWorkbook(file(out, ".xlsx").toFile())) {
      List<String> names = new ArrayList<>();
      wb.forEach(s -> names.add(s.getSheetName()));
      assertEquals(names.indexOf("Timeline") + 1, names.indexOf("App groups"), names.toString());
      assertEquals(names.indexOf("App groups") + 1, names.indexOf("Dependencies"), names.toString());
      XSSFSheet groups = wb.getSheet("App groups");
      assertEquals(1, groups.getDrawingPatriarch().getShapes().size(), "the diagram picture");
      Golden.check("deps/flow-estate-app-groups.txt", cells(groups));
      Golden.check("deps/flow-estate-dependencies.txt", cells(wb.getSheet("Dependencies")));
    }
    JsonNode block = new ObjectMapper().readTree(file(out, ".json").toFile()).get("dependencies");
    JsonNode export = new ObjectMapper().readTree(DependencyExport.json(DependencyGraph.of(FlowEstate.snapshot())));
    ((com.fasterxml.jackson.databind.node.ObjectNode) export).remove("schema");
    assertEquals(export, block, "the assessment's block is the export without its schema");
  }

  @Test
  void withoutFlowLogsThereAreNoDependencySheetsAndTheBlockSaysNotMeasured() throws Exception {
    Path snap = dir.resolve("snap.json");
    SnapshotJson.write(FlowEstate.withoutFlowLogs(), snap);
    Path out = assess(snap);
    try (var wb = new XSSFWorkbook(file(out, ".xlsx").toFile())) {
      assertEquals(null, wb.getSheet("App groups"));
      assertEquals(null, wb.getSheet("Dependencies"));
    }
    JsonNode block = new ObjectMapper().readTree(file(out, ".json").toFile()).get("dependencies");
    assertEquals("{\"measured\":false}", block.toString());
  }

  @Test
  void anonymisingReplacesIdsNamesAndTagsInTheSheetsAndTheJson() throws Exception {
    Path snap = dir.resolve("snap.json");
    SnapshotJson.write(FlowEstate.snapshot(), snap);
    Path out = assess(snap, "--anonymize", "--anonymize-salt", "a-long-test-secret");
    String text;
    try (var wb = new XSSFWorkbook(file(out, ".xlsx").toFile())) {
      text = cells(wb.getSheet("App groups")) + cells(wb.getSheet("Dependencies"));
    }
    String json = new ObjectMapper().readTree(file(out, ".json").toFile()).get("dependencies").toString();
    for (String secret : List.of("web-asg", "i-batch", "shop-db", "shop-redis", "reports-db", "nightly-batch",
        "reporting", "shop-alb", "vpc-shop", "nat-1", "111122223333")) {
      assertFalse(text.contains(secret), secret + " in the sheets");
      assertFalse(json.contains(secret), secret + " in the JSON");
    }
    assertTrue(text.contains("internet") && text.contains("5432/tcp"), "places and ports stay");
  }

  /** Every non-empty cell of a sheet as "A1 text" lines, formatted as shown. */
  static String cells(Sheet s) {
    var f = new DataFormatter(java.util.Locale.ROOT);
    var out = new StringBuilder();
    for (Row r : s) {
      for (Cell c : r) {
        if (c.getCellType() == CellType.BLANK) {
          continue;
        }
        String v = f.formatCellValue(c);
        if (!v.isEmpty()) {
          out.append(c.getAddress()).append(' ').append(v).append('\n');
        }
      }
    }
    return out.toString();
  }
}
