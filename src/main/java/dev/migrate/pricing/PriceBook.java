package dev.migrate.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dated offline price book: a {@code pricebook.yaml} manifest (date, sources, files) and CSV
 * files with one row per price or price tier:
 * {@code provider,service,sku,region,tier_from,tier_to,usd,unit,source,as_of,note}.
 * Immutable once loaded. Lookups are hash lookups; a key's region falls back to {@code all}, and
 * {@link #lookup} estimates a price the region lacks from the nearest region that has it.
 */
public final class PriceBook {
  /** The CSV header every price file must have, in this order. */
  public static final List<String> HEADER = List.of("provider", "service", "sku", "region", "tier_from", "tier_to",
      "usd", "unit", "source", "as_of", "note");

  /** Classpath folder of the bundled book. */
  static final String BUNDLED = "/pricebook/";

  private final Manifest manifest;
  private final String location;
  private final Map<String, Price> prices;
  /**
   * The same prices by key: a lookup then needs no key text (the cost model looks up a key for every line it
   * writes, about a million at 200,000 instances, and building each key's text was most of the lookup).
   */
  private final Map<PriceKey, Price> byKey;
  private final Geographies geographies;
  /** Key text to the book-relative file it was read from (where a writer puts it back). */
  private final Map<String, String> fileByKey;
  /** provider/region to its location ({@code regions.csv}); empty when the book has no such file. */
  private final Map<String, RegionLocation> regions;
  /** provider/service/sku to the regions that price it (for nearest-region estimates). */
  private final Map<String, List<String>> regionsBySku;
  /**
   * Prices estimated from the nearest region, by the key asked for: an estate prices the same missing key once per
   * item (every instance of a type in a region the book lacks), and each estimate builds its tiers and their
   * source texts anew. Concurrent, as a book is shared.
   */
  private final Map<PriceKey, Optional<Price>> estimates = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The manifest.
   *
   * @param name           title
   * @param date           date of the book (the newest refresh or derivation)
   * @param currency       always USD
   * @param hoursPerMonth  hours in the month the book's monthly prices assume (730)
   * @param files          price files relative to the book's folder
   * @param geographies    the geographies file
   * @param regions        the region locations file (nearest-region estimates), or null
   * @param sources        upstream sources
   */
  public record Manifest(String name, LocalDate date, String currency, Integer hoursPerMonth, List<String> files,
      String geographies, String regions, List<Source> sources) {
    public Manifest {
      files = files == null ? List.of() : List.copyOf(files);
      sources = sources == null ? List.of() : List.copyOf(sources);
    }
  }

  /** An upstream source named in the manifest. */
  public record Source(String id, String title, String url, String revision, LocalDate date) {}

  private PriceBook(Manifest manifest, String location, Map<String, Price> prices, Geographies geographies,
      Map<String, String> fileByKey, Map<String, RegionLocation> regions) {
    this.manifest = manifest;
    this.location = location;
    this.prices = prices;
    this.geographies = geographies;
    this.fileByKey = fileByKey;
    this.regions = regions;
    Map<PriceKey, Price> keyed = new HashMap<>(prices.size() * 2);
    // The text of each entry is its price's key's text (both readers key the book so).
    prices.values().forEach(p -> keyed.put(p.key(), p));
    this.byKey = keyed;
    Map<String, List<String>> bySku = new HashMap<>();
    for (Price p : prices.values()) {
      PriceKey k = p.key();
      if (regions.containsKey(k.provider() + "/" + k.region())) {
        bySku.computeIfAbsent(k.provider() + "/" + k.service() + "/" + k.sku(), x -> new ArrayList<>()).add(k.region());
      }
    }
    bySku.values().forEach(Collections::sort);
    this.regionsBySku = bySku;
  }

  /** A book built in memory (by a refresh): prices with the file each belongs to. */
  static PriceBook of(Manifest manifest, String location, Map<String, Price> prices, Map<String, String> fileByKey,
      Geographies geographies, Collection<RegionLocation> regions) {
    return new PriceBook(manifest, location, Collections.unmodifiableMap(new HashMap<>(prices)), geographies,
        Collections.unmodifiableMap(new HashMap<>(fileByKey)), index(regions));
  }

  private static Map<String, RegionLocation> index(Collection<RegionLocation> regions) {
    Map<String, RegionLocation> m = new TreeMap<>();
    regions.forEach(r -> m.put(r.provider() + "/" + r.region(), r));
    return Collections.unmodifiableMap(m);
  }

  /** The book-relative file a key was read from, e.g. {@code aws/ec2.csv}. */
  public String fileOf(PriceKey key) {
    return fileByKey.get(key.toString());
  }

  /** The book shipped inside migrate (read from the classpath). */
  public static PriceBook bundled() {
    return Bundled.BOOK;
  }

  /** Holder idiom: the bundled book is read once, on first use, and never changes. */
  private static final class Bundled {
    static final PriceBook BOOK = read(name -> {
      InputStream in = PriceBook.class.getResourceAsStream(BUNDLED + name);
      if (in == null) {
        throw new NoSuchFileException(name);
      }
      return in;
    }, "bundled price book (classpath " + BUNDLED + ")", "pricebook");
  }

  /** Reads a price book folder (one holding {@code pricebook.yaml}). */
  public static PriceBook load(Path dir) {
    return read(name -> Files.newInputStream(dir.resolve(name)), dir.toString(), dir.toString());
  }

  /** Opens a file of the book by its relative name. */
  @FunctionalInterface
  interface Opener {
    InputStream open(String name) throws IOException;
  }

  static PriceBook read(Opener opener, String location, String prefix) {
    Manifest manifest;
    String manifestName = prefix + "/pricebook.yaml";
    try (InputStream in = opener.open("pricebook.yaml")) {
      byte[] bytes = in.readNBytes(dev.migrate.io.Yaml.MAX_CHARS + 1);
      manifest = ManifestReader.read(new String(bytes, StandardCharsets.UTF_8), manifestName);
    } catch (NoSuchFileException e) {
      throw new PriceBookException(manifestName + ": no such file (a price book folder holds pricebook.yaml)");
    } catch (IOException e) {
      throw new PriceBookException(manifestName + ": cannot read (" + firstLine(e.getMessage()) + ")");
    }
    Map<String, List<Row>> rowsByKey = new HashMap<>();
    Map<String, String> fileByKey = new HashMap<>();
    for (String file : manifest.files()) {
      String name = prefix + "/" + file;
      for (dev.migrate.io.Csv.Row r : readCsv(opener, file, name)) {
        Row row = parseRow(r, name);
        String k = row.key.toString();
        rowsByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(row);
        String before = fileByKey.putIfAbsent(k, file);
        if (before != null && !before.equals(file)) {
          throw new PriceBookException(name + ":" + r.line() + ": key " + k + " is also in " + before);
        }
      }
    }
    Map<String, Price> prices = new HashMap<>(rowsByKey.size() * 2);
    for (var e : rowsByKey.entrySet()) {
      prices.put(e.getKey(), toPrice(e.getValue()));
    }
    Geographies geographies = new Geographies(List.of());
    if (manifest.geographies() != null) {
      String name = prefix + "/" + manifest.geographies();
      geographies = Geographies.parse(readLines(opener, manifest.geographies(), name), name);
    }
    List<RegionLocation> regions = List.of();
    if (manifest.regions() != null) {
      String name = prefix + "/" + manifest.regions();
      regions = parseRegions(readLines(opener, manifest.regions(), name), name);
    }
    return new PriceBook(manifest, location, Collections.unmodifiableMap(prices), geographies,
        Collections.unmodifiableMap(fileByKey), index(regions));
  }

  /** The header of the region locations file. */
  static final List<String> REGIONS_HEADER = List.of("provider", "region", "location", "latitude", "longitude", "source", "note");

  private static List<RegionLocation> parseRegions(List<dev.migrate.io.Csv.Row> rows, String name) {
    if (rows.isEmpty() || !rows.get(0).cells().equals(REGIONS_HEADER)) {
      int line = rows.isEmpty() ? 1 : rows.get(0).line();
      throw new PriceBookException(name + ":" + line + ": header must be " + String.join(",", REGIONS_HEADER));
    }
    List<RegionLocation> out = new ArrayList<>();
    for (dev.migrate.io.Csv.Row r : rows.subList(1, rows.size())) {
      String where = name + ":" + r.line();
      List<String> c = r.cells();
      if (c.size() != REGIONS_HEADER.size()) {
        throw new PriceBookException(where + ": expected " + REGIONS_HEADER.size() + " columns, found " + c.size());
      }
      if (c.get(0).isBlank() || c.get(1).isBlank() || c.get(5).isBlank()) {
        throw new PriceBookException(where + ": provider, region and source must be non-empty");
      }
      double lat = degrees(c.get(3), where, "latitude", 90);
      double lng = degrees(c.get(4), where, "longitude", 180);
      out.add(new RegionLocation(c.get(0), c.get(1), c.get(2), lat, lng, c.get(5), c.get(6)));
    }
    return out;
  }

  private static double degrees(String s, String where, String column, double limit) {
    try {
      double d = Double.parseDouble(s.trim());
      if (Double.isFinite(d) && Math.abs(d) <= limit) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new PriceBookException(where + ": " + column + " '" + s + "' is not a number of degrees between -" + (int) limit + " and " + (int) limit);
  }

  private record Row(PriceKey key, Tier tier, String unit) {}

  /** Reads a price file; the header row is checked and dropped (returned rows all have data). */
  private static List<dev.migrate.io.Csv.Row> readCsv(Opener opener, String file, String name) {
    List<dev.migrate.io.Csv.Row> rows = readLines(opener, file, name);
    if (rows.isEmpty() || !rows.get(0).cells().equals(HEADER)) {
      int line = rows.isEmpty() ? 1 : rows.get(0).line();
      throw new PriceBookException(name + ":" + line + ": header must be " + String.join(",", HEADER));
    }
    return rows.subList(1, rows.size());
  }

  private static List<dev.migrate.io.Csv.Row> readLines(Opener opener, String file, String name) {
    try (InputStream in = opener.open(file);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      // a cell the writer prefixed against formula injection reads back as it was
      return dev.migrate.io.Csv.read(r, name).stream().map(row -> new dev.migrate.io.Csv.Row(row.at(),
          row.cells().stream().map(dev.migrate.io.CsvText::restore).toList())).toList();
    } catch (dev.migrate.io.Csv.CsvException e) {
      throw new PriceBookException(e.getMessage());
    } catch (NoSuchFileException e) {
      throw new PriceBookException(name + ": no such file (named in pricebook.yaml)");
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": cannot read", e);
    }
  }

  private static Row parseRow(dev.migrate.io.Csv.Row r, String name) {
    String where = name + ":" + r.line();
    List<String> c = r.cells();
    if (c.size() != HEADER.size()) {
      throw new PriceBookException(where + ": expected " + HEADER.size() + " columns, found " + c.size());
    }
    for (int i = 0; i < 4; i++) {
      if (c.get(i).isBlank() || c.get(i).contains("/")) {
        throw new PriceBookException(where + ": column " + HEADER.get(i) + " must be non-empty and without '/'");
      }
    }
    PriceKey key = new PriceKey(c.get(0), c.get(1), c.get(2), c.get(3));
    BigDecimal from = c.get(4).isEmpty() ? BigDecimal.ZERO : decimal(c.get(4), where, "tier_from");
    BigDecimal to = c.get(5).isEmpty() ? null : decimal(c.get(5), where, "tier_to");
    BigDecimal usd = decimal(c.get(6), where, "usd");
    if (usd.signum() < 0) {
      throw new PriceBookException(where + ": usd must not be negative");
    }
    if (to != null && to.compareTo(from) <= 0) {
      throw new PriceBookException(where + ": tier_to must be above tier_from");
    }
    if (c.get(7).isBlank()) {
      throw new PriceBookException(where + ": unit is empty");
    }
    if (c.get(8).isBlank()) {
      throw new PriceBookException(where + ": source is empty (every price names where it comes from)");
    }
    LocalDate asOf;
    try {
      asOf = LocalDate.parse(c.get(9));
    } catch (DateTimeParseException e) {
      throw new PriceBookException(where + ": as_of '" + c.get(9) + "' is not an ISO date such as 2026-07-30");
    }
    return new Row(key, new Tier(from, to, usd, c.get(8), asOf, c.get(10), where), c.get(7));
  }

  private static Price toPrice(List<Row> rows) {
    rows.sort((a, b) -> a.tier.from().compareTo(b.tier.from()));
    Row first = rows.get(0);
    BigDecimal expected = BigDecimal.ZERO;
    List<Tier> tiers = new ArrayList<>(rows.size());
    for (Row r : rows) {
      if (!r.unit.equals(first.unit)) {
        throw new PriceBookException(r.tier.origin() + ": unit '" + r.unit + "' differs from '" + first.unit
            + "' of the same key " + r.key + " at " + first.tier.origin());
      }
      if (expected == null || r.tier.from().compareTo(expected) != 0) {
        throw new PriceBookException(r.tier.origin() + ": tiers of " + r.key
            + " must be contiguous from 0 (expected a tier from " + (expected == null ? "nothing after an open tier" : expected.toPlainString())
            + ", found " + r.tier.from().toPlainString() + "; duplicate rows also end here)");
      }
      expected = r.tier.to();
      tiers.add(r.tier);
    }
    return new Price(first.key, first.unit, tiers);
  }

  private static BigDecimal decimal(String s, String where, String column) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      throw new PriceBookException(where + ": " + column + " '" + s + "' is not a number");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** The price of a key: the exact region first, then the region {@code all}. */
  public Optional<Price> find(PriceKey key) {
    Price p = byKey.get(key);
    if (p == null && !"all".equals(key.region())) {
      p = byKey.get(key.inRegion("all"));
    }
    return Optional.ofNullable(p);
  }

  /**
   * The price of a key as {@link #find} has it; when the book lacks it for the key's region, the
   * same provider/service/sku from the nearest region that has it, marked as an {@link Estimate}
   * (key = the key asked for; every tier's source says which region it came from). "Nearest" is the
   * great-circle distance between the regions' locations in {@code regions.csv}; a tie goes to the
   * region code that sorts first. No provider publishes a regional factor for the prices estimated
   * here, so the factor is 1 and the estimate says so. Empty when no region has the price, or when
   * the key's region has no location (price geographies such as CloudFront's, {@code global}).
   */
  public Optional<Price> lookup(PriceKey key) {
    Optional<Price> exact = find(key);
    if (exact.isPresent()) {
      return exact;
    }
    return estimates.computeIfAbsent(key, this::estimate);
  }

  private Optional<Price> estimate(PriceKey key) {
    RegionLocation at = regions.get(key.provider() + "/" + key.region());
    List<String> candidates = regionsBySku.get(key.provider() + "/" + key.service() + "/" + key.sku());
    if (at == null || candidates == null) {
      return Optional.empty();
    }
    String best = null;
    double bestKm = Double.MAX_VALUE;
    for (String r : candidates) { // sorted: the first of equally near regions wins
      double km = at.distanceKm(regions.get(key.provider() + "/" + r));
      if (km < bestKm) {
        best = r;
        bestKm = km;
      }
    }
    Price from = byKey.get(key.inRegion(best));
    Estimate e = new Estimate(from.key(), Math.round(bestKm), BigDecimal.ONE,
        "no regional factor published by the provider for this price");
    List<Tier> tiers = new ArrayList<>(from.tiers().size());
    for (Tier t : from.tiers()) {
      tiers.add(new Tier(t.from(), t.to(), t.usd().multiply(e.factor()), e.describe() + "; " + t.source(), t.asOf(),
          t.note(), t.origin()));
    }
    return Optional.of(new Price(key, from.unit(), tiers, e));
  }

  /** Region locations of the book, sorted by provider and region. */
  public Collection<RegionLocation> regions() {
    return regions.values();
  }

  public LocalDate date() {
    return manifest.date();
  }

  public Manifest manifest() {
    return manifest;
  }

  /** Folder or classpath location the book was read from. */
  public String location() {
    return location;
  }

  public Geographies geographies() {
    return geographies;
  }

  /** Every price, sorted by key. */
  public Collection<Price> prices() {
    Map<String, Price> sorted = new TreeMap<>(prices);
    return Collections.unmodifiableCollection(new ArrayList<>(sorted.values()));
  }

  /** Number of priced keys. */
  public int size() {
    return prices.size();
  }

  /** Number of rows (tiers) over all keys. */
  public int rowCount() {
    return prices.values().stream().mapToInt(p -> p.tiers().size()).sum();
  }

  /** Counts of keys per provider/service, sorted, for {@code migrate prices show}. */
  public Map<String, Integer> countsByService() {
    Map<String, Integer> counts = new TreeMap<>();
    prices.values().forEach(p -> counts.merge(p.key().provider() + "/" + p.key().service(), 1, Integer::sum));
    return counts;
  }

  /** Keys whose text starts with {@code prefix}, sorted. */
  public List<Price> startingWith(String prefix) {
    List<Price> out = new ArrayList<>();
    new TreeMap<>(prices).forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.add(v);
      }
    });
    return out;
  }
}
