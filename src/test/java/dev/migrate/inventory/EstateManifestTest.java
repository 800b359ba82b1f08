package dev.migrate.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstateManifestTest {
  @TempDir
  Path dir;

  private static EstateManifest sample() {
    return EstateManifest.of("o-abc123", "111111111111", Instant.parse("2026-11-25T12:00:00Z"),
        EstateManifest.BILL_CONSOLIDATED, List.of(
            EstateManifest.AccountEntry.failed("333333333333", "data", "data@example.com", "AccessDenied",
                "sts:AssumeRole of arn:aws:iam::333333333333:role/OrganizationAccountAccessRole refused"),
            EstateManifest.AccountEntry.collected("111111111111", "management", "root@example.com"),
            EstateManifest.AccountEntry.skipped("444444444444", "old", null, "account status SUSPENDED"),
            EstateManifest.AccountEntry.collected("222222222222", "prod", "prod@example.com")));
  }

  @Test
  void roundTripsThroughItsFileSortedById() throws Exception {
    Path file = dir.resolve(EstateManifest.FILE_NAME);
    EstateManifestJson.write(sample(), file);
    EstateManifest back = EstateManifestJson.read(file);
    assertEquals(sample(), back);
    assertEquals(List.of("111111111111", "222222222222", "333333333333", "444444444444"),
        back.accounts().stream().map(EstateManifest.AccountEntry::id).toList());
    assertEquals(List.of("111111111111.json", "222222222222.json"),
        back.collected().stream().map(EstateManifest.AccountEntry::snapshot).toList());
    assertEquals("AccessDenied", back.failed().get(0).errorCode());
    String json = Files.readString(file);
    assertTrue(json.contains("\"schema\" : \"migrate.estate/v1\""), json);
    assertTrue(json.contains("\"status\" : \"skipped\""), json);
    assertTrue(!json.contains("null"), "nulls are left out: " + json);
  }

  @Test
  void aContradictionIsAnErrorAtItsPlace() throws Exception {
    Path file = dir.resolve("estate.json");
    Files.writeString(file, """
        {
          "schema" : "migrate.estate/v1",
          "collectedAt" : "2026-11-25T12:00:00Z",
          "accounts" : [ {
            "id" : "222222222222",
            "status" : "collected"
          } ]
        }
        """);
    var e = assertThrows(SnapshotFormatException.class, () -> EstateManifestJson.read(file));
    assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("$.accounts[0]") && e.getMessage().contains("collected but names no snapshot file"),
        e.getMessage());
  }

  @Test
  void refusesOtherSchemasUnknownFieldsPathsAndBadIds() throws Exception {
    Path file = dir.resolve("estate.json");
    String ok = EstateManifestJson.toJson(sample());
    Files.writeString(file, ok.replace("migrate.estate/v1", "migrate.estate/v9"));
    assertTrue(assertThrows(SnapshotFormatException.class, () -> EstateManifestJson.read(file)).getMessage()
        .contains("unknown estate manifest schema 'migrate.estate/v9'"));
    Files.writeString(file, ok.replace("\"billSource\"", "\"bill\""));
    assertTrue(assertThrows(SnapshotFormatException.class, () -> EstateManifestJson.read(file)).getMessage()
        .contains("unknown field 'bill'"));
    Files.writeString(file, ok.replace("\"222222222222.json\"", "\"../222222222222.json\""));
    assertTrue(assertThrows(SnapshotFormatException.class, () -> EstateManifestJson.read(file)).getMessage()
        .contains("is not a plain file name inside the estate folder"));
    Files.writeString(file, ok.replace("\"444444444444\"", "\"4444\""));
    assertTrue(assertThrows(SnapshotFormatException.class, () -> EstateManifestJson.read(file)).getMessage()
        .contains("account id '4444' is not a 12-digit account id"));
    Files.writeString(file, ok.replace("\"444444444444\"", "\"333333333333\""));
    assertTrue(assertThrows(SnapshotFormatException.class, () -> EstateManifestJson.read(file)).getMessage()
        .contains("account 333333333333 is listed twice"));
    assertTrue(assertThrows(SnapshotFormatException.class, () -> EstateManifestJson.read(dir)).getMessage()
        .contains("is a folder"));
  }
}
