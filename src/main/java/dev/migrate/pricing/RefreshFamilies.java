package dev.migrate.pricing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of price-key families {@code migrate prices refresh} reads from the live APIs, loaded from the
 * classpath resource {@value #RESOURCE}: for each family, which API products or SKUs it takes, how they are
 * matched and which book keys (templates) and unit they fill. Adding a family is one entry in that file.
 */
public final class RefreshFamilies {
  static final String RESOURCE = "/refresh/families.yaml";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9]*)>");

  /** A unit conversion: book price = API price x factor ({@code hoursPerMonth}, a number or {@code a/b}). */
  public record Unit(String api, String book, String factor) {}

  /**
   * An AWS Price List family.
   *
   * @param id           name used in progress lines and the diff
   * @param serviceCode  Price List service code
   * @param filters      TERM_MATCH filters; {@code {region}} / {@code {location}} make the query per region
   * @param match        attribute -> full-match regex (named groups become template values)
   * @param maps         value translations per template name
   * @param keys         book key templates without the provider ({@code min:} / {@code max:} prefixes aggregate)
   * @param unit         book unit
   * @param tier         fixed [from, to] bounds (to may be null) for a single-dimension SKU, or null
   */
  public record AwsFamily(String id, String serviceCode, Map<String, String> filters, Map<String, String> match,
      Map<String, Map<String, String>> maps, List<String> keys, String unit, List<BigDecimal> tier) {
    public AwsFamily {
      filters = filters == null ? Map.of() : new LinkedHashMap<>(filters);
      match = match == null ? Map.of() : new LinkedHashMap<>(match);
      maps = maps == null ? Map.of() : maps;
      keys = keys == null ? List.of() : List.copyOf(keys);
      tier = tier == null ? null : new ArrayList<>(tier);
    }

    /** True when the query runs once per region. */
    public boolean regional() {
      return filters.values().stream().anyMatch(v -> v.contains("{region}") || v.contains("{location}"));
    }
  }

  /**
   * A Cloud Billing Catalog family.
   *
   * @param id           name used in progress lines and the diff
   * @param service      Billing service id (e.g. 6F81-5844-456A, Compute Engine)
   * @param family       category.resourceFamily, or null for any
   * @param group        category.resourceGroup, or null for any
   * @param usageType    category.usageType (default OnDemand)
   * @param description  SQL LIKE pattern ({@code %} any text), {@code {name}} captures
   * @param maps         value translations per template name
   * @param regionMap    service-region renames (multi-region "us" -> "us-multi")
   * @param fromRegion   read region-free keys from the SKU listing this region only, or null
   * @param keys         book key templates without the provider; empty claims the SKU without pricing it
   * @param unit         book unit
   */
  public record GcpFamily(String id, String service, String family, String group, String usageType, String description,
      Map<String, Map<String, String>> maps, Map<String, String> regionMap, String fromRegion, List<String> keys,
      String unit) {
    public GcpFamily {
      usageType = usageType == null ? "OnDemand" : usageType;
      maps = maps == null ? Map.of() : maps;
      regionMap = regionMap == null ? Map.of() : regionMap;
      keys = keys == null ? List.of() : List.copyOf(keys);
    }
  }

  /** A family computed in code (machine types); keys carry the provider. */
  public record Derived(String id, String title, List<String> keys) {}

  /** The file's shape. */
  record Table(List<Unit> units, Map<String, String> awsLocations, List<AwsFamily> aws, List<GcpFamily> gcp,
      List<Derived> derived) {}

  private final Table table;
  private final List<Map.Entry<Pattern, String>> keyPatterns = new ArrayList<>();
  private final Map<String, Pattern> descriptions = new LinkedHashMap<>();
  /** AWS family id to its compiled attribute patterns, compiled once rather than per product read. */
  private final Map<String, Map<String, Pattern>> matches = new LinkedHashMap<>();

  private RefreshFamilies(Table table) {
    this.table = table;
    table.aws().forEach(f -> f.keys().forEach(k -> keyPatterns.add(Map.entry(keyPattern("aws/" + stripAggregate(k)), f.id()))));
    table.gcp().forEach(f -> f.keys().forEach(k -> keyPatterns.add(Map.entry(keyPattern("gcp/" + stripAggregate(k)), f.id()))));
    table.derived().forEach(f -> f.keys().forEach(k -> keyPatterns.add(Map.entry(keyPattern(k), f.id()))));
    table.gcp().forEach(f -> descriptions.put(f.id(), like(f.description())));
    for (AwsFamily f : table.aws()) {
      Map<String, Pattern> m = new LinkedHashMap<>();
      f.match().forEach((attribute, regex) -> m.put(attribute, Pattern.compile(regex)));
      matches.put(f.id(), m);
    }
  }

  /** The bundled table, read once (immutable after construction, so it is shared). */
  public static RefreshFamilies bundled() {
    return Bundled.TABLE;
  }

  private static final class Bundled {
    static final RefreshFamilies TABLE = load();
  }

  private static RefreshFamilies load() {
    try (InputStream in = RefreshFamilies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new PriceBookException("classpath " + RESOURCE + ": missing (the refresh family table)");
      }
      return read(in, "classpath " + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RefreshFamilies read(InputStream in, String name) {
    try {
      Table t = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .readValue(in, Table.class);
      return new RefreshFamilies(new Table(t.units() == null ? List.of() : t.units(),
          t.awsLocations() == null ? Map.of() : t.awsLocations(), t.aws() == null ? List.of() : t.aws(),
          t.gcp() == null ? List.of() : t.gcp(), t.derived() == null ? List.of() : t.derived()));
    } catch (IOException e) {
      throw new PriceBookException(name + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  public List<AwsFamily> aws() {
    return table.aws();
  }

  public List<GcpFamily> gcp() {
    return table.gcp();
  }

  public AwsFamily aws(String id) {
    return table.aws().stream().filter(f -> f.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no AWS refresh family " + id));
  }

  /** Price List location name of an AWS region (AWSDataTransfer's fromLocation), if the table lists it. */
  public Optional<String> awsLocation(String region) {
    return Optional.ofNullable(table.awsLocations().get(region));
  }

  /** The id of the family whose key template matches {@code key}, if any (the last in the file wins). */
  public Optional<String> familyOf(PriceKey key) {
    String text = key.toString();
    String found = null;
    for (var e : keyPatterns) {
      String literal = e.getKey().pattern();
      if (literal.startsWith("\\Q") && !text.startsWith(literal.substring(2, literal.indexOf("\\E")))) {
        continue; // cheap: the template's literal start differs
      }
      if (e.getKey().matcher(text).matches()) {
        found = e.getValue();
      }
    }
    return Optional.ofNullable(found);
  }

  /** True when a family's key for this text is per region (ends in {@code {region}}). */
  public boolean regionScoped(String familyId) {
    return table.aws().stream().filter(f -> f.id().equals(familyId)).flatMap(f -> f.keys().stream())
        .anyMatch(k -> k.endsWith("/{region}"))
        || table.gcp().stream().filter(f -> f.id().equals(familyId)).flatMap(f -> f.keys().stream())
        .anyMatch(k -> k.endsWith("/{region}"))
        || table.derived().stream().filter(f -> f.id().equals(familyId)).flatMap(f -> f.keys().stream())
        .anyMatch(k -> k.endsWith("/{region}"));
  }

  /** The book unit a table family fills (null for a derived family or one that only claims SKUs). */
  public String unitOf(String familyId) {
    for (AwsFamily f : table.aws()) {
      if (f.id().equals(familyId)) {
        return f.unit();
      }
    }
    for (GcpFamily f : table.gcp()) {
      if (f.id().equals(familyId)) {
        return f.unit();
      }
    }
    return null;
  }

  /** API units the table converts into {@code bookUnit}. */
  public List<String> apiUnitsFor(String bookUnit) {
    return table.units().stream().filter(u -> u.book().equals(bookUnit)).map(Unit::api).toList();
  }


  /** The compiled description pattern of a Google family. */
  Pattern description(GcpFamily f) {
    return descriptions.get(f.id());
  }

  /**
   * The factor turning a price per {@code apiUnit} into a price per {@code bookUnit}, or empty when the table
   * has no such conversion.
   */
  public Optional<BigDecimal> factor(String apiUnit, String bookUnit, int hoursPerMonth) {
    for (Unit u : table.units()) {
      if (u.api().equals(apiUnit) && u.book().equals(bookUnit)) {
        return Optional.of(parseFactor(u.factor(), hoursPerMonth));
      }
    }
    return Optional.empty();
  }

  static BigDecimal parseFactor(String s, int hoursPerMonth) {
    String t = s.trim();
    if (t.equals("hoursPerMonth")) {
      return BigDecimal.valueOf(hoursPerMonth);
    }
    int slash = t.indexOf('/');
    if (slash > 0) {
      return new BigDecimal(t.substring(0, slash).trim()).divide(new BigDecimal(t.substring(slash + 1).trim()),
          MathContext.DECIMAL64);
    }
    return new BigDecimal(t);
  }

  /** "min" / "max" of a key template, or null. */
  static String aggregate(String template) {
    if (template.startsWith("min:")) {
      return "min";
    }
    if (template.startsWith("max:")) {
      return "max";
    }
    return null;
  }

  static String stripAggregate(String template) {
    return aggregate(template) == null ? template : template.substring(4);
  }

  /** An AWS family's product-attribute patterns, compiled (attribute name to pattern). */
  Map<String, Pattern> match(AwsFamily f) {
    return matches.get(f.id());
  }

  /** Names of the named groups of a regex, in order. */
  static List<String> groupNames(String regex) {
    List<String> names = new ArrayList<>();
    Matcher m = GROUP_NAME.matcher(regex);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * Fills {@code {name}} placeholders from {@code values}, translating each through {@code maps} first;
   * null when a placeholder has no value or its value is not in its map.
   */
  static String fill(String template, Map<String, String> values, Map<String, Map<String, String>> maps) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String v = values.get(name);
      if (v != null && maps.containsKey(name)) {
        v = maps.get(name).get(v);
      }
      if (v == null || v.isEmpty() || v.contains("/")) {
        return null;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** A key template as a regex over key text: each placeholder is one non-empty part without '/'. */
  static Pattern keyPattern(String template) {
    StringBuilder re = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(template);
    int last = 0;
    while (m.find()) {
      re.append(Pattern.quote(template.substring(last, m.start()))).append("[^/]+");
      last = m.end();
    }
    re.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(re.toString());
  }

  /** A SQL LIKE pattern (% any text, case-insensitive) with {name} captures, as a regex. */
  static Pattern like(String pattern) {
    if (pattern == null) {
      return Pattern.compile(".*", Pattern.DOTALL);
    }
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '%') {
        re.append(".*");
        i++;
      } else if (c == '{' && pattern.indexOf('}', i) > i) {
        int end = pattern.indexOf('}', i);
        re.append("(?<").append(pattern, i + 1, end).append(">.+?)");
        i = end + 1;
      } else {
        int next = i;
        while (next < pattern.length() && pattern.charAt(next) != '%' && pattern.charAt(next) != '{') {
          next++;
        }
        re.append(Pattern.quote(pattern.substring(i, next)));
        i = next;
      }
    }
    return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }
}
