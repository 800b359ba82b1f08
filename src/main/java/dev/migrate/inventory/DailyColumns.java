package dev.migrate.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.List;

/**
 * A usage record's daily points read straight into their columns ({@link DailyPoints}), with no object per point:
 * a 200,000-instance estate has 6 million points, and binding each as a record made a point, a date, boxed figures
 * and the binder's buffer for it, only for the columns to copy the figures out again.
 *
 * <p>It reads what a snapshot writer writes: objects of the six known fields, each once, a date of the form
 * {@code yyyy-mm-dd}, numbers or null for the figures. Anything else (an unknown field, a wrong type, a date of
 * another form, a figure beyond a double) ends the read with {@link Irregular}, and the file is read again by the
 * general binder, which gives the result or says what is wrong in its words, at its line and column.
 */
final class DailyColumns extends StdDeserializer<List<Usage.Daily>> {
  private static final long serialVersionUID = 1L;

  /** The reading context's attribute holding one read's {@link DailyPoints.Columns}, reused from list to list. */
  static final Object KEY = DailyColumns.class;

  private static final int DATE = 1;
  private static final int REQUESTS = 2;
  private static final int BYTES_OUT = 4;
  private static final int CPU_AVG = 8;
  private static final int CPU_MAX = 16;
  private static final int PEAK = 32;

  DailyColumns() {
    super(List.class);
  }

  @Override
  public List<Usage.Daily> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.isExpectedStartArrayToken()) {
      throw Irregular.INSTANCE;
    }
    DailyPoints.Columns c = ctxt.getAttribute(KEY) instanceof DailyPoints.Columns x ? x : new DailyPoints.Columns();
    c.clear();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw Irregular.INSTANCE;
      }
      int day = 0;
      long requests = DailyPoints.NO_LONG;
      double bytesOut = Double.NaN;
      double cpuAvg = Double.NaN;
      double cpuMax = Double.NaN;
      double peak = Double.NaN;
      int seen = 0;
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken v = p.nextToken();
        int field;
        switch (name) {
          case "date" -> {
            field = DATE;
            day = v == JsonToken.VALUE_STRING ? IsoDates.epochDay(p) : Integer.MIN_VALUE;
            if (day == Integer.MIN_VALUE) {
              throw Irregular.INSTANCE;
            }
          }
          case "requests" -> {
            field = REQUESTS;
            requests = longOf(p, v);
          }
          case "bytesOutGib" -> {
            field = BYTES_OUT;
            bytesOut = doubleOf(p, v);
          }
          case "cpuAvgPct" -> {
            field = CPU_AVG;
            cpuAvg = doubleOf(p, v);
          }
          case "cpuMaxPct" -> {
            field = CPU_MAX;
            cpuMax = doubleOf(p, v);
          }
          case "peakRequestsPerSecond" -> {
            field = PEAK;
            peak = doubleOf(p, v);
          }
          default -> throw Irregular.INSTANCE;
        }
        if ((seen & field) != 0) {
          throw Irregular.INSTANCE;
        }
        seen |= field;
      }
      if (p.currentToken() != JsonToken.END_OBJECT || (seen & DATE) == 0) {
        throw Irregular.INSTANCE;
      }
      c.add(day, requests, bytesOut, cpuAvg, cpuMax, peak);
    }
    return c.build();
  }

  /** An integer figure as Jackson binds a {@code Long}: null is absent, a fraction or a text is not read here. */
  private static long longOf(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return DailyPoints.NO_LONG;
    }
    if (v != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw Irregular.INSTANCE;
    }
    long x = p.getLongValue();
    if (x == DailyPoints.NO_LONG) {
      throw Irregular.INSTANCE;
    }
    return x;
  }

  /** A figure as Jackson binds a {@code Double} (an integer is taken as a double too): null is absent (NaN). */
  private static double doubleOf(JsonParser p, JsonToken v) throws IOException {
    double x;
    if (v == JsonToken.VALUE_NULL) {
      return Double.NaN;
    } else if (v == JsonToken.VALUE_NUMBER_FLOAT) {
      x = Decimals.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      x = x == x ? x : p.getDoubleValue();
    } else if (v == JsonToken.VALUE_NUMBER_INT) {
      x = p.getDoubleValue();
    } else {
      throw Irregular.INSTANCE;
    }
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      throw Irregular.INSTANCE;
    }
    return x;
  }
}
