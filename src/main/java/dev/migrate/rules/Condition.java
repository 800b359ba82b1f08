package dev.migrate.rules;

import dev.migrate.io.Position;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import com.google.re2j.Pattern;
import java.util.stream.Collectors;

/**
 * A compiled condition {@code attr op value}. Built only by the loader after the attribute,
 * operator and value type were checked, so {@link #test} never fails on types.
 */
public final class Condition {
  /** Operators, by their YAML name. */
  public enum Op {
    EQ("eq"), NE("ne"), IN("in"), NOT_IN("notIn"), LT("lt"), LE("le"), GT("gt"), GE("ge"),
    MATCHES("matches"), CONTAINS("contains"), CONTAINS_ANY("containsAny"), EXISTS("exists");

    public final String wire;

    Op(String wire) {
      this.wire = wire;
    }

    static Op fromWire(String s) {
      for (Op o : values()) {
        if (o.wire.equals(s)) {
          return o;
        }
      }
      return null;
    }

    static String names() {
      return java.util.Arrays.stream(values()).map(o -> o.wire).collect(Collectors.joining(", "));
    }
  }

  private final Attributes.Attribute attribute;
  private final Op op;
  /** String, Double, Boolean, or a List of String/Double. */
  private final Object value;
  /** RE2/J: matching time is linear in the text's length, whatever the pattern. */
  private final Pattern pattern;
  /**
   * The pattern as plain words when it is only that ({@code (?i)redis|memcache}): found by a scan of the text
   * instead of the regular expression machine; null for any other pattern.
   */
  private final Words words;
  /**
   * Results of {@code matches} per distinct text, for patterns that are not plain words: names and tag values repeat
   * across an estate (fleet members share a Name tag, a Role tag has a handful of values). Bounded, as an estate
   * may also have as many distinct names as items.
   */
  private final Map<String, Boolean> found;
  private final Position pos;
  /** {@code attr op value} as written once: every mapping's reason quotes the conditions of its rule. */
  private final String text;

  Condition(Attributes.Attribute attribute, Op op, Object value, Position pos) {
    this.attribute = attribute;
    this.op = op;
    this.value = value;
    this.pattern = op == Op.MATCHES ? Pattern.compile((String) value) : null;
    this.words = op == Op.MATCHES ? Words.of((String) value) : null;
    this.found = op == Op.MATCHES && words == null ? new ConcurrentHashMap<>() : null;
    this.pos = pos;
    this.text = attribute.name() + " " + op.wire + " " + show(value);
  }

  public String attribute() {
    return attribute.name();
  }

  public Op op() {
    return op;
  }

  Position pos() {
    return pos;
  }

  /** Structural identity, used to find rules that shadow others. */
  String key() {
    return attribute.name() + " " + op.wire + " " + value;
  }

  Object actual(Facts f) {
    return attribute.getter().apply(f);
  }

  boolean test(Facts f) {
    return test(actual(f));
  }

  boolean test(Object actual) {
    if (op == Op.EXISTS) {
      boolean present = actual != null && !(actual instanceof List<?> l && l.isEmpty());
      return present == (Boolean) value;
    }
    if (actual == null) {
      return false;
    }
    return switch (op) {
      case EQ -> same(actual, value);
      case NE -> !same(actual, value);
      case IN -> oneOf(actual, (List<?>) value);
      case NOT_IN -> !oneOf(actual, (List<?>) value);
      case LT -> (Double) actual < (Double) value;
      case LE -> (Double) actual <= (Double) value;
      case GT -> (Double) actual > (Double) value;
      case GE -> (Double) actual >= (Double) value;
      case MATCHES -> find((String) actual);
      case CONTAINS -> oneOf(value, (List<?>) actual);
      case CONTAINS_ANY -> anyOf((List<?>) actual, (List<?>) value);
      case EXISTS -> throw new AssertionError();
    };
  }

  /** Loops rather than streams: a condition is tested for every item of its kind, several times per item. */
  private static boolean oneOf(Object a, List<?> values) {
    for (int i = 0, n = values.size(); i < n; i++) {
      if (same(a, values.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyOf(List<?> actual, List<?> values) {
    for (int i = 0, n = actual.size(); i < n; i++) {
      if (oneOf(actual.get(i), values)) {
        return true;
      }
    }
    return false;
  }

  private boolean find(String text) {
    if (words != null) {
      int found = words.find(text);
      if (found >= 0) {
        return found == 1;
      }
      return pattern.matcher(text).find();
    }
    Boolean known = found.get(text);
    if (known != null) {
      return known;
    }
    boolean result = pattern.matcher(text).find();
    if (found.size() < MEMO_LIMIT) {
      found.put(text, result);
    }
    return result;
  }

  /** Distinct texts remembered per pattern (about 100 bytes each). */
  static final int MEMO_LIMIT = 4096;

  /**
   * A pattern that is only words separated by {@code |} (letters, digits, {@code -} and {@code _}), optionally
   * case-insensitive with a leading {@code (?i)}: RE2 finds it exactly where one of the words occurs in the text.
   * Case-insensitive words are found here in ASCII text only, where folding case is ASCII's; in other text RE2's
   * Unicode folding (the Kelvin sign is a k) decides.
   */
  static final class Words {
    private final String[] words;
    private final boolean ignoreCase;

    private Words(String[] words, boolean ignoreCase) {
      this.words = words;
      this.ignoreCase = ignoreCase;
    }

    /** The words of a pattern, or null when it is not plain words. */
    static Words of(String pattern) {
      boolean ignoreCase = pattern.startsWith("(?i)");
      String body = ignoreCase ? pattern.substring(4) : pattern;
      String[] words = body.split("\\|", -1);
      for (String w : words) {
        if (w.isEmpty()) {
          return null;
        }
        for (int i = 0; i < w.length(); i++) {
          char c = w.charAt(i);
          boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
          if (!plain) {
            return null;
          }
        }
      }
      return new Words(words, ignoreCase);
    }

    /** 1 when a word occurs in the text, 0 when none does, -1 when RE2 must decide (case folding beyond ASCII). */
    int find(String text) {
      if (ignoreCase) {
        for (int i = 0, n = text.length(); i < n; i++) {
          if (text.charAt(i) >= 0x80) {
            return -1;
          }
        }
      }
      for (String w : words) {
        if (ignoreCase ? containsIgnoreCase(text, w) : text.contains(w)) {
          return 1;
        }
      }
      return 0;
    }

    private static boolean containsIgnoreCase(String text, String word) {
      for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
        if (text.regionMatches(true, i, word, 0, word.length())) {
          return true;
        }
      }
      return false;
    }
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x, y) == 0;
    }
    return a.equals(b);
  }

  /** {@code cpuP95Pct lt 40}. */
  public String text() {
    return text;
  }

  /** {@code cpuP95Pct lt 40 (was 12.5)}. */
  String withActual(Facts f) {
    return withActual(actual(f));
  }

  /** {@link #withActual(Facts)} with the item's value already read (an attribute may be costly to work out). */
  String withActual(Object actual) {
    return text + " (is " + show(actual) + ")";
  }

  static String show(Object v) {
    if (v == null) {
      return "unknown";
    }
    if (v instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      return java.math.BigDecimal.valueOf(d).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(Condition::show).collect(Collectors.joining(", ", "[", "]"));
    }
    return v.toString();
  }
}
