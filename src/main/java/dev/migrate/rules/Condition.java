package dev.migrate.rules;

import dev.migrate.io.Position;
import java.util.List;
import java.util.Locale;
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
  private final Position pos;
  /** {@code attr op value} as written once: every mapping's reason quotes the conditions of its rule. */
  private final String text;

  Condition(Attributes.Attribute attribute, Op op, Object value, Position pos) {
    this.attribute = attribute;
    this.op = op;
    this.value = value;
    this.pattern = op == Op.MATCHES ? Pattern.compile((String) value) : null;
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
      case IN -> ((List<?>) value).stream().anyMatch(v -> same(actual, v));
      case NOT_IN -> ((List<?>) value).stream().noneMatch(v -> same(actual, v));
      case LT -> (Double) actual < (Double) value;
      case LE -> (Double) actual <= (Double) value;
      case GT -> (Double) actual > (Double) value;
      case GE -> (Double) actual >= (Double) value;
      case MATCHES -> pattern.matcher((String) actual).find();
      case CONTAINS -> ((List<?>) actual).stream().anyMatch(a -> same(a, value));
      case CONTAINS_ANY -> ((List<?>) actual).stream().anyMatch(a -> ((List<?>) value).stream().anyMatch(v -> same(a, v)));
      case EXISTS -> throw new AssertionError();
    };
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
