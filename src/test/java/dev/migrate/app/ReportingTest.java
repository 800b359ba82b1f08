package dev.migrate.app;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.cost.Assessment;
import dev.migrate.report.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportingTest {
  @TempDir
  Path dir;

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void writesEveryFormatByDefaultWithDeterministicNames() throws Exception {
    var console = new ByteArrayOutputStream();
    List<Path> written = Reporting.write(Fixtures.tableapp(), dir, Reporting.Format.all(), false,
        new PrintStream(console, true, StandardCharsets.UTF_8));
    assertEquals(List.of(dir.resolve("assessment-123456789012-2026-11-20.xlsx"),
        dir.resolve("assessment-123456789012-2026-11-20.json"),
        dir.resolve("cost-lines-123456789012-2026-11-20.csv")), written);
    for (Path p : written) {
      assertTrue(Files.size(p) > 0, p.toString());
    }
    String table = console.toString(StandardCharsets.UTF_8);
    table.lines().forEach(l -> assertTrue(l.length() <= 100, "wider than 100 columns: " + l));
    assertTrue(table.contains("1,724.40"), table);
    assertTrue(table.contains("1,247.60"), table);
    assertTrue(table.contains("476.80 (27.65%)"), table);
    assertTrue(table.contains("Written: " + written.get(0)), table);
    try (var files = Files.list(dir)) {
      assertEquals(3, files.count(), "no temporary files left behind");
    }
  }

  @Test
  void csvLinesSumToTheJsonTotals() throws Exception {
    List<Path> written = Reporting.write(Fixtures.tableapp(), dir, EnumSet.of(Reporting.Format.JSON,
        Reporting.Format.CSV), false, System.out);
    JsonNode totals = JSON.readTree(written.get(0).toFile()).get("totals");
    List<String> lines = Files.readAllLines(written.get(1), StandardCharsets.UTF_8);
    assertEquals("side,phase,service,itemId,itemName,app,component,quantity,unit,unitPriceUsd,monthlyUsd,"
        + "priceKey,priceSource,priceAsOf,estimated", lines.get(0));
    assertTrue(Files.readString(written.get(1)).contains("\r\n"), "RFC 4180 line ends");
    BigDecimal aws = BigDecimal.ZERO;
    BigDecimal gcp = BigDecimal.ZERO;
    var reader = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
        .readerFor(java.util.Map.class)
        .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader());
    try (com.fasterxml.jackson.databind.MappingIterator<java.util.Map<String, String>> it =
        reader.readValues(written.get(1).toFile())) {
      while (it.hasNext()) {
        var row = it.next();
        BigDecimal v = new BigDecimal(row.get("monthlyUsd"));
        if (row.get("phase").equals("CURRENT")) {
          aws = aws.add(v);
        } else {
          gcp = gcp.add(v);
        }
      }
    }
    assertUsd(aws.toPlainString(), totals.get("awsMonthlyUsd").decimalValue(), "awsMonthlyUsd");
    assertUsd(gcp.toPlainString(), totals.get("gcpMonthlyUsd").decimalValue(), "gcpMonthlyUsd");
  }

  @Test
  void formatOptionParsesAndRejectsUnknownNames() {
    assertEquals(EnumSet.of(Reporting.Format.XLSX, Reporting.Format.CONSOLE), Choices.Output.formats(
        java.util.stream.Stream.of("xlsx", " Console").map(x -> Choices.parse(Choices.Output.class, x)).toList()));
    assertEquals(Reporting.Format.all(), Choices.Output.formats(List.of(Choices.parse(Choices.Output.class, "all"))));
    assertEquals(null, Choices.parse(Choices.Output.class, "pdf"));
    assertEquals("xlsx, json, csv, console or all", Choices.labels(Choices.Output.class));
  }

  @Test
  void anUnwritableOutputIsAnOutputFailureNamingThePath() throws Exception {
    Path file = dir.resolve("not-a-directory");
    Files.writeString(file, "x");
    Failure f = assertThrows(Failure.class, () -> Reporting.write(Fixtures.tableapp(), file,
        Set.of(Reporting.Format.JSON), false, System.out));
    assertEquals(Failure.Kind.OUTPUT, f.kind());
    assertTrue(f.getMessage().contains(file.toString()), f.getMessage());
    assertFalse(f.getMessage().contains("\n"));
  }

  /** Everything a company would not want to share: ids, names, ARNs, DNS names, tag values. */
  private static final List<String> SECRETS = List.of("123456789012", "tableapp-prod", "i-0a1b2c3d4e5f6",
      "vol-0f9e8d7c6b5a4", "web-asg", "tableapp-web", "E2QWRUHEXAMPLE", "tableapp-assets", "www.tableapp.example",
      "d111111abcdef8", "redis-1", "memcached-1", "legacy-admin", "Jane Doe", "old-backup", "tableapp-auth");

  @Test
  void anonymizedOutputsHoldNoIdentifyingValueAndTheSameFigures() throws Exception {
    Assessment a = Fixtures.tableapp();
    var console = new ByteArrayOutputStream();
    List<Path> anon = Reporting.write(a, dir.resolve("anon"), Reporting.Format.all(), true, "a fixed salt",
        new PrintStream(console, true, StandardCharsets.UTF_8));
    List<Path> plain = Reporting.write(a, dir.resolve("plain"), EnumSet.of(Reporting.Format.JSON), false, System.out);
    assertFalse(anon.get(0).getFileName().toString().contains("123456789012"), anon.get(0).toString());
    var texts = new java.util.ArrayList<String>();
    texts.add(Files.readString(anon.get(1)));
    texts.add(Files.readString(anon.get(2)));
    texts.add(console.toString(StandardCharsets.UTF_8));
    texts.add(workbookText(anon.get(0)));
    for (String text : texts) {
      for (String secret : SECRETS) {
        assertFalse(text.contains(secret), "'" + secret + "' leaks into: "
            + text.substring(Math.max(0, text.indexOf(secret) - 80), Math.min(text.length(), text.indexOf(secret) + 80)));
      }
    }
    JsonNode aj = JSON.readTree(anon.get(1).toFile());
    JsonNode pj = JSON.readTree(plain.get(0).toFile());
    assertTrue(aj.get("anonymized").asBoolean());
    assertEquals(pj.get("totals"), aj.get("totals"));
    assertEquals(pj.get("byService"), aj.get("byService"));
    // Stable with the same salt: the same estate gives the same pseudonyms on another run; the workbook uses them too.
    List<Path> again = Reporting.write(a, dir.resolve("again"), EnumSet.of(Reporting.Format.JSON), true, "a fixed salt",
        System.out);
    assertEquals(Files.readString(anon.get(1)), Files.readString(again.get(0)));
    String instance = aj.get("mappings").get(0).get("itemId").asText();
    assertTrue(instance.matches("instance-[0-9a-f]{8}"), instance);
    assertTrue(texts.get(3).contains(instance), "workbook and JSON use the same pseudonym");
    // Another salt gives other pseudonyms.
    List<Path> salted = Reporting.write(a, dir.resolve("salted"), EnumSet.of(Reporting.Format.JSON), true,
        "our-secret", System.out);
    assertFalse(Files.readString(salted.get(0)).contains(instance));
  }

  private static String workbookText(Path xlsx) throws Exception {
    var sb = new StringBuilder();
    try (var wb = new XSSFWorkbook(xlsx.toFile())) {
      sb.append(wb.getProperties().getCoreProperties().getTitle()).append('\n');
      for (Sheet s : wb) {
        for (Row row : s) {
          for (Cell c : row) {
            if (c.getCellType() == CellType.STRING) {
              sb.append(c.getStringCellValue()).append('\n');
            }
          }
        }
        sb.append(s.getHeader().getLeft()).append('\n');
      }
    }
    return sb.toString();
  }
}
