package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.migrate.testing.Cli;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migrate assess --bill-export PATH}: the bill of AWS Data Exports files replaces the snapshot's for the run,
 * read as {@code collect --bill-export} reads it (the Parquet and the gzip CSV fixtures hold the same bill).
 */
class AssessBillExportTest {
  static final Path PARQUET = Path.of("src/test/resources/bill/cur2-parquet");
  static final Path CSV = Path.of("src/test/resources/bill/cur2-csv");
  @TempDir Path dir;

  private JsonNode assess(Path export, Path out) throws Exception {
    Cli.Run run = AssessSampleTest.migrate("assess", "--sample", "--bill-export", export.toString(), "--format", "json",
        "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.err().contains("migrate: bill from 14 Data Exports files: 13 months 2025-11..2026-11, 2026-10 1541.75 USD"
        + " (8 usage types)"), run.err());
    assertTrue(run.err().contains("migrate: the bill of the sample is replaced by the Data Exports bill for this run"),
        run.err());
    return AssessSampleTest.JSON.readTree(out.resolve("assessment-481516234200-2026-11-25.json").toFile());
  }

  @Test
  void theExportsBillReplacesTheSnapshotsForTheRun() throws Exception {
    JsonNode parquet = assess(PARQUET, Files.createDirectories(dir.resolve("parquet")));
    JsonNode coverage = parquet.get("coverage");
    assertEquals("2026-10", coverage.get("billMonth").asText());
    // the fixture's amounts are Parquet doubles: 1541.7500000001
    assertEquals(0, new BigDecimal("1541.75").compareTo(coverage.get("billUsd").decimalValue()
        .setScale(2, java.math.RoundingMode.HALF_EVEN)), coverage.toString());
    assertEquals("usage-type", coverage.get("basis").asText());
    // the same run without the export covers the sample's own October bill, which is another amount
    Path own = Files.createDirectories(dir.resolve("own"));
    Cli.Run run = AssessSampleTest.migrate("assess", "--sample", "--format", "json", "--out", own.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode sample = AssessSampleTest.JSON.readTree(own.resolve("assessment-481516234200-2026-11-25.json").toFile());
    assertFalse(sample.get("coverage").get("billUsd").decimalValue().compareTo(new BigDecimal("1541.75")) == 0);
  }

  @Test
  void parquetAndGzipCsvGiveTheSameAssessment() throws Exception {
    JsonNode parquet = assess(PARQUET, Files.createDirectories(dir.resolve("p")));
    JsonNode csv = assess(CSV, Files.createDirectories(dir.resolve("c")));
    assertEquals(parquet.get("coverage"), csv.get("coverage"));
    assertEquals(parquet.get("totals"), csv.get("totals"));
  }

  @Test
  void aBadExportFailsInOneLineNamingTheFile() throws Exception {
    Path bad = dir.resolve("export/BILLING_PERIOD=2026-10/part-00001.snappy.parquet");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "PAR1 this is not a Parquet file");
    Cli.Run run = AssessSampleTest.migrate("assess", "--sample", "--bill-export", dir.resolve("export").toString(),
        "--out", dir.resolve("out").toString());
    assertEquals(3, run.code(), run.err());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().startsWith("migrate: --bill-export " + bad + ": "), run.err());
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  @Test
  void anEndpointWithoutAnS3ExportIsRefused() {
    Cli.Run run = AssessSampleTest.migrate("assess", "--sample", "--bill-export", PARQUET.toString(), "--endpoint-url",
        "http://localhost:1", "--out", dir.resolve("out").toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("--endpoint-url applies to collection and needs --aws-profile (or an s3:// --bill-export)"),
        run.err());
  }
}
