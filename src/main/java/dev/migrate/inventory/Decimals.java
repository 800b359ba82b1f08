package dev.migrate.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;

/**
 * Decimal numbers of a snapshot ({@code 34.722}) read straight from the parser's characters into a double. A
 * 200,000-instance estate has about 20 million of them (usage figures and daily points), and the parser made a
 * string of each before converting it. A number of at most 15 or 16 significant digits and a decimal exponent within
 * 22 is one exact integer times or divided by one exact power of ten, so one rounded multiplication or division gives
 * the double nearest to it: exactly what {@link Double#parseDouble} gives (Clinger's fast path). Any other number
 * goes to Jackson's own deserializer, so that what it accepts and its error messages stay the same.
 */
final class Decimals extends StdScalarDeserializer<Double> {
  private static final long serialVersionUID = 1L;

  /** 10^0 .. 10^22: every one an exact double (5^22 < 2^53). */
  private static final double[] POWERS = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
  }

  /** Integers below this (2^53) are exact doubles. */
  private static final long EXACT = 1L << 53;

  @SuppressWarnings("unchecked")
  private static final JsonDeserializer<Double> JACKSON =
      (JsonDeserializer<Double>) NumberDeserializers.find(Double.class, Double.class.getName());

  Decimals() {
    super(Double.class);
  }

  @Override
  public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
      double v = parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      if (v == v) {
        return v;
      }
    }
    return JACKSON.deserialize(p, ctxt);
  }

  /**
   * The double a JSON number's characters write, or NaN when it is not one exact integer times or divided by an
   * exact power of ten (then {@link Double#parseDouble} has to decide).
   */
  static double parse(char[] c, int off, int len) {
    int i = off;
    int end = off + len;
    boolean negative = i < end && c[i] == '-';
    if (negative) {
      i++;
    }
    long m = 0;
    int scale = 0;
    int digits = 0;
    for (; i < end && c[i] >= '0' && c[i] <= '9'; i++, digits++) {
      m = m * 10 + (c[i] - '0');
      if (m >= EXACT) {
        return Double.NaN;
      }
    }
    if (i < end && c[i] == '.') {
      for (i++; i < end && c[i] >= '0' && c[i] <= '9'; i++, scale++, digits++) {
        m = m * 10 + (c[i] - '0');
        if (m >= EXACT) {
          return Double.NaN;
        }
      }
    }
    int exponent = 0;
    if (i < end && (c[i] == 'e' || c[i] == 'E')) {
      i++;
      boolean down = i < end && c[i] == '-';
      if (i < end && (c[i] == '-' || c[i] == '+')) {
        i++;
      }
      int n = 0;
      for (; i < end && c[i] >= '0' && c[i] <= '9' && n < 4; i++, n++) {
        exponent = exponent * 10 + (c[i] - '0');
      }
      if (n == 0) {
        return Double.NaN;
      }
      exponent = down ? -exponent : exponent;
    }
    if (i != end || digits == 0) {
      return Double.NaN;
    }
    int e = exponent - scale;
    if (e < -22 || e > 22) {
      return Double.NaN;
    }
    double v = e >= 0 ? m * POWERS[e] : m / POWERS[-e];
    return negative ? -v : v;
  }

  @Override
  public LogicalType logicalType() {
    return LogicalType.Float;
  }

  @Override
  public boolean isCachable() {
    return true;
  }

  @Override
  public Object getEmptyValue(DeserializationContext ctxt)
      throws com.fasterxml.jackson.databind.JsonMappingException {
    return JACKSON.getEmptyValue(ctxt);
  }

  @Override
  public Double getNullValue(DeserializationContext ctxt)
      throws com.fasterxml.jackson.databind.JsonMappingException {
    return JACKSON.getNullValue(ctxt);
  }

  @Override
  public AccessPattern getNullAccessPattern() {
    return JACKSON.getNullAccessPattern();
  }

  @Override
  public AccessPattern getEmptyAccessPattern() {
    return JACKSON.getEmptyAccessPattern();
  }
}
