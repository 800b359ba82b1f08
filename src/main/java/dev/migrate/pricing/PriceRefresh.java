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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a new dated price book from an old one and freshly fetched prices: fetched keys replace
 * (or add to) the old rows, every other row is carried over with its own source and date. Writes
 * the new book folder {@code pricebook-<date>} and a {@code diff.csv} against the old book.
 */
public final class PriceRefresh {
  private PriceRefresh() {}

  /**
   * One key of the diff.
   *
   * @param key      price key
   * @param status   added, changed or unchanged
   * @param oldUsd   old unit price, or null when added
   * @param newUsd   new unit price
   * @param changePct (new - old) / old x 100, or null
   */
  public record DiffRow(String key, String status, BigDecimal oldUsd, BigDecimal newUsd, BigDecimal changePct) {}

  /** @param book the new book, @param dir its folder, @param diff one row per fetched key, sorted */
  public record Result(PriceBook book, Path dir, List<DiffRow> diff) {
    public long count(String status) {
      return diff.stream().filter(d -> d.status().equals(status)).count();
    }
  }

  public static Result refresh(PriceBook old, List<FetchedPrice> fetched, LocalDate date, List<PriceBook.Source> sources,
      Path outRoot) throws IOException {
    Map<String, Price> prices = new HashMap<>();
    Map<String, String> files = new HashMap<>();
    for (Price p : old.prices()) {
      prices.put(p.key().toString(), p);
      files.put(p.key().toString(), old.fileOf(p.key()));
    }
    Map<String, DiffRow> diff = new TreeMap<>();
    for (FetchedPrice f : fetched) {
      String k = f.key().toString();
      Price before = prices.get(k);
      Tier tier = new Tier(BigDecimal.ZERO, null, f.usd(), f.source(), f.asOf(), "", "refresh " + date);
      prices.put(k, new Price(f.key(), f.unit(), List.of(tier)));
      if (!files.containsKey(k) || files.get(k) == null) {
        files.put(k, f.key().provider() + "/" + f.key().service().replace('-', '_') + ".csv");
      }
      if (before == null) {
        diff.put(k, new DiffRow(k, "added", null, f.usd(), null));
      } else {
        BigDecimal o = before.usd();
        String status = o.compareTo(f.usd()) == 0 && !before.tiered() ? "unchanged" : "changed";
        BigDecimal pct = o.signum() == 0 ? null
            : f.usd().subtract(o).multiply(BigDecimal.valueOf(100)).divide(o, 2, RoundingMode.HALF_EVEN);
        diff.put(k, new DiffRow(k, status, o, f.usd(), pct));
      }
    }
    List<PriceBook.Source> allSources = new ArrayList<>(old.manifest().sources());
    allSources.addAll(sources);
    PriceBook.Manifest m = old.manifest();
    PriceBook.Manifest manifest = new PriceBook.Manifest(m.name(), date, m.currency(), m.hoursPerMonth(), m.files(),
        m.geographies(), allSources);
    Path dir = outRoot.resolve("pricebook-" + date);
    PriceBook book = PriceBook.of(manifest, dir.toString(), prices, files, old.geographies());
    Files.createDirectories(dir);
    PriceBookWriter.write(book, dir);
    StringBuilder csv = new StringBuilder("# price book " + date + " against " + old.date() + " (" + old.location() + ")\n");
    csv.append("key,status,old_usd,new_usd,change_pct\n");
    for (DiffRow d : diff.values()) {
      csv.append(String.join(",", Csv.quote(d.key()), d.status(), d.oldUsd() == null ? "" : d.oldUsd().toPlainString(),
          d.newUsd().toPlainString(), d.changePct() == null ? "" : d.changePct().toPlainString())).append('\n');
    }
    AtomicFiles.writeString(dir.resolve("diff.csv"), csv.toString());
    return new Result(PriceBook.load(dir), dir, List.copyOf(diff.values()));
  }
}
