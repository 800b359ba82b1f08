package dev.migrate.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * One copy of each string value read from one snapshot file. A snapshot repeats its values many times: regions,
 * zones, types, states, tag keys and values, and every id that another resource names (an instance id is in the
 * instance, its volumes, its group, its load balancer's targets and its usage record). Read as they come, a
 * 200,000-instance estate held 5.8 million strings (330 MB); kept once each, about a tenth of that.
 *
 * <p>A value is looked up in the parser's own character buffer, so a repeated value makes no new string at all.
 * The table belongs to one read and is dropped with it: nothing is kept between files or runs.
 */
final class StringTable {
  /** Longer values (descriptions) are rarely repeated; they are kept as they come. */
  static final int MAX_LENGTH = 256;
  /** The table's attribute in the reading context. */
  static final Object KEY = StringTable.class;

  private String[] slots = new String[1 << 12];
  private int size;

  /** The one copy of the current string token's text. */
  String of(JsonParser p) throws IOException {
    int len = p.getTextLength();
    if (len > MAX_LENGTH) {
      return p.getText();
    }
    char[] buf = p.getTextCharacters();
    int off = p.getTextOffset();
    int h = 0;
    for (int i = 0; i < len; i++) {
      h = 31 * h + buf[off + i];
    }
    int mask = slots.length - 1;
    // The same hash as String.hashCode, which a string caches: a probe compares characters only on a hash match.
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      String s = slots[i];
      if (s == null) {
        String made = new String(buf, off, len);
        slots[i] = made;
        if (++size * 2 > slots.length) {
          grow();
        }
        return made;
      }
      if (s.hashCode() == h && same(s, buf, off, len)) {
        return s;
      }
    }
  }

  private static boolean same(String s, char[] buf, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != buf[off + i]) {
        return false;
      }
    }
    return true;
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  private void grow() {
    String[] old = slots;
    slots = new String[old.length * 2];
    int mask = slots.length - 1;
    for (String s : old) {
      if (s != null) {
        int i = spread(s.hashCode()) & mask;
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  /**
   * Strings of a snapshot through the table of the read (when the reader has one); everything but a JSON string
   * goes to Jackson's own deserializer, so that coercion rules and error messages stay the same.
   */
  static final class Deserializer extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.hasToken(JsonToken.VALUE_STRING) && ctxt.getAttribute(KEY) instanceof StringTable table) {
        return table.of(p);
      }
      return StringDeserializer.instance.deserialize(p, ctxt);
    }

    @Override
    public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
      return com.fasterxml.jackson.databind.type.LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
      return true;
    }

    @Override
    public Object getEmptyValue(DeserializationContext ctxt) {
      return "";
    }
  }
}
