package dev.migrate.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Tags and other maps of a snapshot (text, integer or decimal values by text key) read straight into the sorted
 * arrays that hold them ({@link SortedArrayMap}), for the quick reading of a snapshot: the general binder made a
 * linked hash map with an entry per key for every resource's tags, only for the record to copy them out again.
 * A value of another type ends the read with {@link Irregular} (the general binder then reads the file again, see
 * {@link SnapshotJson}); a key given twice is refused by {@link DistinctKeys}.
 */
final class SortedMaps extends StdDeserializer<Map<String, Object>> {
  private static final long serialVersionUID = 1L;

  /** The type of a map's values. */
  enum Values {
    TEXT, INTEGER, DECIMAL;

    /** The values of maps of {@code type}, or null for any other. */
    static Values of(Class<?> type) {
      return type == String.class ? TEXT : type == Long.class ? INTEGER : type == Double.class ? DECIMAL : null;
    }
  }

  private final Values values;

  SortedMaps(Values values) {
    super(Map.class);
    this.values = values;
  }

  @Override
  public Map<String, Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.isExpectedStartObjectToken()) {
      throw Irregular.INSTANCE;
    }
    StringTable table = ctxt.getAttribute(StringTable.KEY) instanceof StringTable t ? t : null;
    String[] keys = null;
    Object[] vals = null;
    int n = 0;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken v = p.nextToken();
      Object value;
      if (v == JsonToken.VALUE_NULL) {
        value = null;
      } else if (values == Values.TEXT && v == JsonToken.VALUE_STRING) {
        value = table != null ? table.of(p) : p.getText();
      } else if (values == Values.INTEGER && v == JsonToken.VALUE_NUMBER_INT
          && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        value = p.getLongValue();
      } else if (values == Values.DECIMAL && (v == JsonToken.VALUE_NUMBER_FLOAT || v == JsonToken.VALUE_NUMBER_INT)) {
        double x = v == JsonToken.VALUE_NUMBER_FLOAT
            ? Decimals.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : Double.NaN;
        x = x == x ? x : p.getDoubleValue();
        if (Double.isNaN(x) || Double.isInfinite(x)) {
          throw Irregular.INSTANCE;
        }
        value = x;
      } else {
        throw Irregular.INSTANCE;
      }
      if (keys == null) {
        keys = new String[8];
        vals = new Object[8];
      } else if (n == keys.length) {
        keys = Arrays.copyOf(keys, n * 2);
        vals = Arrays.copyOf(vals, n * 2);
      }
      keys[n] = name;
      vals[n] = value;
      n++;
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw Irregular.INSTANCE;
    }
    return SortedArrayMap.of(keys, vals, n);
  }
}
