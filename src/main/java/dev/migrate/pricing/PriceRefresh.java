package dev.migrate.pricing;

import dev.migrate.io.AtomicFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a new dated price book from an old one and freshly fetched prices: fetched keys replace (or add to)
 * the old rows; every other key keeps its old rows with their own source and date and is listed in the diff
 * as <em>not refreshed</em> with the reason (never dropped, never zeroed). A fetched price of 0 USD for a key
 * the old book prices above 0 is not taken either. Writes the book folder {@code pricebook-<date>} and
 * {@code diff.csv} against the old book: one row per key and tier.
 */
public final class PriceRefresh {
  /** Diff statuses. */
  public static final String ADDED = "added";
  public static final String CHANGED = "changed";
  public static final String UNCHANGED = "unchanged";
  /** A tier of a refreshed key that the source no longer has. */
  public static final String REMOVED = "removed";
  public static final String NOT_REFRESHED = "not refreshed";

  private PriceRefresh() {}

  /**
   * One row of the diff.
   *
   * @param key        price key
   * @param tier       tier bounds in the key's unit ("0-10240", "153600+"), empty for a flat price
   * @param status     added, changed, unchanged, removed (a tier of a refreshed key) or not refreshed
   * @param oldUsd     old unit price, or null when added
   * @param newUsd     new unit price, or null when removed or not refreshed
   * @param changePct  (new - old) / old x 100, or null
   * @param note       why a key was not refreshed, or a note on the new figure
   */
  public record DiffRow(String key, String tier, String status, BigDecimal oldUsd, BigDecimal newUsd,
      BigDecimal changePct, String note) {}

  /** @param book the new book, @param dir its folder, @param diff the diff rows, sorted by key and tier */
  public record Result(PriceBook book, Path dir, List<DiffRow> diff) {
    /** Number of keys whose status is {@code status} (a changed key with a removed tier counts as changed). */
    public long count(String status) {
      Map<String, String> byKey = new LinkedHashMap<>();
      for (DiffRow d : diff) {
        byKey.merge(d.key(), d.status(), (a, b) -> a.equals(REMOVED) ? b : a);
      }
      return byKey.values().stream().filter(s -> s.equals(status)).count();
    }
  }

  public static Result refresh(PriceBook old, List<FetchedPrice> fetched, LocalDate date, List<PriceBook.Source> sources,
      Path outRoot) throws IOException {
    return refresh(old, fetched, k -> "not fetched", date, sources, outRoot);
  }

  /**
   * @param notRefreshed  why an old key was not fetched (shown in the diff)
   */
  public static Result refresh(PriceBook old, List<FetchedPrice> fetched, Function<PriceKey, String> notRefreshed,
      LocalDate date, List<PriceBook.Source> sources, Path outRoot) throws IOException {
    Map<String, Price> prices = new HashMap<>();
    Map<String, String> files = new HashMap<>();
    for (Price p : old.prices()) {
      prices.put(p.key().toString(), p);
      files.put(p.key().toString(), old.fileOf(p.key()));
    }
    Map<String, List<DiffRow>> diff = new TreeMap<>();
    Map<String, FetchedPrice> byKey = new TreeMap<>();
    fetched.forEach(f -> byKey.putIfAbsent(f.key().toString(), f));
    for (FetchedPrice f : byKey.values()) {
      String k = f.key().toString();
      Price before = prices.get(k);
      boolean free = f.tiers().stream().allMatch(t -> t.usd().signum() == 0);
      if (before != null && free && before.tiers().stream().anyMatch(t -> t.usd().signum() > 0)) {
        continue; // listed below as not refreshed
      }
      if (before != null && !before.unit().equals(f.unit())) {
        continue;
      }
      List<Tier> tiers = new ArrayList<>();
      for (Tier t : f.tiers()) {
        tiers.add(new Tier(t.from(), t.to(), t.usd(), t.source(), t.asOf(), PriceCollector.join(t.note(), "refreshed " + date),
            "refresh " + date));
      }
      Price now = new Price(f.key(), f.unit(), tiers);
      prices.put(k, now);
      if (files.get(k) == null) {
        files.put(k, f.key().provider() + "/" + f.key().service().replace('-', '_') + ".csv");
      }
      diff.put(k, compare(k, before, now));
    }
    for (Price p : old.prices()) {
      String k = p.key().toString();
      if (!diff.containsKey(k)) {
        FetchedPrice f = byKey.get(k);
        String why = f == null ? notRefreshed.apply(p.key())
            : !p.unit().equals(f.unit()) ? "the source's unit '" + f.unit() + "' differs from the book's '" + p.unit() + "'"
            : "the source gives 0 USD; the old price is kept";
        diff.put(k, List.of(new DiffRow(k, p.tiered() ? p.tiers().get(0).bounds() : "", NOT_REFRESHED, p.usd(), null, null,
            why)));
      }
    }
    List<PriceBook.Source> allSources = new ArrayList<>(old.manifest().sources());
    allSources.addAll(sources);
    PriceBook.Manifest m = old.manifest();
    PriceBook.Manifest manifest = new PriceBook.Manifest(m.name(), date, m.currency(), m.hoursPerMonth(), m.files(),
        m.geographies(), m.regions(), allSources);
    Path dir = outRoot.resolve("pricebook-" + date);
    PriceBook book = PriceBook.of(manifest, dir.toString(), prices, files, old.geographies(), old.regions());
    Files.createDirectories(dir);
    PriceBookWriter.write(book, dir);
    List<DiffRow> rows = new ArrayList<>();
    diff.values().forEach(rows::addAll);
    AtomicFiles.writeString(dir.resolve("diff.csv"), csv(old, date, rows));
    return new Result(PriceBook.load(dir), dir, List.copyOf(rows));
  }

  /** Rows for one refreshed key: tiers matched by their bounds. */
  private static List<DiffRow> compare(String k, Price before, Price now) {
    List<DiffRow> rows = new ArrayList<>();
    if (before == null) {
      for (Tier t : now.tiers()) {
        rows.add(new DiffRow(k, bounds(now, t), ADDED, null, t.usd(), null, t.note()));
      }
      return rows;
    }
    boolean same = before.tiers().size() == now.tiers().size() && before.tiered() == now.tiered();
    for (int i = 0; same && i < now.tiers().size(); i++) {
      Tier a = before.tiers().get(i);
      Tier b = now.tiers().get(i);
      same = a.usd().compareTo(b.usd()) == 0 && a.bounds().equals(b.bounds());
    }
    String status = same ? UNCHANGED : CHANGED;
    Map<String, Tier> oldByBounds = new LinkedHashMap<>();
    before.tiers().forEach(t -> oldByBounds.put(bounds(before, t), t));
    for (Tier t : now.tiers()) {
      String b = bounds(now, t);
      Tier o = oldByBounds.remove(b);
      BigDecimal pct = o == null || o.usd().signum() == 0 ? null
          : t.usd().subtract(o.usd()).multiply(BigDecimal.valueOf(100)).divide(o.usd(), 2, RoundingMode.HALF_EVEN);
      rows.add(new DiffRow(k, b, status, o == null ? null : o.usd(), t.usd(), pct, o == null ? "new tier" : ""));
    }
    oldByBounds.forEach((b, t) -> rows.add(new DiffRow(k, b, REMOVED, t.usd(), null, null, "tier no longer in the source")));
    return rows;
  }

  private static String bounds(Price p, Tier t) {
    return p.tiered() ? t.bounds() : "";
  }

  private static String csv(PriceBook old, LocalDate date, List<DiffRow> rows) {
    StringBuilder csv = new StringBuilder("# price book " + date + " against " + old.manifest().name() + " of " + old.date()
        + "; one row per key and tier; tier bounds in the key's unit; change_pct = (new - old) / old x 100\n");
    csv.append("key,tier,status,old_usd,new_usd,change_pct,note\n");
    for (DiffRow d : rows) {
      csv.append(String.join(",", CsvCells.text(d.key()), d.tier(), CsvCells.text(d.status()), plain(d.oldUsd()), plain(d.newUsd()),
          plain(d.changePct()), CsvCells.text(d.note()))).append('\n');
    }
    return csv.toString();
  }

  private static String plain(BigDecimal v) {
    return v == null ? "" : v.stripTrailingZeros().toPlainString();
  }
}
