package dev.migrate.io;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link BigDecimal#toPlainString()} for writers of many rows, remembering the text of values seen before. The large
 * outputs repeat few distinct amounts (a unit price, 730 hours, a volume's size recur on thousands of lines), and each
 * {@code toPlainString} builds two or three objects: remembered, a repeated value costs one hash lookup and nothing
 * else. Equal values of another scale (0.10 and 0.1) are different keys, as their texts differ.
 *
 * <p>One instance per writer (not thread-safe). It remembers at most {@link #LIMIT} values, then formats the others
 * each time, so an estate of mostly distinct amounts costs no more memory than that.
 */
public final class PlainNumbers {
  /** Values remembered at most: about 1 MiB of keys and texts. */
  public static final int LIMIT = 1 << 13;

  private final Map<BigDecimal, String> texts = new HashMap<>();

  /** The plain decimal text of {@code v} (no exponent), or null for null. */
  public String text(BigDecimal v) {
    if (v == null) {
      return null;
    }
    String t = texts.get(v);
    if (t == null) {
      t = v.toPlainString();
      if (texts.size() < LIMIT) {
        texts.put(v, t);
      }
    }
    return t;
  }
}
