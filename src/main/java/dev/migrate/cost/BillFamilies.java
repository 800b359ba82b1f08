package dev.migrate.cost;

import dev.migrate.io.InputError;
import dev.migrate.io.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The table that says where each line of the AWS bill lands: which cost-line family of the model
 * covers it (modelled), which Google Cloud service it is mapped to (mapped), or that it is carried.
 * Data, not code: {@code src/main/resources/bill/families.yaml} (its header explains the format).
 */
public final class BillFamilies {
  static final String RESOURCE = "/bill/families.yaml";
  /** What a bill line becomes. */
  public static final String MODELLED = "modelled";
  public static final String MAPPED = "mapped";
  public static final String CARRIED = "carried";
  private static final Set<String> COVERAGES = Set.of(MODELLED, MAPPED, CARRIED);
  /** The bill-quantity pricings the cost model knows ({@code fromBill}). */
  static final Set<String> FROM_BILL = Set.of("internet-egress", "inter-az", "public-ipv4", "nat-gateway");

  /** Bill lines of one service whose usage type matches one of the globs. */
  public record BillMatch(String service, List<String> usageTypes) {}

  /** CURRENT cost lines of one service whose price key matches one of the globs. */
  public record ModelMatch(String service, List<String> priceKeys) {}

  /**
   * How a mapped family is priced on Google Cloud: the bill line's quantity x {@code quantityFactor}, in the unit
   * of the book's {@code priceKey} ("{region}" in the key = the Google Cloud region of the bill line's AWS region),
   * through the volume tiers shared in {@code pool}. {@code units}: the bill units the factor converts (case does not
   * matter); empty = any unit.
   */
  public record Target(String service, String component, String priceKey, BigDecimal quantityFactor, String pool,
      List<String> units) {
    public Target {
      units = units == null ? List.of() : List.copyOf(units);
    }

    /** Whether a bill line's unit is one the quantity factor is for (a line without a unit is taken as it is). */
    public boolean fits(String unit) {
      return units.isEmpty() || unit == null || units.stream().anyMatch(u -> u.equalsIgnoreCase(unit.strip()));
    }
  }

  /** One family. */
  public record Family(String id, String name, String coverage, String fromBill, List<BillMatch> bill,
      List<ModelMatch> model, Target target) {
    public Family {
      bill = bill == null ? List.of() : List.copyOf(bill);
      model = model == null ? List.of() : List.copyOf(model);
    }
  }

  /** A bill service classified as a whole (bills without usage types): modelled by the listed model services. */
  public record ServiceRule(String service, List<String> model) {
    public ServiceRule {
      model = model == null ? List.of() : List.copyOf(model);
    }
  }

  record Table(List<Family> families, List<ServiceRule> services) {}

  private record Compiled(Family family, String service, Pattern pattern) {}

  private final List<Family> families;
  private final List<ServiceRule> services;
  private final List<Compiled> billPatterns = new ArrayList<>();
  private final List<Compiled> modelPatterns = new ArrayList<>();
  /**
   * The family of each service and price key met so far: the cost model asks for every CURRENT line (twice: bill
   * coverage and reconciliation), and an estate has few distinct keys. Concurrent, as the bundled families are shared.
   */
  private final Map<String, Map<String, Optional<Family>>> byCostLineKey = new java.util.concurrent.ConcurrentHashMap<>();

  private BillFamilies(Table t, String name) {
    this.families = t.families() == null ? List.of() : List.copyOf(t.families());
    this.services = t.services() == null ? List.of() : List.copyOf(t.services());
    Set<String> ids = new java.util.HashSet<>();
    for (Family f : families) {
      String where = name + ": family " + f.id();
      if (f.id() == null || f.id().isBlank() || !ids.add(f.id())) {
        throw new IllegalStateException(where + ": missing or repeated id");
      }
      if (!COVERAGES.contains(f.coverage())) {
        throw new IllegalStateException(where + ": coverage must be one of " + COVERAGES + ", not " + f.coverage());
      }
      if (f.bill().isEmpty()) {
        throw new IllegalStateException(where + ": no bill lines to match");
      }
      if (MODELLED.equals(f.coverage()) && f.model().isEmpty()) {
        throw new IllegalStateException(where + ": a modelled family names the cost lines it covers (model)");
      }
      if (MAPPED.equals(f.coverage()) && (f.target() == null || f.target().priceKey() == null
          || f.target().quantityFactor() == null || f.target().service() == null)) {
        throw new IllegalStateException(where + ": a mapped family needs target service, priceKey and quantityFactor");
      }
      if (f.fromBill() != null && !FROM_BILL.contains(f.fromBill())) {
        throw new IllegalStateException(where + ": fromBill must be one of " + FROM_BILL + ", not " + f.fromBill());
      }
      for (BillMatch b : f.bill()) {
        for (String g : b.usageTypes()) {
          billPatterns.add(new Compiled(f, b.service(), glob(g)));
        }
      }
      for (ModelMatch m : f.model()) {
        for (String g : m.priceKeys()) {
          modelPatterns.add(new Compiled(f, m.service(), glob(g)));
        }
      }
    }
  }

  /** The bundled table, read once. */
  public static BillFamilies bundled() {
    return Bundled.TABLE;
  }

  private static final class Bundled {
    static final BillFamilies TABLE = load();
  }

  private static BillFamilies load() {
    try (InputStream in = BillFamilies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath " + RESOURCE + ": missing (the bill family table)");
      }
      return read("classpath " + RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a table; every problem is reported at once with its file:line:col. */
  static BillFamilies read(String source, String text) {
    List<InputError> errors = new ArrayList<>();
    Table table = null;
    try {
      Yaml.Node root = Yaml.parse(source, text, "bill family table", errors);
      table = table(root, source, errors);
    } catch (Yaml.SyntaxError e) {
      errors.add(e.error());
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException(errors.stream().sorted().map(InputError::format).collect(Collectors.joining("\n")));
    }
    return new BillFamilies(table, source);
  }

  private static Table table(Yaml.Node root, String source, List<InputError> errors) {
    if (!(root instanceof Yaml.MapNode map)) {
      errors.add(new InputError(source, 1, 1, "the bill family table is a map with 'families' and 'services'"));
      return new Table(List.of(), List.of());
    }
    unknown(map, Set.of("families", "services"), errors);
    List<Family> families = new ArrayList<>();
    for (Yaml.Node n : list(map, "families", errors)) {
      Yaml.MapNode f = asMap(n, "a family", errors);
      if (f == null) {
        continue;
      }
      unknown(f, Set.of("id", "name", "coverage", "fromBill", "bill", "model", "target"), errors);
      List<BillMatch> bill = new ArrayList<>();
      for (Yaml.Node b : list(f, "bill", errors)) {
        Yaml.MapNode m = asMap(b, "a bill match", errors);
        if (m != null) {
          unknown(m, Set.of("service", "usageTypes"), errors);
          bill.add(new BillMatch(text(m, "service", errors), texts(m, "usageTypes", errors)));
        }
      }
      List<ModelMatch> model = new ArrayList<>();
      for (Yaml.Node b : list(f, "model", errors)) {
        Yaml.MapNode m = asMap(b, "a model match", errors);
        if (m != null) {
          unknown(m, Set.of("service", "priceKeys"), errors);
          model.add(new ModelMatch(text(m, "service", errors), texts(m, "priceKeys", errors)));
        }
      }
      Target target = null;
      if (f.has("target")) {
        Yaml.MapNode t = asMap(f.get("target").value(), "a target", errors);
        if (t != null) {
          unknown(t, Set.of("service", "component", "priceKey", "quantityFactor", "pool", "units"), errors);
          BigDecimal factor = null;
          if (t.get("quantityFactor") != null && t.get("quantityFactor").value() instanceof Yaml.Scalar sc) {
            factor = sc.decimal().orElse(null);
            if (factor == null) {
              errors.add(sc.pos().error("quantityFactor: " + sc.numberProblem()));
            }
          }
          target = new Target(text(t, "service", errors), text(t, "component", errors), text(t, "priceKey", errors),
              factor, t.has("pool") ? text(t, "pool", errors) : null, t.has("units") ? texts(t, "units", errors) : null);
        }
      }
      families.add(new Family(text(f, "id", errors), text(f, "name", errors), text(f, "coverage", errors),
          f.has("fromBill") ? text(f, "fromBill", errors) : null, bill, model, target));
    }
    List<ServiceRule> services = new ArrayList<>();
    for (Yaml.Node n : list(map, "services", errors)) {
      Yaml.MapNode m = asMap(n, "a service rule", errors);
      if (m != null) {
        unknown(m, Set.of("service", "model"), errors);
        services.add(new ServiceRule(text(m, "service", errors), texts(m, "model", errors)));
      }
    }
    return new Table(families, services);
  }

  private static void unknown(Yaml.MapNode m, Set<String> allowed, List<InputError> errors) {
    m.unknown(allowed).forEach(e -> errors.add(e.keyPos().error("unknown key '" + e.key() + "' (allowed: "
        + allowed.stream().sorted().collect(Collectors.joining(", ")) + ")")));
  }

  private static Yaml.MapNode asMap(Yaml.Node n, String what, List<InputError> errors) {
    if (n instanceof Yaml.MapNode m) {
      return m;
    }
    errors.add(pos(n).error(what + " is a map"));
    return null;
  }

  private static List<Yaml.Node> list(Yaml.MapNode m, String key, List<InputError> errors) {
    Yaml.Entry e = m.get(key);
    if (e == null || (e.value() instanceof Yaml.Scalar sc && sc.isNull())) {
      return List.of();
    }
    if (e.value() instanceof Yaml.ListNode l) {
      return l.items();
    }
    errors.add(pos(e.value()).error("'" + key + "' is a list"));
    return List.of();
  }

  private static String text(Yaml.MapNode m, String key, List<InputError> errors) {
    Yaml.Entry e = m.get(key);
    if (e == null) {
      errors.add(m.pos().error("missing '" + key + "'"));
      return null;
    }
    if (e.value() instanceof Yaml.Scalar sc && !sc.isNull()) {
      return sc.text();
    }
    errors.add(pos(e.value()).error("'" + key + "' is a text"));
    return null;
  }

  private static List<String> texts(Yaml.MapNode m, String key, List<InputError> errors) {
    List<String> out = new ArrayList<>();
    for (Yaml.Node n : list(m, key, errors)) {
      if (n instanceof Yaml.Scalar sc && !sc.isNull()) {
        out.add(sc.text());
      } else {
        errors.add(pos(n).error("'" + key + "' holds texts"));
      }
    }
    if (out.isEmpty() && m.get(key) == null) {
      errors.add(m.pos().error("missing '" + key + "'"));
    }
    return out;
  }

  private static dev.migrate.io.Position pos(Yaml.Node n) {
    return n.pos();
  }

  public List<Family> families() {
    return families;
  }

  public List<ServiceRule> services() {
    return services;
  }

  /** The family of a bill line, if a family matches (the first one in the table). */
  public Optional<Family> ofBillLine(String service, String usageType) {
    for (Compiled c : billPatterns) {
      if (("*".equals(c.service()) || c.service().equals(service)) && c.pattern().matcher(usageType).matches()) {
        return Optional.of(c.family());
      }
    }
    return Optional.empty();
  }

  /** The family of a CURRENT cost line, if a family's model matcher covers it. */
  public Optional<Family> ofCostLine(CostLine l) {
    String key = l.priceKey() == null ? "" : l.priceKey();
    // By service, then key: no text is built per line (the lines of a key share its text, whose hash is kept).
    Map<String, Optional<Family>> ofService = byCostLineKey.get(l.service());
    if (ofService == null) {
      ofService = byCostLineKey.computeIfAbsent(l.service(), s -> new java.util.concurrent.ConcurrentHashMap<>());
    }
    Optional<Family> f = ofService.get(key);
    if (f == null) {
      f = ofService.computeIfAbsent(key, k -> match(l.service(), k));
    }
    return f;
  }

  private Optional<Family> match(String service, String key) {
    for (Compiled c : modelPatterns) {
      if (c.service().equals(service) && c.pattern().matcher(key).matches()) {
        return Optional.of(c.family());
      }
    }
    return Optional.empty();
  }

  /** The per-service rule of a bill service (bills without usage types), if it is modelled. */
  public Optional<ServiceRule> ofService(String service) {
    return services.stream().filter(s -> s.service().equals(service)).findFirst();
  }

  public Optional<Family> family(String id) {
    return families.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  /** A glob with {@code *} for any characters, everything else literal. */
  static Pattern glob(String g) {
    List<String> parts = new ArrayList<>();
    for (String part : g.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", parts));
  }

}
