package dev.migrate.logs;

import dev.migrate.io.Csv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * CloudFront edge location codes (first three letters = a nearby IATA airport) mapped to the
 * price geographies of CloudFront and of Cloud CDN, read from {@code logs/edge-locations.csv}
 * (the data file names its sources). Immutable; lookups by three letters cost one array read.
 */
public final class EdgeLocations {
  /** Geography key for an edge code the table does not know. */
  public static final String UNKNOWN = "unknown";

  private static final String RESOURCE = "logs/edge-locations.csv";
  private static final int CODES = 26 * 26 * 26;

  private final String[] cloudFrontKeys;
  private final String[] cdnKeys;
  /** Per three-letter code: index into cloudFrontKeys, or -1. */
  private final short[] cloudFrontByCode = new short[CODES];
  /** Per three-letter code: index into cdnKeys, or -1. */
  private final short[] cdnByCode = new short[CODES];

  private EdgeLocations(List<String[]> rows) {
    Arrays.fill(cloudFrontByCode, (short) -1);
    Arrays.fill(cdnByCode, (short) -1);
    List<String> cf = new ArrayList<>();
    List<String> cdn = new ArrayList<>();
    for (String[] row : rows) {
      String code = row[0];
      int idx = index(code.charAt(0), code.charAt(1), code.charAt(2));
      if (idx < 0) {
        throw new IllegalStateException(RESOURCE + ": bad airport code " + code);
      }
      cloudFrontByCode[idx] = (short) indexOf(cf, row[3]);
      cdnByCode[idx] = (short) indexOf(cdn, row[4]);
    }
    cloudFrontKeys = cf.toArray(String[]::new);
    cdnKeys = cdn.toArray(String[]::new);
  }

  private static final class Holder {
    static final EdgeLocations INSTANCE = load();
  }

  /** The table shipped with the tool. */
  public static EdgeLocations standard() {
    return Holder.INSTANCE;
  }

  private static EdgeLocations load() {
    List<String[]> rows = new ArrayList<>();
    for (Csv.Row r : Csv.bundled(RESOURCE)) {
      if (r.size() < 5 || r.get(0).length() != 3) {
        throw new IllegalStateException(r.where() + ": bad row: " + String.join(",", r.cells()));
      }
      rows.add(r.cells().toArray(String[]::new));
    }
    return new EdgeLocations(rows);
  }

  private static int indexOf(List<String> keys, String key) {
    int i = keys.indexOf(key);
    if (i < 0) {
      keys.add(key);
      i = keys.size() - 1;
    }
    return i;
  }

  /** Index of a three-letter upper-case code in 0..17575, or -1 when it is not three letters A-Z. */
  static int index(int a, int b, int c) {
    if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z' || c < 'A' || c > 'Z') {
      return -1;
    }
    return (a - 'A') * 676 + (b - 'A') * 26 + (c - 'A');
  }

  /** Number of CloudFront geographies; index {@code size} is {@link #UNKNOWN}. */
  int cloudFrontCount() {
    return cloudFrontKeys.length;
  }

  int cdnCount() {
    return cdnKeys.length;
  }

  /** CloudFront geography index of a code index, or {@link #cloudFrontCount()} when unknown. */
  int cloudFrontOf(int codeIndex) {
    int g = codeIndex < 0 ? -1 : cloudFrontByCode[codeIndex];
    return g < 0 ? cloudFrontKeys.length : g;
  }

  int cdnOf(int codeIndex) {
    int g = codeIndex < 0 ? -1 : cdnByCode[codeIndex];
    return g < 0 ? cdnKeys.length : g;
  }

  String cloudFrontKey(int index) {
    return index < cloudFrontKeys.length ? cloudFrontKeys[index] : UNKNOWN;
  }

  String cdnKey(int index) {
    return index < cdnKeys.length ? cdnKeys[index] : UNKNOWN;
  }
}
