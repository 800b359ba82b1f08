package dev.migrate.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.Phase;
import dev.migrate.report.Anonymizer;
import dev.migrate.report.AssessmentJson;
import dev.migrate.report.ConsoleSummary;
import dev.migrate.report.ReportModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sample's RDS database and ElastiCache group in every report: Inventory rows with engine,
 * class, storage, layout and metrics; Mapping rows with the target's size; cost lines on both
 * sides; the console's count; the JSON's dataStores and counts; pseudonyms when anonymising.
 */
class SampleDataStoresReportTest {
  private static final Assessment A = SampleEstate.assess(SampleEstate.snapshot());

  @Test
  void inventoryRowsDescribeTheDatabaseAndTheCache() {
    ReportModel m = ReportModel.of(A);
    ReportModel.InventoryRow db = row(m, "rds-instance");
    assertEquals("tableapp-payments", db.id());
    assertEquals("db.r6g.xlarge", db.type());
    assertEquals(400.0, db.sizeGib());
    assertEquals("available", db.state());
    assertEquals(26.2, db.cpuP95Pct());
    assertEquals("mysql 8.0.39, Multi-AZ, gp3, 7-day backups, encrypted, 212.6 GiB used, freeable memory min 9.8 GiB,"
        + " connections avg 118 (max 286), IOPS p95 read 1180 / write 690, app tableapp", db.details());
    ReportModel.InventoryRow cache = row(m, "elasticache-cluster");
    assertEquals("tableapp-availability", cache.id());
    assertEquals("cache.r6g.large", cache.type());
    assertEquals(3.7, cache.sizeGib());
    assertEquals("redis 7.1, 1 shard(s) x (1 primary + 1 replica(s)), 2 node(s), cluster mode off, automatic failover,"
        + " TLS, 3.7 GiB used, memory used max 34.2%, connections avg 1460 (max 3320), hit ratio 0.96, app tableapp",
        cache.details());
    assertEquals(List.of(db, cache), m.dataStores());
    assertEquals(1, m.countsByKind().get("rds-instance"));
    assertEquals(1, m.countsByKind().get("elasticache-cluster"));
  }

  @Test
  void mappingAndCostsShowBothSides() {
    ReportModel m = ReportModel.of(A);
    for (String kind : List.of("rds-instance", "elasticache-cluster")) {
      ReportModel.MappingRow r = m.mappings().stream().filter(x -> x.kind().equals(kind)).findFirst().orElseThrow();
      assertFalse(r.size().isBlank(), kind);
      assertFalse(r.size().equals(r.targetLabel()), kind + " has a size of its own: " + r.size());
      for (Phase phase : List.of(Phase.CURRENT, Phase.TARGET)) {
        assertTrue(m.costLines().stream().anyMatch(l -> l.phase() == phase && r.itemId().equals(l.itemId())),
            kind + " priced in " + phase);
      }
    }
    ReportModel.MappingRow sql = m.mappings().stream().filter(x -> x.kind().equals("rds-instance")).findFirst()
        .orElseThrow();
    assertTrue(sql.size().startsWith("enterprise, ") && sql.size().contains(" GiB ssd, HA"), sql.size());
  }

  @Test
  void consoleAndJsonCountThem() throws Exception {
    ReportModel m = ReportModel.of(A);
    String console = ConsoleSummary.render(m, List.of());
    assertTrue(console.contains("Databases and caches: 1 RDS instance (Multi-AZ), 1 ElastiCache cache (2 nodes)"),
        console);
    JsonNode json = new ObjectMapper().readTree(AssessmentJson.toJson(m));
    assertEquals(2, json.get("dataStores").size());
    assertEquals("rds-instance", json.get("dataStores").get(0).get("kind").asText());
    assertEquals(1, json.get("counts").get("byKind").get("elasticache-cluster").asInt());
  }

  @Test
  void anonymisedRowsNameNothing() {
    ReportModel m = ReportModel.of(A, Anonymizer.forAssessment(A, "fixed-salt"));
    for (ReportModel.InventoryRow r : m.dataStores()) {
      String all = String.join(" ", r.id(), r.name(), r.details());
      assertFalse(all.contains("tableapp"), all);
    }
    assertTrue(m.dataStores().get(0).id().startsWith("db-"), m.dataStores().get(0).id());
    assertTrue(m.dataStores().get(1).id().startsWith("cache-"), m.dataStores().get(1).id());
  }

  private static ReportModel.InventoryRow row(ReportModel m, String kind) {
    return m.inventory().stream().filter(r -> r.kind().equals(kind)).findFirst().orElseThrow();
  }
}
