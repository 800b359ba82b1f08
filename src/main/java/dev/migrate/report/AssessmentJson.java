package dev.migrate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.migrate.cost.Assumption;
import dev.migrate.cost.BillCoverage;
import dev.migrate.cost.CommitmentCoverage;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.MissingPrice;
import dev.migrate.cost.Reconciliation;
import dev.migrate.cost.RequestCosts;
import dev.migrate.cost.Timeline;
import dev.migrate.inventory.Gap;
import dev.migrate.io.PlainNumbers;
import dev.migrate.plan.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the assessment JSON, format {@value #SCHEMA} (documented in docs/assessment-json.md,
 * JSON Schema in {@code schema/assessment-v1.schema.json}).
 *
 * <p>Deterministic: object keys sorted, arrays in the assessment's order, money as JSON numbers
 * with the full precision of the model (never rounded, never in exponent notation), dates ISO
 * 8601. A figure that cannot be computed is {@code null} and {@code totals.notAvailable} says why.
 */
public final class AssessmentJson {
  /** Format name and version written in the {@code schema} field. */
  public static final String SCHEMA = "migrate.assessment/v1";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  private AssessmentJson() {}

  /** Cost lines listed: every one (the default). */
  public static final int ALL_COST_LINES = -1;

  public static void write(ReportModel m, OutputStream out) throws IOException {
    write(m, out, ALL_COST_LINES);
  }

  /**
   * The JSON listing {@code costLines} cost lines: {@link #ALL_COST_LINES}, or the N dearest of each side (0: none);
   * when not all are listed, {@code costLinesListed} says how many of how many.
   */
  public static void write(ReportModel m, OutputStream out, int costLines) throws IOException {
    Map<String, Object> root = tree(m);
    if (costLines != ALL_COST_LINES) {
      List<CostLine> listed = dearest(m.costLines(), costLines);
      root.put("costLines", new Lines<>(listed, AssessmentJson::costLine));
      var info = new TreeMap<String, Object>();
      info.put("listed", listed.size());
      info.put("total", m.costLines().size());
      info.put("selection", costLines == 0 ? "none" : "top:" + costLines);
      root.put("costLinesListed", info);
    }
    MAPPER.writeValue(out, root);
    out.write('\n');
    out.flush();
  }

  /** The {@code n} dearest lines of each side (by monthly amount, either sign), in the model's order. */
  static List<CostLine> dearest(List<CostLine> all, int n) {
    // Each line is read once to rank it and once to list it (a line of an anonymised model is made on each read).
    int sides = dev.migrate.cost.Phase.values().length;
    List<List<Integer>> bySide = new ArrayList<>();
    List<List<java.math.BigDecimal>> absBySide = new ArrayList<>();
    for (int p = 0; p < sides; p++) {
      bySide.add(new ArrayList<>());
      absBySide.add(new ArrayList<>());
    }
    for (int i = 0; i < all.size(); i++) {
      CostLine l = all.get(i);
      bySide.get(l.phase().ordinal()).add(i);
      absBySide.get(l.phase().ordinal()).add(l.monthlyUsd().abs());
    }
    boolean[] keep = new boolean[all.size()];
    for (int p = 0; p < sides; p++) {
      List<Integer> side = bySide.get(p);
      Integer[] order = CostsSheet.dearestFirst(absBySide.get(p).toArray(java.math.BigDecimal[]::new));
      for (int k = 0; k < Math.min(n, order.length); k++) {
        keep[side.get(order[k])] = true;
      }
    }
    List<CostLine> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (keep[i]) {
        out.add(all.get(i));
      }
    }
    return out;
  }

  public static String toJson(ReportModel m) {
    var out = new java.io.ByteArrayOutputStream();
    try {
      write(m, out);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory write failed", e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The document as sorted maps and (lazy) lists: large arrays are built element by element while writing. */
  static Map<String, Object> tree(ReportModel m) {
    var f = m.figures();
    var root = new TreeMap<String, Object>();
    root.put("schema", SCHEMA);
    root.put("generatedAt", m.generatedAt().toString());
    root.put("anonymized", m.anonymizer().enabled());
    var account = new TreeMap<String, Object>();
    account.put("id", m.accountId());
    account.put("alias", m.accountAlias());
    root.put("account", account);
    var w = m.assessment().snapshot().window();
    var window = new TreeMap<String, Object>();
    window.put("start", w.start().toString());
    window.put("end", w.end().toString());
    window.put("days", w.days());
    root.put("window", window);
    root.put("priceBookDate", m.priceBookDate() == null ? null : m.priceBookDate().toString());
    root.put("rulesSource", m.rulesSource());
    root.put("regionMap", new TreeMap<>(m.assessment().plan().regionMap()));

    var totals = new TreeMap<String, Object>();
    totals.put("awsMonthlyUsd", f.awsMonthlyUsd());
    totals.put("gcpMonthlyUsd", f.gcpMonthlyUsd());
    totals.put("savingsUsd", f.savingsUsd());
    totals.put("savingsPct", f.savingsPct());
    totals.put("monthlyRequests", f.monthlyRequests());
    var perMillion = new TreeMap<String, Object>();
    perMillion.put("aws", f.awsPerMillionUsd());
    perMillion.put("gcp", f.gcpPerMillionUsd());
    totals.put("costPerMillionRequests", perMillion);
    totals.put("notAvailable", f.notAvailable());
    // Lines priced from the nearest region that has the price (inside the totals above), per side.
    var estimated = new TreeMap<String, Object>();
    estimated.put("aws", f.awsEstimatedUsd());
    estimated.put("gcp", f.gcpEstimatedUsd());
    estimated.put("lines", f.estimatedLines());
    totals.put("estimatedUsd", estimated);
    totals.put("savingsBound", f.savingsBound());
    totals.put("pricedSavingsPct", m.pricedSavingsPct());
    root.put("totals", totals);
    if (m.estate()) {
      // Written only for an estate of several accounts, so a one-account document is unchanged.
      var accounts = new TreeMap<String, Object>();
      accounts.put("billMonth", str(m.accountBillMonth()));
      accounts.put("rows", m.accounts().stream().map(r -> {
        var o = new TreeMap<String, Object>();
        o.put("id", r.accountId());
        o.put("name", r.name());
        o.put("shared", r.accountId() == null);
        o.put("items", r.items());
        o.put("awsMonthlyUsd", r.awsMonthlyUsd());
        o.put("gcpMonthlyUsd", r.gcpMonthlyUsd());
        o.put("savingsUsd", r.savingsUsd());
        o.put("savingsPct", r.savingsPct());
        o.put("billUsd", r.billUsd());
        o.put("billCoveredPct", r.billCoveredPct());
        return o;
      }).toList());
      root.put("accounts", accounts);
    }
    root.put("coverage", coverage(m.billCoverage()));
    root.put("dependencies", dev.migrate.deps.DependencyExport.tree(m.dependencies(), m.dependencyNames()));

    var hybrid = new TreeMap<String, Object>();
    hybrid.put("scenario", f.scenario());
    hybrid.put("description", m.timelines().isEmpty() ? null : m.timelines().get(0).description());
    hybrid.put("peakMonth", str(f.peakHybridMonth()));
    hybrid.put("peakMonthUsd", f.peakHybridMonthUsd());
    hybrid.put("paybackMonth", str(f.paybackMonth()));
    hybrid.put("paybackMonths", f.paybackMonths());
    hybrid.put("oneOffUsd", f.oneOffUsd());
    root.put("hybrid", hybrid);

    var trend = new TreeMap<String, Object>();
    trend.put("firstMonth", str(f.billFirstMonth()));
    trend.put("lastMonth", str(f.billLastMonth()));
    trend.put("firstUsd", f.billFirstUsd());
    trend.put("lastUsd", f.billLastUsd());
    trend.put("growthPct", f.billGrowthPct());
    trend.put("monthsCompared", f.billMonthsCompared());
    trend.put("months", m.billMonths().stream().map(b -> {
      var o = new TreeMap<String, Object>();
      o.put("month", b.month().toString());
      o.put("estimated", b.estimated());
      o.put("totalUsd", b.totalUsd());
      o.put("byService", b.services());
      return o;
    }).toList());
    root.put("awsBill", trend);

    var counts = new TreeMap<String, Object>();
    counts.put("byTarget", f.countsByTarget());
    counts.put("byEffort", f.countsByEffort());
    counts.put("items", f.items());
    counts.put("mapped", f.mapped());
    counts.put("unmapped", f.unmapped());
    counts.put("warnings", f.warnings());
    counts.put("blockers", f.blockers());
    counts.put("itemsWithBlockers", f.itemsWithBlockers());
    counts.put("missingPrices", f.missingPrices());
    counts.put("gaps", f.gaps());
    counts.put("byKind", m.countsByKind());
    root.put("counts", counts);

    var byService = new TreeMap<String, Object>();
    byService.put("current", m.currentByService());
    byService.put("target", m.targetByService());
    root.put("byService", byService);

    List<ReportModel.MappingRow> mapped = m.mappings().subList(0, f.mapped());
    List<ReportModel.MappingRow> unmapped = m.mappings().subList(f.mapped(), m.mappings().size());
    // The arrays that grow with the estate are written element by element, one per line (Lines).
    root.put("mappings", new Lines<>(mapped, (g, r, texts) -> mapping(g, r, m.anonymizer(), texts)));
    root.put("unmapped", new Lines<>(unmapped, AssessmentJson::unmapped));
    // Managed databases and caches as the Inventory sheet shows them (engine, size, layout, metrics).
    root.put("dataStores", m.dataStores().stream().map(r -> {
      var o = new TreeMap<String, Object>();
      o.put("kind", r.kind());
      o.put("id", r.id());
      o.put("name", r.name());
      o.put("region", r.region());
      o.put("type", r.type());
      o.put("sizeGib", r.sizeGib());
      o.put("state", r.state());
      o.put("cpuP95Pct", r.cpuP95Pct());
      o.put("details", r.details());
      return o;
    }).toList());
    root.put("costLines", new Lines<>(m.costLines(), AssessmentJson::costLine));
    root.put("missingPrices", m.missingPrices().stream().map(AssessmentJson::missingPrice).toList());
    root.put("reconciliation", reconciliation(m.reconciliation()));
    root.put("commitments", commitments(m.commitmentCoverage()));
    root.put("requests", requests(m.requests()));
    root.put("timelines", m.timelines().stream().map(AssessmentJson::timeline).toList());
    // The comparison the Scenarios sheet shows, so that each of its figures is in the JSON too.
    root.put("scenarios", m.scenarios().stream().map(AssessmentJson::scenario).toList());
    root.put("assumptions", m.assumptions().stream().map(AssessmentJson::assumption).toList());
    root.put("warnings", m.warnings().stream().map(x -> {
      var o = new TreeMap<String, Object>();
      o.put("severity", x.severity());
      o.put("source", x.source());
      o.put("item", x.item());
      o.put("message", x.message());
      return o;
    }).toList());
    root.put("gaps", m.gaps().stream().map(AssessmentJson::gap).toList());
    return root;
  }

  /** Reserved-instance and savings-plan coverage, per model month (docs/assessment-json.md, {@code commitments}). */
  private static Object commitments(CommitmentCoverage c) {
    if (c == null) {
      return null;
    }
    var o = new TreeMap<String, Object>();
    o.put("fromMonth", c.fromMonth().toString());
    o.put("toMonth", c.toMonth().toString());
    o.put("periodHours", c.periodHours());
    o.put("monthFactor", c.monthFactor());
    var ri = c.reservedInstances();
    if (ri == null) {
      o.put("reservedInstances", null);
    } else {
      var r = new TreeMap<String, Object>();
      r.put("coveragePct", ri.coveragePct());
      r.put("reservedHours", ri.reservedHours());
      r.put("totalRunningHours", ri.totalRunningHours());
      r.put("modelledReservedHours", ri.modelledReservedHours());
      r.put("modelledSavingUsd", ri.modelledSavingUsd());
      r.put("flagged", ri.flagged());
      r.put("groups", ri.groups().stream().map(g -> {
        var x = new TreeMap<String, Object>();
        x.put("instanceType", g.instanceType());
        x.put("region", g.region());
        x.put("reservedHours", g.reservedHours());
        x.put("modelledReservedHours", g.modelledReservedHours());
        x.put("differenceHours", g.differenceHours());
        x.put("flagged", g.flagged());
        return x;
      }).toList());
      o.put("reservedInstances", r);
    }
    var sp = c.savingsPlans();
    if (sp == null) {
      o.put("savingsPlans", null);
    } else {
      var x = new TreeMap<String, Object>();
      x.put("coveragePct", sp.coveragePct());
      x.put("utilizationPct", sp.utilizationPct());
      x.put("coveredUsd", sp.coveredUsd());
      x.put("eligibleUsd", sp.eligibleUsd());
      x.put("commitmentUsd", sp.commitmentUsd());
      x.put("usedCommitmentUsd", sp.usedCommitmentUsd());
      x.put("unusedCommitmentUsd", sp.unusedCommitmentUsd());
      x.put("netSavingsUsd", sp.netSavingsUsd());
      x.put("modelledSavingUsd", sp.modelledSavingUsd());
      x.put("applied", sp.applied());
      o.put("savingsPlans", x);
    }
    return o;
  }

  /** Writes one element of a large array to the generator, keys in sorted order as the mapper writes a sorted map. */
  @FunctionalInterface
  private interface Element<T> {
    void write(JsonGenerator g, T element, Texts texts) throws IOException;
  }

  /**
   * Texts one writing of the document makes again and again (plain numbers, dates), each made once. One per array
   * written, so that nothing is shared between threads.
   */
  static final class Texts {
    final PlainNumbers numbers = new PlainNumbers();
    private final Map<java.time.LocalDate, String> dates = new java.util.HashMap<>();
    // One per field, so that a field of distinct values (a reason naming its item) does not crowd out another's.
    final Repeated app = new Repeated();
    final Repeated component = new Repeated();
    final Repeated phase = new Repeated();
    final Repeated priceAsOf = new Repeated();
    final Repeated priceKey = new Repeated();
    final Repeated priceSource = new Repeated();
    final Repeated service = new Repeated();
    final Repeated unit = new Repeated();
    final Repeated region = new Repeated();
    final Repeated effort = new Repeated();
    final Repeated kind = new Repeated();
    final Repeated reason = new Repeated();
    final Repeated ruleId = new Repeated();
    final Repeated targetText = new Repeated();

    String date(java.time.LocalDate d) {
      return d == null ? null : dates.computeIfAbsent(d, java.time.LocalDate::toString);
    }
  }

  /**
   * The texts of one field of a large array, each quoted and encoded to UTF-8 once: a cost line's price source (up to
   * 300 characters), price key, service, unit and component recur on thousands of lines, and copying their bytes costs
   * a fraction of escaping and encoding them character by character again. The bytes are those the generator writes
   * for the string. At most {@link #LIMIT} texts are kept; others, and any text with a surrogate (which the generator
   * checks and reports itself), are written as they come.
   */
  static final class Repeated {
    static final int LIMIT = 1 << 12;
    private final Map<String, SerializedString> seen = new java.util.HashMap<>();

    void write(JsonGenerator g, SerializedString field, String s) throws IOException {
      g.writeFieldName(field);
      write(g, s);
    }

    void write(JsonGenerator g, String s) throws IOException {
      if (s == null) {
        g.writeNull();
        return;
      }
      SerializedString quoted = seen.get(s);
      if (quoted == null) {
        if (seen.size() >= LIMIT || hasSurrogate(s)) {
          g.writeString(s);
          return;
        }
        quoted = new SerializedString(s);
        seen.put(s, quoted);
      }
      g.writeString(quoted);
    }

    private static boolean hasSurrogate(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (Character.isSurrogate(s.charAt(i))) {
          return true;
        }
      }
      return false;
    }
  }

  /** A field name of the large arrays, quoted and encoded once. */
  private static SerializedString name(String n) {
    return new SerializedString(n);
  }

  private static final SerializedString APP = name("app");
  private static final SerializedString AWS_REGION = name("awsRegion");
  private static final SerializedString BLOCKERS = name("blockers");
  private static final SerializedString COMPONENT = name("component");
  private static final SerializedString EFFORT = name("effort");
  private static final SerializedString ESTIMATED = name("estimated");
  private static final SerializedString ITEM_ID = name("itemId");
  private static final SerializedString ITEM_NAME = name("itemName");
  private static final SerializedString KIND = name("kind");
  private static final SerializedString MONTHLY_USD = name("monthlyUsd");
  private static final SerializedString PHASE = name("phase");
  private static final SerializedString PRICE_AS_OF = name("priceAsOf");
  private static final SerializedString PRICE_KEY = name("priceKey");
  private static final SerializedString PRICE_SOURCE = name("priceSource");
  private static final SerializedString QUANTITY = name("quantity");
  private static final SerializedString REASON = name("reason");
  private static final SerializedString RULE_ID = name("ruleId");
  private static final SerializedString SERVICE = name("service");
  private static final SerializedString SIZING = name("sizing");
  private static final SerializedString TARGET = name("target");
  private static final SerializedString UNIT = name("unit");
  private static final SerializedString UNIT_PRICE_USD = name("unitPriceUsd");
  private static final SerializedString WARNINGS = name("warnings");

  /**
   * An array that grows with the estate (cost lines, mappings): written element by element straight to the generator,
   * so that no element becomes a map first, and laid out one element per line, each element compact:
   *
   * <pre>
   *   "costLines" : [
   *     {"app":"web","component":"instance hours m5.large",...},
   *     {"app":"web",...}
   *   ],
   * </pre>
   *
   * <p>A line per element keeps the file easy to read, search ({@code grep}) and compare ({@code diff}) one element at
   * a time, where pretty-printing each field on its own line made the file about 1.2 times as large (at 812,000 cost
   * lines: more than half of an 842 MiB file was indentation) and its writing slower. The content is the same JSON.
   */
  private record Lines<T>(List<T> list, Element<T> element) implements JsonSerializable {
    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
      PrettyPrinter outer = g.getPrettyPrinter();
      if (outer != null) {
        // The array's own depth: its elements go one level deeper, two spaces each as the default indenter does.
        int depth = g.getOutputContext().getNestingDepth();
        g.setPrettyPrinter(new LinePerElement(outer, depth));
      }
      try {
        Texts texts = new Texts();
        g.writeStartArray(list, list.size());
        for (T x : list) {
          element.write(g, x, texts);
        }
        g.writeEndArray();
      } finally {
        g.setPrettyPrinter(outer);
      }
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
        throws IOException {
      serialize(g, provider);
    }
  }

  /**
   * The layout of {@link Lines}: a new line and the indentation before each element, nothing between the tokens inside
   * one. Installed on the generator for the array only; the separator before the array's value is the outer printer's.
   */
  private static final class LinePerElement implements PrettyPrinter {
    private final PrettyPrinter outer;
    private final String beforeElement;
    private final String beforeEnd;
    /** 0 before the array starts, 1 inside it, more inside an element. */
    private int depth;

    LinePerElement(PrettyPrinter outer, int arrayDepth) {
      this.outer = outer;
      this.beforeElement = "\n" + "  ".repeat(arrayDepth + 1);
      this.beforeEnd = "\n" + "  ".repeat(arrayDepth);
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
      outer.writeRootValueSeparator(g);
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
      depth++;
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      g.writeRaw('}');
      depth--;
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(',');
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      if (depth == 0) {
        outer.writeObjectFieldValueSeparator(g); // between the array's name and the array
      } else {
        g.writeRaw(':');
      }
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
      depth++;
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      if (depth == 1) {
        g.writeRaw(values > 0 ? beforeEnd : " "); // an empty one as the outer printer writes it: [ ]
      }
      g.writeRaw(']');
      depth--;
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      if (depth == 1) {
        g.writeRaw(',');
        g.writeRaw(beforeElement);
      } else {
        g.writeRaw(',');
      }
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      if (depth == 1) {
        g.writeRaw(beforeElement);
      }
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
      // nothing: an element is compact
    }
  }

  private static void mapping(JsonGenerator g, ReportModel.MappingRow r, Anonymizer anon, Texts texts)
      throws IOException {
    g.writeStartObject();
    texts.region.write(g, AWS_REGION, r.awsRegion());
    g.writeFieldName(BLOCKERS);
    strings(g, r.blockers());
    texts.effort.write(g, EFFORT, r.effort());
    g.writeFieldName(ITEM_ID);
    g.writeString(r.itemId());
    g.writeFieldName(ITEM_NAME);
    g.writeString(r.itemName());
    texts.kind.write(g, KIND, r.kind());
    texts.reason.write(g, REASON, r.reason());
    texts.ruleId.write(g, RULE_ID, r.ruleId());
    g.writeFieldName(SIZING);
    sortedStrings(g, r.sizing());
    g.writeFieldName(TARGET);
    target(g, r, anon, texts.targetText);
    g.writeFieldName(WARNINGS);
    strings(g, r.warnings());
    g.writeEndObject();
  }

  private static void unmapped(JsonGenerator g, ReportModel.MappingRow r, Texts texts) throws IOException {
    g.writeStartObject();
    texts.region.write(g, AWS_REGION, r.awsRegion());
    g.writeFieldName(ITEM_ID);
    g.writeString(r.itemId());
    g.writeFieldName(ITEM_NAME);
    g.writeString(r.itemName());
    texts.kind.write(g, KIND, r.kind());
    texts.reason.write(g, REASON, r.reason());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, List<String> list) throws IOException {
    if (list == null) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    // By index: the lists are random-access, and a mapping's (mostly empty) blockers and warnings then cost no
    // iterator each (about 30 MiB of garbage at 200,000 mappings).
    for (int i = 0; i < list.size(); i++) {
      g.writeString(list.get(i));
    }
    g.writeEndArray();
  }

  /** A map of text by key, keys sorted. */
  private static void sortedStrings(JsonGenerator g, Map<String, String> map) throws IOException {
    if (map == null) {
      g.writeNull();
      return;
    }
    String previous = null;
    boolean ascending = true;
    for (String k : map.keySet()) {
      if (previous != null && (k == null || previous.compareTo(k) >= 0)) {
        ascending = false;
        break;
      }
      previous = k;
    }
    // A mapping's sizing is kept sorted by key (Mapping sorts it once): then it is written as it is.
    Map<String, String> sorted = ascending ? map : new TreeMap<>(map);
    g.writeStartObject();
    for (var e : sorted.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  /**
   * The target record's fields (with its {@code type}), plus label, category and size text, keys sorted; text fields
   * through the anonymizer (not the type, and not inside nested values such as a bucket's storage classes).
   */
  private static void target(JsonGenerator g, ReportModel.MappingRow r, Anonymizer anon, Repeated texts)
      throws IOException {
    Target t = r.target();
    if (t == null) {
      g.writeNull();
      return;
    }
    TargetShape shape = TargetShape.of(t.getClass());
    String folded = t instanceof Target.Retire ret && ret.foldedInto() != null ? anon.id(ret.foldedInto()) : null;
    g.writeStartObject();
    for (TargetShape.Field f : shape.fields()) {
      switch (f.name()) {
        case "type" -> texts.write(g, f.quoted(), shape.type());
        case "label" -> texts.write(g, f.quoted(), r.targetLabel());
        case "category" -> texts.write(g, f.quoted(), r.category());
        case "size" -> texts.write(g, f.quoted(), r.size());
        default -> {
          g.writeFieldName(f.quoted());
          Object v = f.get(t);
          if (folded != null && f.name().equals("foldedInto")) {
            g.writeString(folded);
          } else if (v instanceof String s) {
            texts.write(g, anon.text(s));
          } else if (v == null) {
            g.writeNull();
          } else if (v instanceof Double d) {
            g.writeNumber(d);
          } else if (v instanceof Integer i) {
            g.writeNumber(i);
          } else if (v instanceof Long n) {
            g.writeNumber(n);
          } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
          } else {
            // Nested values (a bucket's storage classes) as the mapper writes them as maps: keys sorted. Rare (one per
            // bucket), so the conversion's cost does not matter.
            MAPPER.writeValue(g, MAPPER.convertValue(v, Object.class));
          }
        }
      }
    }
    g.writeEndObject();
  }

  /**
   * The JSON keys of one kind of target in sorted order: its record components (as the mapper names them), its
   * {@code type} name, and the label, category and size the report adds.
   */
  record TargetShape(String type, List<Field> fields) {
    private static final Map<Class<?>, TargetShape> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A record component or one of the added keys (no accessor). */
    record Field(String name, java.lang.reflect.Method accessor, SerializedString quoted) {
      private static final Object[] NO_ARGS = {};

      Field(String name, java.lang.reflect.Method accessor) {
        this(name, accessor, new SerializedString(name));
      }

      Object get(Object record) throws IOException {
        try {
          return accessor.invoke(record, NO_ARGS); // one empty array for all calls, not a new one per call
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("reading " + name + " of " + record.getClass().getSimpleName(), e);
        }
      }
    }

    static TargetShape of(Class<?> c) {
      return SHAPES.computeIfAbsent(c, TargetShape::shape);
    }

    private static TargetShape shape(Class<?> c) {
      var names = new TreeMap<String, Field>();
      for (var rc : c.getRecordComponents()) {
        java.lang.reflect.Method accessor = rc.getAccessor();
        accessor.setAccessible(true);
        names.put(rc.getName(), new Field(rc.getName(), accessor));
      }
      for (String added : List.of("type", "label", "category", "size")) {
        names.put(added, new Field(added, null));
      }
      String type = null;
      for (var sub : Target.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class).value()) {
        if (sub.value() == c) {
          type = sub.name();
        }
      }
      if (type == null) {
        throw new IllegalStateException(c.getName() + " is not a listed subtype of Target");
      }
      return new TargetShape(type, List.copyOf(names.values()));
    }
  }

  private static void costLine(JsonGenerator g, CostLine l, Texts texts) throws IOException {
    g.writeStartObject();
    texts.app.write(g, APP, l.app());
    texts.component.write(g, COMPONENT, l.component());
    g.writeFieldName(ESTIMATED);
    g.writeBoolean(l.estimated());
    g.writeFieldName(ITEM_ID);
    g.writeString(l.itemId());
    g.writeFieldName(ITEM_NAME);
    g.writeString(l.itemName());
    number(g, MONTHLY_USD, l.monthlyUsd(), texts);
    texts.phase.write(g, PHASE, l.phase().name());
    texts.priceAsOf.write(g, PRICE_AS_OF, texts.date(l.priceAsOf()));
    texts.priceKey.write(g, PRICE_KEY, l.priceKey());
    texts.priceSource.write(g, PRICE_SOURCE, l.priceSource());
    number(g, QUANTITY, l.quantity(), texts);
    texts.service.write(g, SERVICE, l.service());
    texts.unit.write(g, UNIT, l.unit());
    number(g, UNIT_PRICE_USD, l.unitPriceUsd(), texts);
    g.writeEndObject();
  }

  /** A number as {@code writeNumber(BigDecimal)} writes it with plain notation, its text made once per value. */
  private static void number(JsonGenerator g, SerializedString name, java.math.BigDecimal v, Texts texts)
      throws IOException {
    g.writeFieldName(name);
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(texts.numbers.text(v));
    }
  }

  private static Object missingPrice(MissingPrice p) {
    var o = new TreeMap<String, Object>();
    o.put("phase", p.phase().name());
    o.put("itemId", p.itemId());
    o.put("component", p.component());
    o.put("priceKey", p.priceKey());
    return o;
  }

  private static Object coverage(BillCoverage c) {
    if (c == null) {
      return null;
    }
    var o = new TreeMap<String, Object>();
    o.put("basis", c.basis());
    o.put("billMonth", c.billMonth() == null ? null : c.billMonth().toString());
    o.put("billUsd", c.billUsd());
    o.put("awsTodayFromBillPct", c.differenceFromBillPct());
    o.put("modelledUsd", c.modelledUsd());
    o.put("mappedUsd", c.mappedUsd());
    o.put("carriedUsd", c.carriedUsd());
    o.put("modelledPct", c.pct(c.modelledUsd()));
    o.put("mappedPct", c.pct(c.mappedUsd()));
    o.put("carriedPct", c.pct(c.carriedUsd()));
    o.put("headline", c.headline());
    o.put("carried", c.carried().stream().map(AssessmentJson::part).toList());
    o.put("mapped", c.mapped().stream().map(AssessmentJson::part).toList());
    o.put("lines", c.lines().stream().map(l -> {
      var x = new TreeMap<String, Object>();
      x.put("service", l.service());
      x.put("usageType", l.usageType());
      x.put("region", l.region());
      x.put("amountUsd", l.amountUsd());
      x.put("quantity", l.quantity());
      x.put("unit", l.unit());
      x.put("family", l.family());
      x.put("coverage", l.coverage());
      return x;
    }).toList());
    return o;
  }

  private static Object part(BillCoverage.Part p) {
    var x = new TreeMap<String, Object>();
    x.put("service", p.service());
    x.put("awsUsd", p.awsUsd());
    x.put("gcpUsd", p.gcpUsd());
    x.put("reason", p.reason());
    return x;
  }

  private static Object reconciliation(Reconciliation r) {
    if (r == null) {
      return null;
    }
    var o = new TreeMap<String, Object>();
    o.put("billMonth", r.billMonth().toString());
    o.put("modelledUsd", r.modelledUsd());
    o.put("billedUsd", r.billedUsd());
    o.put("differencePct", r.differencePct());
    o.put("thresholdPct", r.thresholdPct());
    o.put("warnings", r.warnings());
    var rows = new ArrayList<Object>();
    for (Reconciliation.Row row : r.rows()) {
      var x = new TreeMap<String, Object>();
      x.put("service", row.service());
      x.put("billedServices", row.billedServices());
      x.put("modelledUsd", row.modelledUsd());
      x.put("billedUsd", row.billedUsd());
      x.put("differenceUsd", row.differenceUsd());
      x.put("differencePct", row.differencePct());
      x.put("coverage", row.coverage());
      x.put("usageTypes", row.usageTypes());
      rows.add(x);
    }
    o.put("rows", rows);
    return o;
  }

  private static Object requests(RequestCosts r) {
    if (r == null) {
      return null;
    }
    var o = new TreeMap<String, Object>();
    o.put("monthlyRequests", r.monthlyRequests());
    o.put("source", r.requestsSource());
    o.put("awsPerMillionUsd", r.awsPerMillionUsd());
    o.put("gcpPerMillionUsd", r.gcpPerMillionUsd());
    o.put("growth", r.growth().stream().map(g -> {
      var x = new TreeMap<String, Object>();
      x.put("trafficMultiple", g.trafficMultiple());
      x.put("awsMonthlyUsd", g.awsMonthlyUsd());
      x.put("gcpMonthlyUsd", g.gcpMonthlyUsd());
      x.put("awsPerMillionUsd", g.awsPerMillionUsd());
      x.put("gcpPerMillionUsd", g.gcpPerMillionUsd());
      return x;
    }).toList());
    return o;
  }

  private static Object scenario(ReportModel.ScenarioRow x) {
    var o = new TreeMap<String, Object>();
    o.put("scenario", x.scenario());
    o.put("firstMonth", str(x.firstMonth()));
    o.put("firstMonthUsd", x.firstUsd());
    o.put("peakMonth", str(x.peakMonth()));
    o.put("peakMonthUsd", x.peakUsd());
    o.put("lastMonth", str(x.lastMonth()));
    o.put("lastMonthUsd", x.lastUsd());
    o.put("lastMonthPerMillionUsd", x.lastPerMillionUsd());
    o.put("cumulativeUsd", x.cumulativeUsd());
    o.put("cumulativeStayOnAwsUsd", x.cumulativeStayUsd());
    o.put("savedUsd", x.savedUsd());
    o.put("paybackMonth", str(x.paybackMonth()));
    o.put("paybackMonths", x.paybackMonths());
    o.put("blockers", x.blockers());
    o.put("warnings", x.warnings());
    return o;
  }

  private static Object timeline(Timeline t) {
    var o = new TreeMap<String, Object>();
    o.put("scenario", t.scenario());
    o.put("peakMonth", str(t.peakMonth()));
    o.put("paybackMonth", str(t.paybackMonth()));
    o.put("warnings", t.warnings());
    o.put("months", t.months().stream().map(mo -> {
      var x = new TreeMap<String, Object>();
      x.put("month", mo.month().toString());
      x.put("awsUsd", mo.awsUsd());
      x.put("gcpUsd", mo.gcpUsd());
      x.put("linkUsd", mo.linkUsd());
      x.put("interCloudTrafficUsd", mo.interCloudTrafficUsd());
      x.put("oneOffUsd", mo.oneOffUsd());
      x.put("totalUsd", mo.totalUsd());
      x.put("stayOnAwsUsd", mo.stayOnAwsUsd());
      x.put("cumulativeUsd", mo.cumulativeUsd());
      x.put("cumulativeStayUsd", mo.cumulativeStayUsd());
      x.put("requests", mo.requests());
      x.put("perMillionUsd", mo.perMillionUsd());
      x.put("crossingGib", gib(mo.crossingGib()));
      x.put("measuredCrossingGib", gib(mo.measuredCrossingGib()));
      x.put("crossingBasis", mo.crossingBasis());
      return x;
    }).toList());
    o.put("description", t.description());
    o.put("waves", t.waves().stream().map(w -> {
      var x = new TreeMap<String, Object>();
      x.put("wave", w.wave());
      x.put("lands", w.lands().toString());
      x.put("units", w.units());
      x.put("measuredGib", gib(w.measuredGib()));
      x.put("assumedGib", gib(w.assumedGib()));
      x.put("basis", w.basis());
      return x;
    }).toList());
    return o;
  }

  private static Object assumption(Assumption a) {
    var o = new TreeMap<String, Object>();
    o.put("name", a.name());
    o.put("value", a.value());
    o.put("source", a.source());
    return o;
  }

  private static Object gap(Gap g) {
    var o = new TreeMap<String, Object>();
    o.put("service", g.service());
    o.put("region", g.region());
    o.put("errorCode", g.errorCode());
    o.put("missing", g.missing());
    o.put("message", g.message());
    return o;
  }

  /** GiB to the MiB (3 decimals): enough for traffic volumes, short to read. */
  private static java.math.BigDecimal gib(java.math.BigDecimal g) {
    return g.setScale(3, java.math.RoundingMode.HALF_EVEN);
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
