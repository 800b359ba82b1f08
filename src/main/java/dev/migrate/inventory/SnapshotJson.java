package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.migrate.io.CallerOwned;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes snapshot files (format {@value Snapshot#SCHEMA_V1}). Reading is strict:
 * an unknown schema version, a missing required field, a wrong type or an unknown field is a
 * {@link SnapshotFormatException} naming the file, line:column and JSON path.
 */
public final class SnapshotJson {
  private static final ObjectMapper MAPPER = mapper();
  /**
   * The quick reader's mapper: {@link #MAPPER} with daily points read straight into their columns and maps into their
   * sorted arrays. It reads through
   * {@link DistinctKeys}; anything it does not read is read again by {@link #MAPPER} (see {@link #bind}).
   */
  private static final ObjectMapper QUICK = quickMapper();

  private SnapshotJson() {}

  /**
   * The mapper used for snapshots. Strict on input (no silent coercion of strings to numbers
   * or numbers to strings), deterministic on output (sorted map keys, ISO dates, no nulls).
   */
  public static ObjectMapper mapper() {
    return configure(builder().build());
  }

  private static ObjectMapper quickMapper() {
    return configure(builder().addModule(new com.fasterxml.jackson.databind.module.SimpleModule("snapshot-quick") {
      private static final long serialVersionUID = 1L;

      @Override
      public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new com.fasterxml.jackson.databind.deser.Deserializers.Base() {
          @Override
          public com.fasterxml.jackson.databind.JsonDeserializer<?> findCollectionDeserializer(
              com.fasterxml.jackson.databind.type.CollectionType type,
              com.fasterxml.jackson.databind.DeserializationConfig config,
              com.fasterxml.jackson.databind.BeanDescription beanDesc,
              com.fasterxml.jackson.databind.jsontype.TypeDeserializer elementTypeDeserializer,
              com.fasterxml.jackson.databind.JsonDeserializer<?> elementDeserializer) {
            return type.getContentType().hasRawClass(Usage.Daily.class) ? new DailyColumns() : null;
          }

          @Override
          public com.fasterxml.jackson.databind.JsonDeserializer<?> findMapDeserializer(
              com.fasterxml.jackson.databind.type.MapType type,
              com.fasterxml.jackson.databind.DeserializationConfig config,
              com.fasterxml.jackson.databind.BeanDescription beanDesc,
              com.fasterxml.jackson.databind.KeyDeserializer keyDeserializer,
              com.fasterxml.jackson.databind.jsontype.TypeDeserializer elementTypeDeserializer,
              com.fasterxml.jackson.databind.JsonDeserializer<?> elementDeserializer) {
            SortedMaps.Values values = SortedMaps.Values.of(type.getContentType().getRawClass());
            return type.hasRawClass(java.util.Map.class) && type.getKeyType().hasRawClass(String.class)
                && values != null ? new SortedMaps(values) : null;
          }
        });
      }
    }).build());
  }

  private static JsonMapper.Builder builder() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        // A key given twice is ambiguous (which one did the author mean?), and text after the
        // snapshot is a sign of two files glued together: both are refused, not guessed at.
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        // A null element of a list (an instance, a volume id) is no record at all: refused at its place, not passed
        // on to fail later as a bug.
        .withConfigOverride(java.util.List.class, o -> o.setSetterInfo(
            com.fasterxml.jackson.annotation.JsonSetter.Value.forContentNulls(com.fasterxml.jackson.annotation.Nulls.FAIL)))
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        // Strings go through the read's StringTable when the reader has one (see reader()); dates, instants and
        // decimal numbers of the usual forms are read from the parser's characters, without the general parsers.
        .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("snapshot-strings")
            .addDeserializer(String.class, new StringTable.Deserializer())
            .addDeserializer(java.time.LocalDate.class, new IsoDates())
            .addDeserializer(java.time.Instant.class, new IsoInstants())
            .addDeserializer(Double.class, new Decimals()));
  }

  private static ObjectMapper configure(ObjectMapper mapper) {
    for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Integer,
        LogicalType.Float, LogicalType.Boolean}) {
      mapper.coercionConfigFor(t)
          .setCoercion(CoercionInputShape.String, t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Integer, t == LogicalType.Textual ? CoercionAction.Fail : CoercionAction.TryConvert)
          .setCoercion(CoercionInputShape.Float, t == LogicalType.Textual || t == LogicalType.Integer ? CoercionAction.Fail : CoercionAction.TryConvert)
          .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
    }
    return mapper;
  }

  /** A reader of one snapshot, with a table that keeps one copy of each string value the file repeats. */
  private static com.fasterxml.jackson.databind.ObjectReader reader() {
    return MAPPER.readerFor(Snapshot.class).withAttribute(StringTable.KEY, new StringTable());
  }

  /** The quick reading of a snapshot's bytes, or null when it leaves them to the general reader (for tests). */
  static Snapshot quickly(byte[] bytes) {
    return quick(() -> MAPPER.getFactory().createParser(bytes));
  }

  /** The general reading of a snapshot's bytes, unchecked (for tests). */
  static Snapshot generally(byte[] bytes) throws IOException {
    return reader().readValue(bytes);
  }

  /**
   * Reads a snapshot the quick way, or returns null when the quick reader does not read it (a key given twice, a daily
   * point of an unusual form, text after the snapshot, any problem at all): then the general reader reads it again
   * and gives the snapshot, or says what is wrong exactly as it always did. The quick way differs only in how: daily
   * points go straight into their columns, maps (tags) into their sorted arrays, and keys given twice are found
   * without a hash set per object.
   */
  private static Snapshot quick(Reopen open) {
    try (JsonParser p = new DistinctKeys(open.open())) {
      Snapshot s = QUICK.readerFor(Snapshot.class).withAttribute(StringTable.KEY, new StringTable())
          .withAttribute(DailyColumns.KEY, new DailyPoints.Columns()).readValue(p);
      // What the general reader refuses after the snapshot (more text, a second value) it reports itself.
      return p.nextToken() == null ? s : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  public static Snapshot read(Path file) {
    return read(file, w -> {});
  }

  /**
   * Reads and checks a snapshot file. Contradictions AWS never produces (an id listed twice, a
   * percentage out of range, ...) are a {@link SnapshotFormatException} at their line and column;
   * references to resources that are not in the file are passed to {@code warnings}, one line each.
   */
  public static Snapshot read(Path file, java.util.function.Consumer<String> warnings) {
    Snapshot s = bind(file);
    return checked(s, file.toString(), () -> MAPPER.getFactory().createParser(file.toFile()), warnings);
  }

  private static Snapshot bind(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new SnapshotFormatException(name + (Files.isDirectory(file) ? ": is a folder, expected a snapshot JSON file" : ": no such file"));
    }
    try {
      try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
        checkSchema(p, name);
      }
      Snapshot quick = quick(() -> MAPPER.getFactory().createParser(file.toFile()));
      if (quick != null) {
        return quick;
      }
      try (InputStream in = Files.newInputStream(file)) {
        return reader().readValue(in);
      }
    } catch (JsonProcessingException e) {
      throw new SnapshotFormatException(describe(name, e));
    } catch (IOException e) {
      throw new SnapshotFormatException(name + ": cannot read: " + e.getMessage());
    }
  }

  /** Reads a snapshot from a stream; {@code name} is used in error messages. */
  public static Snapshot read(InputStream in, String name) {
    try {
      byte[] bytes = in.readAllBytes();
      try (JsonParser p = MAPPER.getFactory().createParser(bytes)) {
        checkSchema(p, name);
      }
      Snapshot quick = quick(() -> MAPPER.getFactory().createParser(bytes));
      return checked(quick != null ? quick : reader().readValue(bytes), name,
          () -> MAPPER.getFactory().createParser(bytes), w -> {});
    } catch (JsonProcessingException e) {
      throw new SnapshotFormatException(describe(name, e));
    } catch (IOException e) {
      throw new SnapshotFormatException(name + ": cannot read: " + e.getMessage());
    }
  }

  public static void write(Snapshot snapshot, Path file) throws IOException {
    dev.migrate.io.AtomicFiles.write(file, out -> write(snapshot, out));
  }

  public static void write(Snapshot snapshot, OutputStream out) throws IOException {
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(CallerOwned.of(out), snapshot);
    out.write('\n');
  }

  public static String toJson(Snapshot snapshot) {
    try {
      return MAPPER.writeValueAsString(snapshot) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("snapshot cannot be serialised", e);
    }
  }

  /** Opens the file again to find where a problem is. */
  @FunctionalInterface
  private interface Reopen {
    JsonParser open() throws IOException;
  }

  private static Snapshot checked(Snapshot s, String name, Reopen reopen, java.util.function.Consumer<String> warnings) {
    List<SnapshotCheck.Problem> problems = SnapshotCheck.check(s);
    List<SnapshotCheck.Problem> errors = problems.stream().filter(SnapshotCheck.Problem::error).toList();
    if (!errors.isEmpty()) {
      SnapshotCheck.Problem first = errors.get(0);
      String more = errors.size() == 1 ? "" : " (and " + (errors.size() - 1) + " more problem"
          + (errors.size() == 2 ? "" : "s") + ")";
      throw new SnapshotFormatException(name + locate(reopen, java.util.Set.of(first.path())).getOrDefault(first.path(), "")
          + ": " + first.path() + ": " + dev.migrate.io.Terminal.safe(first.message()) + more);
    }
    if (problems.isEmpty()) {
      return s;
    }
    java.util.Set<String> paths = new java.util.HashSet<>();
    problems.forEach(w -> paths.add(w.path()));
    java.util.Map<String, String> at = locate(reopen, paths);
    for (SnapshotCheck.Problem w : problems) {
      warnings.accept(name + at.getOrDefault(w.path(), "") + ": " + w.path() + ": "
          + dev.migrate.io.Terminal.safe(w.message()));
    }
    return s;
  }

  /**
   * ":line:col" of the key or value at each of the JSON paths, found in one streaming pass that goes only into the
   * objects and arrays on the way to one of them (a file with thousands of warnings used to be read again for each);
   * a path not found has no entry.
   */
  private static java.util.Map<String, String> locate(Reopen reopen, java.util.Set<String> paths) {
    java.util.Map<String, String> found = new java.util.HashMap<>();
    // Every path that leads to a wanted one: each wanted path cut before one of its '.' or '['.
    java.util.Set<String> ways = new java.util.HashSet<>();
    for (String path : paths) {
      for (int i = 1; i < path.length(); i++) {
        if (path.charAt(i) == '.' || path.charAt(i) == '[') {
          ways.add(path.substring(0, i));
        }
      }
    }
    try (JsonParser p = reopen.open()) {
      if (p.nextToken() == null) {
        return found;
      }
      visit(p, "$", paths, ways, found);
    } catch (IOException | RuntimeException e) {
      // the file was read a moment ago; without a position the message still names the path
    }
    return found;
  }

  /** Records the value the parser stands on (at {@code path}) when wanted, then goes into it if a wanted path is there. */
  private static void visit(JsonParser p, String path, java.util.Set<String> wanted, java.util.Set<String> ways,
      java.util.Map<String, String> found) throws IOException {
    if (wanted.contains(path)) {
      found.putIfAbsent(path, ":" + where(p.currentTokenLocation()));
    }
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return;
    }
    if (!ways.contains(path)) {
      p.skipChildren();
      return;
    }
    if (t == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String child = path + "." + p.currentName();
        // A field is found at its key, as a reader looks for it.
        if (wanted.contains(child)) {
          found.putIfAbsent(child, ":" + where(p.currentTokenLocation()));
        }
        p.nextToken();
        visit(p, child, wanted, ways, found);
      }
    } else {
      for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
        visit(p, path + "[" + i + "]", wanted, ways, found);
      }
    }
  }

  /** Finds the top-level {@code schema} field with a streaming pass, before binding anything. */
  private static void checkSchema(JsonParser p, String name) throws IOException {
    {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new SnapshotFormatException(name + ":" + where(p.currentLocation())
            + ": $: a snapshot is a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("schema".equals(field)) {
          String version = value == JsonToken.VALUE_STRING ? p.getText() : null;
          if (!Snapshot.SCHEMA_V1.equals(version)) {
            throw new SnapshotFormatException(name + ":" + where(p.currentLocation())
                + ": $.schema: unknown snapshot schema " + (version == null ? value : "'" + version + "'")
                + " (this version of migrate reads '" + Snapshot.SCHEMA_V1 + "')");
          }
          return;
        }
        p.skipChildren();
      }
      throw new SnapshotFormatException(name + ": $.schema: missing required field 'schema' (expected '"
          + Snapshot.SCHEMA_V1 + "')");
    }
  }

  static String describe(String name, JsonProcessingException e) {
    String where = e.getLocation() == null ? "" : ":" + where(e.getLocation());
    if (e instanceof JsonMappingException m) {
      String path = jsonPath(m);
      String what;
      if (m instanceof UnrecognizedPropertyException u) {
        path = path.isEmpty() ? "$" : path;
        what = "unknown field '" + u.getPropertyName() + "'";
      } else if (m instanceof ValueInstantiationException v && v.getCause() != null) {
        what = "invalid value: " + firstLine(v.getCause().getMessage());
      } else if (m instanceof InvalidFormatException f && f.getValue() instanceof Double d && d.isInfinite()) {
        what = "number out of range, expected " + typeName(f.getTargetType());
      } else if (m instanceof InvalidFormatException f) {
        what = "wrong value " + quote(f.getValue()) + ", expected " + typeName(f.getTargetType());
      } else if (m instanceof com.fasterxml.jackson.databind.exc.InvalidNullException) {
        what = "null where a list element is expected; remove it or give the element";
      } else if (m instanceof MismatchedInputException mi) {
        String msg = firstLine(mi.getOriginalMessage());
        if (msg.startsWith("Missing required creator property")) {
          String field = msg.replaceAll(".*'([^']*)'.*", "$1");
          what = "missing required field '" + field + "'";
          path = path.isEmpty() ? "$" : path;
        } else if (msg.startsWith("Trailing token") || msg.startsWith("Unexpected end-of-input")) {
          what = plain(msg);
        } else {
          what = "wrong type, expected " + typeName(mi.getTargetType());
        }
      } else {
        what = plain(firstLine(m.getOriginalMessage()));
      }
      return name + where + ": " + withDuplicateKey(path.isEmpty() ? "$" : path, m) + ": " + what;
    }
    String path = e.getProcessor() instanceof JsonParser p ? jsonPath(p.getParsingContext()) : "$";
    String what = plain(firstLine(e.getOriginalMessage()));
    path = withDuplicateKey(path, e);
    return name + where + ": " + (path.equals("$") ? "" : path + ": ") + (what.startsWith("duplicate key") ? what
        : "not valid JSON: " + what);
  }

  /** A duplicate key's path ends with the key, where the parser's context stopped one level up. */
  private static String withDuplicateKey(String path, JsonProcessingException e) {
    java.util.regex.Matcher dup = DUPLICATE.matcher(firstLine(e.getOriginalMessage()));
    return dup.matches() && !path.endsWith("." + dup.group(1)) ? path + "." + dup.group(1) : path;
  }

  /** The JSON path of where a streaming parser stands, e.g. {@code $.instances[3].id}. */
  private static String jsonPath(com.fasterxml.jackson.core.JsonStreamContext ctx) {
    java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
    for (var c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    return "$" + String.join("", parts);
  }

  private static final java.util.regex.Pattern SOURCE =
      java.util.regex.Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");
  private static final java.util.regex.Pattern NON_NUMERIC =
      java.util.regex.Pattern.compile("Non-standard token '([^']*)'.*");
  private static final java.util.regex.Pattern CONTROL =
      java.util.regex.Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*");
  private static final java.util.regex.Pattern CONTROL_OUTSIDE =
      java.util.regex.Pattern.compile("Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*");
  private static final java.util.regex.Pattern OUT_OF_RANGE =
      java.util.regex.Pattern.compile("Numeric value \\((.*)\\) out of range of (int|long) .*");
  private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate field '(.*)'");

  /**
   * The parser's message in the user's words: no parser feature names, no internal source
   * descriptions (the file, line and column are already in front of the message).
   */
  static String plain(String m) {
    java.util.regex.Matcher x;
    if ((x = NON_NUMERIC.matcher(m)).matches()) {
      return "'" + x.group(1) + "' is not a number in JSON (NaN and Infinity cannot be written)";
    }
    if ((x = CONTROL.matcher(m)).matches()) {
      return String.format(java.util.Locale.ROOT, "control character U+%04X inside a string; write it as \\u%04x",
          Integer.parseInt(x.group(1)), Integer.parseInt(x.group(1)));
    }
    if ((x = CONTROL_OUTSIDE.matcher(m)).matches()) {
      return String.format(java.util.Locale.ROOT, "control character U+%04X between values, where only spaces, tabs and"
          + " line breaks may be", Integer.parseInt(x.group(1)));
    }
    if ((x = OUT_OF_RANGE.matcher(m)).matches()) {
      return "number " + x.group(1) + " is out of range, expected an integer up to "
          + (x.group(2).equals("int") ? Integer.MAX_VALUE : Long.MAX_VALUE);
    }
    if ((x = DUPLICATE.matcher(m)).matches()) {
      return "duplicate key '" + x.group(1) + "' (each key may appear once in an object)";
    }
    if (m.contains("ALLOW_COMMENTS") || m.contains("comment")) {
      return "comments are not allowed in JSON";
    }
    if (m.contains("getMaxNestingDepth")) {
      return "arrays and objects nested too deep (more than 1000 levels)";
    }
    if (m.contains("getMaxStringLength")) {
      return "a string longer than 20,000,000 characters";
    }
    if (m.contains("getMaxNumberLength")) {
      return "a number with too many digits";
    }
    if (m.startsWith("Unexpected end-of-input")) {
      return "the file ends in the middle of the snapshot (is it cut off?)";
    }
    if (m.startsWith("Trailing token")) {
      return "more content after the end of the snapshot object";
    }
    String out = SOURCE.matcher(m).replaceAll("line $1, column $2").replaceAll(" \\(code \\d+\\)", "")
        .replaceAll("\\(?\\(CTRL-CHAR, code (\\d+)\\)\\)?", "(control character $1)");
    out = out.replaceAll("\\s*\\([^()]*`[^`]*`[^()]*\\)", "").replaceAll("`[^`]*`", "a parser setting");
    return out;
  }

  private static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (java.util.List.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(java.util.Locale.ROOT);
    }
    if (type == java.time.Instant.class) {
      return "an ISO-8601 instant such as 2026-11-01T00:00:00Z";
    }
    if (type == java.time.LocalDate.class) {
      return "an ISO date such as 2026-11-01";
    }
    if (type == java.time.YearMonth.class) {
      return "a month such as 2026-11";
    }
    return type.getSimpleName();
  }

  private static String quote(Object value) {
    return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
  }

  private static String where(JsonLocation loc) {
    return loc.getLineNr() + ":" + loc.getColumnNr();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
