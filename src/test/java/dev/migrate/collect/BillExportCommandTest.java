package dev.migrate.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Billing;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate collect --bill-export PATH|s3://...}: the snapshot's bill from AWS Data Exports. */
class BillExportCommandTest {
  static final Path PARQUET = Path.of("src/test/resources/bill/cur2-parquet");
  @TempDir
  static Path aws;
  @TempDir
  Path dir;
  Fixtures fx;
  String out;
  String err;

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

  private int run(String... args) {
    dev.migrate.testing.Cli.Run r = dev.migrate.testing.Cli.run(java.time.Clock.fixed(Fixtures.NOW, java.time.ZoneOffset.UTC), args);
    out = r.out();
    err = r.err();
    return r.code();
  }

  @Test
  void aDownloadedExportReplacesCostExplorersBill() throws Exception {
    Path file = dir.resolve("snap.json");
    int code = run("collect", "--endpoint-url", fx.endpoint().toString(), "--aws-profile", "test",
        "--out", file.toString(), "--bill-export", PARQUET.toString());
    assertEquals(0, code, err);
    Snapshot s = SnapshotJson.read(file);
    assertEquals(Billing.SOURCE_DATA_EXPORTS, s.billing().source());
    assertEquals(13, s.billing().months().size());
    assertTrue(err.contains("migrate: bill from 14 Data Exports files: 13 months 2025-11..2026-11, 2026-10 1541.75 USD"
        + " (8 usage types)"), err);
    assertTrue(err.contains("migrate: note: left out of the bill, as from Cost Explorer: Credit -390.00, Refund -71.50,"
        + " Tax 1105.26 USD"), err);
    assertFalse(Journal.actions(fx.server).contains("ce:GetCostAndUsage"), "Cost Explorer's bill is not asked for");
    assertTrue(Journal.actions(fx.server).contains("ce:GetReservationCoverage"), "coverage still is");
  }

  @Test
  void anExportUnderAnS3PrefixIsDownloadedAndRead() throws Exception {
    StringBuilder list = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>cur-bucket</Name>"
        + "<Prefix>exports/tableapp/</Prefix><KeyCount>15</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(PARQUET)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      String key = "exports/tableapp/" + PARQUET.relativize(f).toString().replace('\\', '/');
      list.append("<Contents><Key>").append(key).append("</Key><Size>").append(Files.size(f))
          .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
      String month = f.getParent().getFileName().toString().replace("BILLING_PERIOD=", "");
      fx.server.stubFor(get(urlPathMatching("/cur-bucket/exports/tableapp/"
          + (f.getFileName().toString().endsWith(".json") ? "metadata/tableapp-Manifest\\.json"
          : "data/BILLING_PERIOD(=|%3D)" + month + "/tableapp-00001\\.snappy\\.parquet")))
          .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "binary/octet-stream")
              .withBody(Files.readAllBytes(f))));
    }
    list.append("</ListBucketResult>");
    fx.server.stubFor(get(urlPathEqualTo("/cur-bucket/")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/xml").withBody(list.toString())));
    fx.server.stubFor(get(urlPathEqualTo("/cur-bucket")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/xml").withBody(list.toString())));
    Path file = dir.resolve("snap.json");
    int code = run("collect", "--endpoint-url", fx.endpoint().toString(), "--aws-profile", "test",
        "--out", file.toString(), "--bill-export", "s3://cur-bucket/exports/tableapp/");
    assertEquals(0, code, err);
    assertTrue(err.contains("migrate: downloaded 14 Data Exports files from s3://cur-bucket/exports/tableapp/"), err);
    Snapshot s = SnapshotJson.read(file);
    assertEquals(Billing.SOURCE_DATA_EXPORTS, s.billing().source());
    assertEquals(13, s.billing().months().size());
  }

  @Test
  void aBadExportFailsInOneLineBeforeAnyAwsCall() throws Exception {
    Path bad = dir.resolve("export/BILLING_PERIOD=2026-10/part-00001.snappy.parquet");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "PAR1 this is not a Parquet file");
    int code = run("collect", "--endpoint-url", fx.endpoint().toString(), "--aws-profile", "test",
        "--out", dir.resolve("snap.json").toString(), "--bill-export", dir.resolve("export").toString());
    assertEquals(3, code, err);
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.startsWith("migrate: --bill-export " + bad + ": "), err);
    assertTrue(err.strip().endsWith("(re-download or remove that file)"), err);
    assertEquals(List.of(), fx.server.getAllServeEvents(), "nothing was asked of AWS");
    assertFalse(Files.exists(dir.resolve("snap.json")));
  }
}
