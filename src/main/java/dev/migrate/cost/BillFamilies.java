package dev.migrate.cost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
   * through the volume tiers shared in {@code pool}.
   */
  public record Target(String service, String component, String priceKey, BigDecimal quantityFactor, String pool) {}

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
      return read(in, "classpath " + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BillFamilies read(InputStream in, String name) throws IOException {
    Table t = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .readValue(in, Table.class);
    return new BillFamilies(t, name);
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
    for (Compiled c : modelPatterns) {
      if (c.service().equals(l.service()) && c.pattern().matcher(key).matches()) {
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
