package dev.migrate.io;

import dev.migrate.io.Yaml.Entry;
import dev.migrate.io.Yaml.ListNode;
import dev.migrate.io.Yaml.MapNode;
import dev.migrate.io.Yaml.Node;
import dev.migrate.io.Yaml.Scalar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The string and list fields of a hand-written YAML mapping (rule files, scenarios), read one
 * way: a reader returns the value, or null / an empty list when the field is absent or wrong, and
 * adds a wrong value to the error list with its {@code file:line:col}. The file formats then only
 * say which fields they have and what the values mean.
 */
public final class Fields {
  private final List<InputError> errors;

  /** Readers that add every problem to {@code errors}. */
  public Fields(List<InputError> errors) {
    this.errors = errors;
  }

  /**
   * Reports every key of {@code m} that is not in {@code allowed}; a null mapping has none.
   *
   * @param where    what the mapping is, for the message ("rule", "match", "waves[0]")
   * @param allowed  the keys the mapping may have, in the order the message lists them
   */
  public void unknown(MapNode m, String where, Collection<String> allowed) {
    if (m == null) {
      return;
    }
    for (Entry e : m.unknown(allowed)) {
      errors.add(e.keyPos().error("unknown field " + Echo.quote(e.key()) + " in " + where + "; expected one of "
          + String.join(", ", allowed)));
    }
  }

  /** Where the value of {@code key} is written, or the mapping itself when the key is absent. */
  public static Position at(MapNode m, String key) {
    Entry e = m.get(key);
    return e == null ? m.pos() : e.value().pos();
  }

  /** A single value of any scalar type (string, number, boolean) or null when absent or not a single value. */
  public Scalar single(MapNode m, String key) {
    Entry e = m == null ? null : m.get(key);
    if (e == null) {
      return null;
    }
    if (e.value() instanceof Scalar s && s.text() != null) {
      return s;
    }
    errors.add(e.value().pos().error(Echo.quote(key) + " must be a single value, got " + e.value().describe()));
    return null;
  }

  /** An optional string; null when absent or not a string. */
  public String string(MapNode m, String key) {
    Entry e = m.get(key);
    if (e == null) {
      return null;
    }
    if (e.value() instanceof Scalar s && s.isString()) {
      return s.text();
    }
    errors.add(e.value().pos().error(Echo.quote(key) + " must be a string, found " + e.value().describe()));
    return null;
  }

  /** A string that must be there and not be blank; {@code where} names the mapping when it is missing. */
  public String requiredString(MapNode m, String key, String where) {
    Entry e = m.get(key);
    if (e == null) {
      errors.add(m.pos().error(where + " has no " + Echo.quote(key)));
      return null;
    }
    if (e.value() instanceof Scalar s && s.isString() && !s.text().isBlank()) {
      return s.text();
    }
    errors.add(e.value().pos().error(Echo.quote(key) + " must be a non-empty string, found " + e.value().describe()));
    return null;
  }

  /** A list of strings (an absent field is an empty list); items that are not strings are reported and left out. */
  public List<String> stringList(MapNode m, String key) {
    Entry e = m.get(key);
    if (e == null) {
      return List.of();
    }
    if (!(e.value() instanceof ListNode ln)) {
      errors.add(e.value().pos().error(Echo.quote(key) + " must be a list of strings, found " + e.value().describe()));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node n : ln.items()) {
      if (n instanceof Scalar s && s.isString()) {
        out.add(s.text());
      } else {
        errors.add(n.pos().error(Echo.quote(key) + " must hold strings, found " + n.describe()));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Names: one value or a list of values, each a non-blank scalar and, when {@code allowed} is not
   * null, one of it. Wrong items are reported and left out; an absent field is an empty list.
   */
  public List<String> names(MapNode m, String key, Set<String> allowed) {
    Entry e = m.get(key);
    if (e == null) {
      return List.of();
    }
    List<Node> items = e.value() instanceof ListNode l ? l.items() : List.of(e.value());
    List<String> out = new ArrayList<>();
    for (Node n : items) {
      if (n instanceof Scalar s && s.text() != null && !s.text().isBlank()) {
        if (allowed != null && !allowed.contains(s.text())) {
          errors.add(s.pos().error(Echo.quote(key) + " value " + Echo.quote(s.text()) + " is not one of: "
              + String.join(", ", new TreeSet<>(allowed))));
        } else {
          out.add(s.text());
        }
      } else {
        errors.add(n.pos().error(Echo.quote(key) + " must be a list of names, got " + n.describe()));
      }
    }
    return out;
  }
}
