package dev.migrate.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates of a snapshot ({@code 2026-11-01}) read straight from the parser's characters. A 200,000-instance snapshot
 * has 6 million daily points, and the general date parser made a map, a context and several objects for each.
 * Anything but ten characters of the form {@code yyyy-mm-dd} naming a real day goes to Jackson's own date
 * deserializer, so that what it accepts and its error messages stay the same.
 */
final class IsoDates extends StdScalarDeserializer<LocalDate> {
  private static final long serialVersionUID = 1L;

  IsoDates() {
    super(LocalDate.class);
  }

  @Override
  public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_STRING) && p.getTextLength() == 10) {
      char[] c = p.getTextCharacters();
      int o = p.getTextOffset();
      if (c[o + 4] == '-' && c[o + 7] == '-') {
        int y = digits(c, o, 4);
        int m = digits(c, o + 5, 2);
        int d = digits(c, o + 8, 2);
        if (y >= 0 && m >= 0 && d >= 0) {
          try {
            return LocalDate.of(y, m, d);
          } catch (DateTimeException e) {
            // not a real day: Jackson's deserializer says so in its words
          }
        }
      }
    }
    return LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
  }

  /**
   * The day (days since 1970-01-01) of the parser's string token when it is of the form {@code yyyy-mm-dd} and names
   * a real day, else {@link Integer#MIN_VALUE}: the day {@link #deserialize} gives, without a date object.
   */
  static int epochDay(JsonParser p) throws IOException {
    if (p.getTextLength() != 10) {
      return Integer.MIN_VALUE;
    }
    char[] c = p.getTextCharacters();
    int o = p.getTextOffset();
    if (c[o + 4] != '-' || c[o + 7] != '-') {
      return Integer.MIN_VALUE;
    }
    int y = digits(c, o, 4);
    int m = digits(c, o + 5, 2);
    int d = digits(c, o + 8, 2);
    if (y < 0 || m < 0 || d < 0) {
      return Integer.MIN_VALUE;
    }
    try {
      // Four-digit years: within an int of days.
      return (int) LocalDate.of(y, m, d).toEpochDay();
    } catch (DateTimeException e) {
      return Integer.MIN_VALUE;
    }
  }

  /** The number that {@code n} ASCII digits at {@code from} write, or -1 (also read by {@link IsoInstants}). */
  static int digits(char[] c, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      if (c[i] < '0' || c[i] > '9') {
        return -1;
      }
      v = v * 10 + (c[i] - '0');
    }
    return v;
  }

  @Override
  public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
    return com.fasterxml.jackson.databind.type.LogicalType.DateTime;
  }
}
