package dev.migrate.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;

/**
 * A parser that refuses a key given twice in one object, for the quick reading of a snapshot: it throws
 * {@link Irregular}, and the general binder, whose parser checks keys itself, then reads the file again and reports
 * the key at its line and column. That parser's check made a hash set for every object of more than two keys
 * (millions in a large estate); here the keys of the objects being read are kept in one array per level, compared
 * with those already seen (the parser gives one string for each key name, so most comparisons are by reference).
 */
final class DistinctKeys extends JsonParserDelegate {
  /** Beyond this many keys in one object a hash set is quicker than comparing with each. */
  private static final int LINEAR = 32;

  /** Per open object or array: its keys so far (objects only), their count, and a set once there are many. */
  private String[][] keys = new String[16][];
  private int[] counts = new int[16];
  private HashSet<?>[] many = new HashSet<?>[16];
  private int depth = -1;

  /** Reads through {@code p}, whose own check of duplicate keys this replaces (it is turned off). */
  DistinctKeys(JsonParser p) {
    super(p);
    p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  @Override
  public JsonToken nextToken() throws IOException {
    JsonToken t = delegate.nextToken();
    if (t == null) {
      return null;
    }
    switch (t) {
      case START_OBJECT, START_ARRAY -> open();
      case END_OBJECT, END_ARRAY -> depth--;
      case FIELD_NAME -> key(delegate.currentName());
      default -> {
        // a value: nothing to check
      }
    }
    return t;
  }

  /** As {@link JsonParser#nextValue}, through {@link #nextToken} (the delegate's own would pass the check by). */
  @Override
  public JsonToken nextValue() throws IOException {
    JsonToken t = nextToken();
    return t == JsonToken.FIELD_NAME ? nextToken() : t;
  }

  /** Skips through {@link #nextToken}, so that the keys of what is skipped are checked as the parser's check did. */
  @Override
  public JsonParser skipChildren() throws IOException {
    JsonToken t = currentToken();
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return this;
    }
    int open = 1;
    while ((t = nextToken()) != null) {
      if (t.isStructStart()) {
        open++;
      } else if (t.isStructEnd() && --open == 0) {
        break;
      }
    }
    return this;
  }

  private void open() {
    depth++;
    if (depth == counts.length) {
      keys = Arrays.copyOf(keys, depth * 2);
      counts = Arrays.copyOf(counts, depth * 2);
      many = Arrays.copyOf(many, depth * 2);
    }
    counts[depth] = 0;
    many[depth] = null;
  }

  @SuppressWarnings("unchecked")
  private void key(String name) {
    int n = counts[depth];
    if (n >= LINEAR) {
      HashSet<String> set = (HashSet<String>) many[depth];
      if (set == null) {
        set = new HashSet<>(Arrays.asList(keys[depth]).subList(0, n));
        many[depth] = set;
      }
      if (!set.add(name)) {
        throw Irregular.INSTANCE;
      }
      counts[depth] = n + 1;
      return;
    }
    String[] seen = keys[depth];
    if (seen == null) {
      seen = new String[8];
      keys[depth] = seen;
    }
    int h = name.hashCode();
    for (int i = 0; i < n; i++) {
      String s = seen[i];
      if (s == name || (s.hashCode() == h && s.equals(name))) {
        throw Irregular.INSTANCE;
      }
    }
    if (n == seen.length) {
      seen = Arrays.copyOf(seen, Math.min(LINEAR, n * 2));
      keys[depth] = seen;
    }
    seen[n] = name;
    counts[depth] = n + 1;
  }
}
