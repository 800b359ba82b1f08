package dev.migrate.hostile;

import dev.migrate.testing.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.io.OutputSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs: a re-run never replaces an earlier (perhaps hand-edited) workbook without a word, an
 * output set is written all or nothing, and a text over Excel's cell limit no longer stops the run.
 */
class OutputSetTest {
  static final String XLSX = "assessment-481516234200-2026-11-25.xlsx";

  @TempDir
  Path dir;

  @Test
  void aReRunKeepsTheEarlierOutputsUnderNumberedNamesAndSaysSo() throws Exception {
    Cli.Run first = Hostile.migrate("assess", "--sample", "--out", dir.toString());
    assertEquals(0, first.code(), first::toString);
    byte[] edited = "a workbook the finance team annotated".getBytes();
    Files.write(dir.resolve(XLSX), edited);
    Cli.Run second = Hostile.migrate("assess", "--sample", "--out", dir.toString());
    assertEquals(0, second.code(), second::toString);
    assertTrue(second.err().contains(XLSX + " existed; kept as assessment-481516234200-2026-11-25~1.xlsx"), second::toString);
    assertTrue(java.util.Arrays.equals(edited, Files.readAllBytes(dir.resolve("assessment-481516234200-2026-11-25~1.xlsx"))));
    assertTrue(Files.exists(dir.resolve("cost-lines-481516234200-2026-11-25~1.csv")));
    Cli.Run third = Hostile.migrate("assess", "--sample", "--out", dir.toString());
    assertEquals(0, third.code(), third::toString);
    assertTrue(Files.exists(dir.resolve("assessment-481516234200-2026-11-25~2.xlsx")));
  }

  @Test
  void aSetThatFailsPartWayLeavesTheEarlierSetAndNoNewFile() throws Exception {
    Path xlsx = Files.writeString(dir.resolve("a.xlsx"), "old workbook");
    Path csv = Files.writeString(dir.resolve("a.csv"), "old csv");
    try (OutputSet set = new OutputSet()) {
      set.add(xlsx, out -> out.write("new workbook".getBytes()));
      assertThrows(IOException.class, () -> set.add(csv, out -> {
        out.write("half a csv".getBytes());
        throw new IOException("disk full");
      }));
    }
    assertEquals("old workbook", Files.readString(xlsx));
    assertEquals("old csv", Files.readString(csv));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("a.csv", "a.xlsx"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void filesWrittenTogetherAreAllOrNothingAndAFailureNamesItsFile() throws Exception {
    Path xlsx = Files.writeString(dir.resolve("b.xlsx"), "old workbook");
    Path json = dir.resolve("b.json");
    Path csv = Files.writeString(dir.resolve("b.csv"), "old csv");
    try (OutputSet set = new OutputSet()) {
      OutputSet.FileFailure e = assertThrows(OutputSet.FileFailure.class, () -> set.addAll(List.of(
          new OutputSet.File(xlsx, out -> out.write("new workbook".getBytes())),
          new OutputSet.File(json, out -> {
            out.write("half a json".getBytes());
            throw new java.io.UncheckedIOException(new IOException("disk full"));
          }),
          new OutputSet.File(csv, out -> out.write("new csv".getBytes())))));
      assertEquals(json, e.target());
      assertEquals("disk full", e.getMessage());
    }
    assertEquals("old workbook", Files.readString(xlsx));
    assertEquals("old csv", Files.readString(csv));
    try (var files = Files.list(dir)) {
      assertEquals(List.of("b.csv", "b.xlsx"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    try (OutputSet set = new OutputSet()) {
      set.addAll(List.of(new OutputSet.File(json, out -> out.write("{}".getBytes())),
          new OutputSet.File(csv, out -> out.write("new csv".getBytes()))));
      set.commit(kept -> { });
    }
    assertEquals("{}", Files.readString(json));
    assertEquals("new csv", Files.readString(csv));
    assertEquals("old csv", Files.readString(dir.resolve("b~1.csv")));
  }

  @Test
  void anUnwritableOutputFolderWritesNothingAndSaysSo() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    Cli.Run run = Hostile.migrate("assess", "--sample", "--out", notAFolder.resolve("out").toString());
    assertEquals(5, run.code(), run::toString);
    assertEquals(1, run.err().lines().count(), run::toString);
  }

  @Test
  void aNameTagOverTheExcelCellLimitIsCutWithAMarkerAndAWarning() throws Exception {
    String huge = "N".repeat(40_000);
    Path snap = Hostile.sample(dir.resolve("snap.json"), root -> ((ObjectNode) Hostile.firstNamedInstance(root).get("tags"))
        .put("Name", huge));
    Cli.Run run = Hostile.migrate("assess", "--snapshot", snap.toString(), "--out", dir.resolve("out").toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.err().contains("32,767 characters"), run::toString);
    List<String> cut = new ArrayList<>();
    try (Workbook wb = WorkbookFactory.create(dir.resolve("out").resolve(XLSX).toFile(), null, true)) {
      for (Sheet s : wb) {
        for (Row r : s) {
          for (Cell c : r) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().startsWith("NNNN")) {
              cut.add(c.getStringCellValue());
            }
          }
        }
      }
    }
    assertFalse(cut.isEmpty());
    for (String c : cut) {
      assertTrue(c.length() <= 32_767, "" + c.length());
      assertTrue(c.endsWith("characters, more than a cell holds; the JSON has the whole text]"), c.substring(c.length() - 100));
    }
    assertTrue(Files.readString(dir.resolve("out").resolve("assessment-481516234200-2026-11-25.json")).contains(huge));
  }
}
