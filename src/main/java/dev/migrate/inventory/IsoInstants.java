package dev.migrate.inventory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Instants of a snapshot in the form AWS and this tool write ({@code 2025-03-01T00:00:00Z}, with or without a
 * fraction of a second) read straight from the parser's characters. A 200,000-instance estate has an instant per
 * instance (its launch time) and the general date-time parser made a formatter context, a map of fields and several
 * strings for each. Anything else goes to Jackson's own deserializer, so that what it accepts and its error messages
 * stay the same.
 */
final class IsoInstants extends StdScalarDeserializer<Instant> implements ContextualDeserializer {
  private static final long serialVersionUID = 1L;

  private final JsonDeserializer<Instant> jackson;

  IsoInstants() {
    this(InstantDeserializer.INSTANT);
  }

  private IsoInstants(JsonDeserializer<Instant> jackson) {
    super(Instant.class);
    this.jackson = jackson;
  }

  @Override
  @SuppressWarnings("unchecked")
  public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
      throws JsonMappingException {
    JsonDeserializer<?> d = jackson instanceof ContextualDeserializer c ? c.createContextual(ctxt, property) : jackson;
    return d == jackson ? this : new IsoInstants((JsonDeserializer<Instant>) d);
  }

  @Override
  public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_STRING)) {
      Instant i = parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      if (i != null) {
        return i;
      }
    }
    return jackson.deserialize(p, ctxt);
  }

  /** {@code yyyy-mm-ddThh:mm:ss[.f{1,9}]Z} as an instant, or null for anything else (and for a day that is not). */
  static Instant parse(char[] c, int o, int len) {
    if (len < 20 || len == 21 || len > 30 || c[o + 4] != '-' || c[o + 7] != '-' || c[o + 10] != 'T'
        || c[o + 13] != ':' || c[o + 16] != ':' || c[o + len - 1] != 'Z') {
      return null;
    }
    int y = IsoDates.digits(c, o, 4);
    int mo = IsoDates.digits(c, o + 5, 2);
    int d = IsoDates.digits(c, o + 8, 2);
    int h = IsoDates.digits(c, o + 11, 2);
    int mi = IsoDates.digits(c, o + 14, 2);
    int s = IsoDates.digits(c, o + 17, 2);
    if (y < 0 || mo < 0 || d < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
      return null;
    }
    int nanos = 0;
    if (len > 20) {
      if (c[o + 19] != '.') {
        return null;
      }
      int f = IsoDates.digits(c, o + 20, len - 21);
      if (f < 0) {
        return null;
      }
      nanos = f;
      for (int k = len - 21; k < 9; k++) {
        nanos *= 10;
      }
    }
    try {
      long day = LocalDate.of(y, mo, d).toEpochDay();
      return Instant.ofEpochSecond(day * 86_400 + h * 3_600L + mi * 60L + s, nanos);
    } catch (DateTimeException e) {
      return null;
    }
  }

  @Override
  public com.fasterxml.jackson.databind.type.LogicalType logicalType() {
    return com.fasterxml.jackson.databind.type.LogicalType.DateTime;
  }
}
