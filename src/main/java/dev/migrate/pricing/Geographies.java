package dev.migrate.pricing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Resolves traffic geography names and regions to {@link Geography} rows of the price book. */
public final class Geographies {
  private final List<Geography> all;
  private final Map<String, Geography> byAlias = new TreeMap<>();

  public Geographies(List<Geography> geographies) {
    this.all = List.copyOf(geographies);
    for (Geography g : all) {
      byAlias.put(normalise(g.name()), g);
      for (String a : g.aliases()) {
        byAlias.putIfAbsent(normalise(a), g);
      }
      byAlias.putIfAbsent(normalise(g.awsCloudfrontTransfer()), g);
      byAlias.putIfAbsent(normalise(g.awsCloudfrontRequests()), g);
    }
  }

  public List<Geography> all() {
    return all;
  }

  /** The geography a usage key names (case, '-', '_' and blanks ignored). */
  public Optional<Geography> resolve(String name) {
    return Optional.ofNullable(byAlias.get(normalise(name)));
  }

  /** The geography of an AWS or Google Cloud region: longest matching region prefix. */
  public Optional<Geography> ofRegion(String region) {
    Geography best = null;
    int bestLen = -1;
    for (Geography g : all) {
      for (String p : g.regionPrefixes()) {
        if (region.startsWith(p) && p.length() > bestLen) {
          best = g;
          bestLen = p.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  static String normalise(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
  }

  static Geographies parse(List<dev.migrate.io.Csv.Row> rows, String name) {
    List<Geography> list = new ArrayList<>();
    List<String> header = null;
    for (dev.migrate.io.Csv.Row r : rows) {
      if (header == null) {
        header = r.cells();
        List<String> expected = List.of("geography", "aws_cloudfront_transfer", "aws_cloudfront_requests",
            "gcp_cdn", "gcp_egress_dest", "aliases", "region_prefixes");
        if (!header.equals(expected)) {
          throw new PriceBookException(name + ":" + r.line() + ": header must be " + String.join(",", expected));
        }
        continue;
      }
      List<String> c = r.cells();
      if (c.size() != 7) {
        throw new PriceBookException(name + ":" + r.line() + ": expected 7 columns, found " + c.size());
      }
      list.add(new Geography(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), split(c.get(5)), split(c.get(6))));
    }
    return new Geographies(list);
  }

  private static List<String> split(String s) {
    if (s.isBlank()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String p : s.split(";")) {
      if (!p.isBlank()) {
        out.add(p.trim());
      }
    }
    return Collections.unmodifiableList(out);
  }
}
