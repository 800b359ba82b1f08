package dev.migrate.report;

import dev.migrate.testing.Golden;

import static dev.migrate.testing.Money.assertUsd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.migrate.cost.Assessment;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AssessmentJsonTest {
  private static final ObjectMapper READ = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static JsonSchema schema() throws Exception {
    try (InputStream in = AssessmentJson.class.getResourceAsStream("/schema/assessment-v1.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  private static JsonNode json(Assessment a, Anonymizer anon) throws Exception {
    return READ.readTree(AssessmentJson.toJson(ReportModel.of(a, anon)));
  }

  private static void assertValid(JsonNode node) throws Exception {
    Set<ValidationMessage> errors = schema().validate(node);
    assertTrue(errors.isEmpty(), () -> "schema violations: " + errors);
  }

  @Test
  void sampleEstateValidatesAgainstTheSchema() throws Exception {
    assertValid(json(Fixtures.tableapp(), Anonymizer.none()));
  }

  @Test
  void estateWithoutBillingRequestsOrTimelineValidates() throws Exception {
    assertValid(json(Fixtures.bare(), Anonymizer.none()));
  }

  @Test
  void anonymizedJsonValidates() throws Exception {
    Assessment a = Fixtures.tableapp();
    assertValid(json(a, Anonymizer.forAssessment(a, "test salt")));
  }

  @Test
  void schemaRejectsADocumentWithoutTotals() throws Exception {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) json(Fixtures.tableapp(), Anonymizer.none());
    node.remove("totals");
    assertFalse(schema().validate(node).isEmpty());
  }

  @Test
  void totalsEqualTheSumOfTheCostLinesAtFullPrecision() throws Exception {
    Assessment a = Fixtures.tableapp();
    JsonNode j = json(a, Anonymizer.none());
    assertEquals("migrate.assessment/v1", j.get("schema").asText());
    BigDecimal aws = BigDecimal.ZERO;
    BigDecimal gcp = BigDecimal.ZERO;
    for (JsonNode l : j.get("costLines")) {
      if (l.get("phase").asText().equals("CURRENT")) {
        aws = aws.add(l.get("monthlyUsd").decimalValue());
      } else {
        gcp = gcp.add(l.get("monthlyUsd").decimalValue());
      }
    }
    JsonNode t = j.get("totals");
    assertUsd(aws.toPlainString(), t.get("awsMonthlyUsd").decimalValue(), "awsMonthlyUsd");
    assertUsd(gcp.toPlainString(), t.get("gcpMonthlyUsd").decimalValue(), "gcpMonthlyUsd");
    assertUsd(a.current().monthlyUsd().toPlainString(), t.get("awsMonthlyUsd").decimalValue(), "awsMonthlyUsd");
    assertUsd(aws.subtract(gcp).toPlainString(), t.get("savingsUsd").decimalValue(), "savingsUsd");
    assertEquals(0, a.savingsPct().compareTo(t.get("savingsPct").decimalValue()));
    assertEquals(0, a.requests().awsPerMillionUsd().compareTo(t.get("costPerMillionRequests").get("aws").decimalValue()));
    assertEquals(0, a.requests().gcpPerMillionUsd().compareTo(t.get("costPerMillionRequests").get("gcp").decimalValue()));
    assertEquals(Fixtures.MONTHLY_REQUESTS, t.get("monthlyRequests").asLong());
    assertEquals(0, t.get("notAvailable").size());
    assertEquals(a.timelines().get(0).peakMonth().toString(), j.get("hybrid").get("peakMonth").asText());
  }

  @Test
  void figuresThatCannotBeComputedAreNullWithAReason() throws Exception {
    JsonNode j = json(Fixtures.bare(), Anonymizer.none());
    JsonNode t = j.get("totals");
    assertTrue(t.get("costPerMillionRequests").get("aws").isNull());
    assertTrue(t.get("costPerMillionRequests").get("gcp").isNull());
    assertTrue(t.get("monthlyRequests").isNull());
    assertEquals(ReportModel.NO_REQUESTS, t.get("notAvailable").get("costPerMillionRequests").asText());
    assertEquals(ReportModel.NO_TIMELINE, t.get("notAvailable").get("peakHybridMonth").asText());
    assertEquals(ReportModel.NO_BILLING, t.get("notAvailable").get("awsBillGrowthPct").asText());
    assertTrue(j.get("hybrid").get("peakMonthUsd").isNull());
    assertTrue(j.get("hybrid").get("paybackMonths").isNull());
    assertTrue(j.get("reconciliation").isNull());
    assertTrue(j.get("requests").isNull());
    assertEquals(0, j.get("timelines").size());
  }

  @Test
  void outputIsDeterministicWithSortedKeysAndPlainNumbers() throws Exception {
    String one = AssessmentJson.toJson(ReportModel.of(Fixtures.tableapp()));
    String two = AssessmentJson.toJson(ReportModel.of(Fixtures.tableapp()));
    assertEquals(one, two);
    Golden.check("report/tableapp-assessment.json", one);
    assertFalse(one.matches("(?s).*:\\s*-?[0-9.]+[eE][+-]?[0-9].*"), "no exponent notation");
    checkSorted(READ.readTree(one));
  }

  /**
   * The arrays that grow with the estate have one element per line, each line a whole JSON value (docs/assessment-json.md,
   * "Layout"), so a line-oriented tool reads them one at a time; the rest of the document is indented as before.
   */
  @Test
  void largeArraysHaveOneElementPerLine() throws Exception {
    for (Assessment a : java.util.List.of(Fixtures.tableapp(), Fixtures.scenarios())) {
      String text = AssessmentJson.toJson(ReportModel.of(a));
      JsonNode tree = READ.readTree(text);
      java.util.List<String> lines = text.lines().toList();
      for (String name : java.util.List.of("costLines", "mappings", "unmapped")) {
        JsonNode array = tree.get(name);
        int open = lines.indexOf("  \"" + name + "\" : " + (array.isEmpty() ? "[ ]," : "["));
        assertTrue(open >= 0, () -> name + " starts a line of its own");
        for (int i = 0; i < array.size(); i++) {
          String line = lines.get(open + 1 + i);
          assertTrue(line.startsWith("    {"), line);
          String value = i + 1 < array.size() ? line.substring(4, line.length() - 1) : line.substring(4);
          assertEquals(array.get(i), READ.readTree(value), name + "[" + i + "]");
        }
        if (!array.isEmpty()) {
          assertTrue(lines.get(open + 1 + array.size()).matches(" {2}\\],?"), name + " ends on a line of its own");
        }
      }
      assertTrue(text.contains("\n  \"totals\" : {\n    \"awsMonthlyUsd\" : "), "other fields stay indented");
    }
  }

  /** A text written from its once-encoded form is the text the generator writes itself, escapes included. */
  @Test
  void repeatedTextsAreWrittenAsTheGeneratorWritesThem() throws Exception {
    java.util.List<String> texts = new ArrayList<>(java.util.List.of("", "plain", "a \"quoted\" \\ back", "tab\tnew\nline\r",
        "\u0000\u001f\u007f", "ünïcødé ✓ 日本", "emoji 😀", "</script>", "\u2028\u2029"));
    for (int i = 0; i < AssessmentJson.Repeated.LIMIT + 5; i++) {
      texts.add("t" + i);
    }
    var factory = new com.fasterxml.jackson.core.JsonFactory();
    var cached = new java.io.ByteArrayOutputStream();
    var plain = new java.io.ByteArrayOutputStream();
    var repeated = new AssessmentJson.Repeated();
    try (var a = factory.createGenerator(cached); var b = factory.createGenerator(plain)) {
      a.writeStartArray();
      b.writeStartArray();
      for (int pass = 0; pass < 2; pass++) {
        for (String t : texts) {
          repeated.write(a, t);
          b.writeString(t);
        }
      }
      repeated.write(a, null);
      b.writeNull();
      a.writeEndArray();
      b.writeEndArray();
    }
    assertEquals(plain.toString(java.nio.charset.StandardCharsets.UTF_8),
        cached.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * docs/assessment-json.md has a row for every top-level field the writer emits, and no row
   * for a field it does not: a new field cannot ship undocumented.
   */
  @Test
  void everyTopLevelFieldIsDocumented() throws Exception {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs", "assessment-json.md"));
    String table = doc.substring(doc.indexOf("## Top level"), doc.indexOf("### `totals`"));
    var documented = new java.util.TreeSet<String>();
    var row = java.util.regex.Pattern.compile("(?m)^\\| `([A-Za-z]+)(\\[\\])?` \\|").matcher(table);
    while (row.find()) {
      documented.add(row.group(1));
    }
    var written = new java.util.TreeSet<String>();
    // The scenarios fixture has timelines, scenarios, requests and billing: every field is filled.
    json(Fixtures.scenarios(), Anonymizer.none()).fieldNames().forEachRemaining(written::add);
    json(Fixtures.bare(), Anonymizer.none()).fieldNames().forEachRemaining(written::add);
    // Fields written only when the cost lines listed are limited (--cost-lines).
    var limited = new java.io.ByteArrayOutputStream();
    AssessmentJson.write(ReportModel.of(Fixtures.scenarios()), limited, 2);
    READ.readTree(limited.toByteArray()).fieldNames().forEachRemaining(written::add);
    // Fields written only for an estate of several accounts (its golden, kept true by EstateReportGoldenTest).
    READ.readTree(java.nio.file.Path.of("src/test/resources/golden/report/estate-assessment.json").toFile()).fieldNames()
        .forEachRemaining(written::add);
    assertEquals(written, documented, "top-level fields written vs rows of the table in docs/assessment-json.md");
  }

  /**
   * Every kind of target is written with the fields the mapper gives its record (numbers as it writes them, nested
   * lists as sorted objects), plus type, label, category and size, keys sorted; text fields anonymised at the top only.
   */
  @Test
  void everyKindOfTargetIsWrittenAsTheMapperSeesItsRecord() throws Exception {
    java.util.List<dev.migrate.plan.Target> targets = java.util.List.of(
        new dev.migrate.plan.Target.GkeWorkload("Deployment", "web", "primary", "pool-web", "n2-standard-4", 0.75, 3,
            0.5, 1.0, false, "asia-northeast1", "i-00000000000000001 on Compute Engine"),
        new dev.migrate.plan.Target.ComputeEngineVm("e2-standard-2", "x86_64", "linux", true, "asia-northeast1"),
        new dev.migrate.plan.Target.PersistentDisk("pd-balanced", 100, null, 140, "asia-northeast1"),
        new dev.migrate.plan.Target.CloudLoadBalancer("external-https", 2, true, "asia-northeast1"),
        new dev.migrate.plan.Target.CloudCdn("tableapp-web-alb", "CACHE_ALL_STATIC", true, "global"),
        new dev.migrate.plan.Target.CloudStorage("ASIA-NORTHEAST1", java.util.List.of(
            new dev.migrate.plan.Target.ClassMapping("STANDARD", "STANDARD", 12.5),
            new dev.migrate.plan.Target.ClassMapping("GLACIER", "ARCHIVE", 3.0)), "asia-northeast1"),
        new dev.migrate.plan.Target.Memorystore("redis", "STANDARD_HA", 6.38, 1, 1, "asia-northeast1"),
        new dev.migrate.plan.Target.CloudSql("postgres", "ENTERPRISE", 2, 7.5, 100L, "PD_SSD", true, 1,
            "asia-northeast1"),
        new dev.migrate.plan.Target.AlloyDb(4, 32, 250.5, true, 2, "asia-northeast1"),
        new dev.migrate.plan.Target.Retire("i-00000000000000002", "asia-northeast1"),
        new dev.migrate.plan.Target.Retire(null, "asia-northeast1"));
    var permitted = new java.util.TreeSet<String>();
    for (Class<?> c : dev.migrate.plan.Target.class.getPermittedSubclasses()) {
      permitted.add(c.getSimpleName());
    }
    assertEquals(permitted, new java.util.TreeSet<>(targets.stream().map(t -> t.getClass().getSimpleName()).toList()),
        "a target of each kind");
    Assessment base = Fixtures.tableapp();
    var mappings = new ArrayList<dev.migrate.plan.Mapping>();
    for (int i = 0; i < targets.size(); i++) {
      mappings.add(new dev.migrate.plan.Mapping(Fixtures.iid(i + 1), dev.migrate.plan.ItemKind.EC2_INSTANCE,
          "web-" + i, "ap-northeast-1", targets.get(i), "rule-" + i, "because", dev.migrate.plan.Effort.REHOST,
          java.util.List.of(), java.util.List.of(), java.util.Map.of("b", "2", "a", "1")));
    }
    Assessment a = new Assessment(base.snapshot(), new dev.migrate.plan.MigrationPlan(mappings, java.util.List.of(),
        base.plan().regionMap(), base.plan().rulesSource()), base.current(), base.target(), base.missingPrices(),
        base.reconciliation(), base.requests(), base.timelines(), base.assumptions(), base.priceBookDate(),
        base.generatedAt(), base.warnings());
    ObjectMapper mapper = new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    for (Anonymizer anon : java.util.List.of(Anonymizer.none(), Anonymizer.forAssessment(a, "test salt"))) {
      ReportModel m = ReportModel.of(a, anon);
      // Read as the mapper reads (doubles), so the text of each number is as written.
      JsonNode written = mapper.readTree(AssessmentJson.toJson(m)).get("mappings");
      assertEquals(targets.size(), written.size());
      for (int i = 0; i < targets.size(); i++) {
        ReportModel.MappingRow r = m.mappings().get(i);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> fields = mapper.convertValue(r.target(), java.util.LinkedHashMap.class);
        var expected = new java.util.TreeMap<String, Object>();
        fields.forEach((k, v) -> expected.put(k, v instanceof String x && !k.equals("type") ? anon.text(x) : v));
        if (r.target() instanceof dev.migrate.plan.Target.Retire ret && ret.foldedInto() != null) {
          expected.put("foldedInto", anon.id(ret.foldedInto()));
        }
        expected.put("label", r.targetLabel());
        expected.put("category", r.category());
        expected.put("size", r.size());
        String want = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(expected);
        String got = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(written.get(i).get("target"));
        assertEquals(want, got, r.target().getClass().getSimpleName() + (anon.enabled() ? ", anonymised" : ""));
        assertEquals("{\n  \"a\" : \"1\",\n  \"b\" : \"2\"\n}",
            mapper.writerWithDefaultPrettyPrinter().writeValueAsString(written.get(i).get("sizing")));
      }
    }
  }

  private static void checkSorted(JsonNode n) {
    if (n.isObject()) {
      var names = new ArrayList<String>();
      n.fieldNames().forEachRemaining(names::add);
      var sorted = new ArrayList<>(names);
      sorted.sort(null);
      assertEquals(sorted, names);
      for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
        checkSorted(it.next());
      }
    } else if (n.isArray()) {
      n.forEach(AssessmentJsonTest::checkSorted);
    }
  }
}
