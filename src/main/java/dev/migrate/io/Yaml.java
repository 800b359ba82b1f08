package dev.migrate.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The YAML files people write (rules, scenarios) as a small tree that keeps the line and column
 * of every key and value, so every message can name {@code file:line:col}. Jackson's tree model
 * forgets positions; its streaming parser keeps them, so the tree is built from the token stream.
 *
 * <p>The typed readers on {@link Scalar} are the one place where a value written by hand becomes a
 * number: they accept plain decimals only and say why anything else is refused ({@code .nan},
 * {@code .inf}, {@code 0x10}, {@code 1_000}, {@code 017}, numbers out of range).
 */
public final class Yaml {
  /**
   * Largest YAML text read, in bytes of a file or characters of a text (1 MiB). A hand-written rule or scenario file is a few
   * kilobytes; anything near this is a mistake (a log or a dump given by accident) and is refused
   * before it is parsed, so it costs neither time nor memory.
   */
  public static final int MAX_CHARS = 1 << 20;

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private Yaml() {}

  /** A mapping, a list or a scalar, with the position where it starts. */
  public sealed interface Node permits MapNode, ListNode, Scalar {
    Position pos();

    /** What the node is, for messages: "a mapping", "a list", "the string 'x'", "the number 5". */
    default String describe() {
      if (this instanceof MapNode) {
        return "a mapping";
      }
      if (this instanceof ListNode) {
        return "a list";
      }
      Scalar s = (Scalar) this;
      return switch (s.token()) {
        case VALUE_STRING -> "the string " + Echo.quote(s.text());
        case VALUE_NULL -> "nothing (null)";
        case VALUE_TRUE, VALUE_FALSE -> "the boolean " + s.text();
        default -> {
          String problem = s.numberProblem();
          yield problem == null ? "the number " + Echo.clip(s.text()) : Echo.quote(s.text()) + ", which " + problem;
        }
      };
    }
  }

  /** A key with its own position, and its value. */
  public record Entry(String key, Position keyPos, Node value) {}

  /**
   * A mapping; keys keep their order. The map is mutable so that a command-line override
   * ({@code --set a.b=1}) can be applied to the tree before it is read.
   */
  public record MapNode(Position pos, Map<String, Entry> entries) implements Node {
    /** The entry of a key, or null. */
    public Entry get(String key) {
      return entries.get(key);
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    /** Every key not in {@code allowed}, with its position. */
    public List<Entry> unknown(java.util.Collection<String> allowed) {
      return entries.values().stream().filter(e -> !allowed.contains(e.key())).toList();
    }
  }

  /** A list; mutable for the same reason as {@link MapNode}. */
  public record ListNode(Position pos, List<Node> items) implements Node {}

  /**
   * A scalar as written.
   *
   * @param token  how YAML typed it: VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, ...
   * @param text   the text as written, or null for an explicit null
   */
  public record Scalar(Position pos, JsonToken token, String text) implements Node {
    public boolean isString() {
      return token == JsonToken.VALUE_STRING;
    }

    /** Typed as a number by YAML (which includes {@code .nan}, {@code 0x10}, {@code 1_000}). */
    public boolean isNumber() {
      return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    public boolean isBoolean() {
      return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
    }

    public boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }

    /**
     * The text as a plain, finite decimal number ({@code 12}, {@code -0.5}, {@code 1.5e3}), whatever
     * YAML typed it as; empty for anything else (see {@link #numberProblem()}).
     */
    public Optional<BigDecimal> decimal() {
      return numberProblem() == null ? Optional.of(new BigDecimal(text.trim())) : Optional.empty();
    }

    /** The text as a finite double, when {@link #decimal()} accepts it. */
    public Optional<Double> finiteDouble() {
      return decimal().map(BigDecimal::doubleValue).filter(Double::isFinite);
    }

    /** The text as a whole number that fits a {@code long}; empty for fractions and anything else. */
    public Optional<Long> whole() {
      return decimal().filter(d -> d.signum() == 0 || d.stripTrailingZeros().scale() <= 0)
          .filter(d -> d.abs().compareTo(LONG_MAX) <= 0).map(BigDecimal::longValueExact);
    }

    /**
     * Why the text is not a plain decimal number, as the end of a sentence ("is not a number",
     * "is hexadecimal: write it in decimal"), or null when it is one.
     */
    public String numberProblem() {
      return Numbers.problem(isNull() || isBoolean() ? null : text);
    }
  }

  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  /** The rules for numbers written by hand. */
  static final class Numbers {
    /** Digits, an optional fraction and an optional exponent; no leading zero before more digits. */
    private static final Pattern PLAIN = Pattern.compile("[-+]?(0|[1-9][0-9]*)?(\\.[0-9]*)?([eE][-+]?[0-9]{1,4})?");
    /** Longest number text taken: beyond it the number is a mistake, not a price or a count. */
    private static final int MAX_LENGTH = 40;
    /** Powers of ten beyond this are out of any range a rule or scenario uses (and slow to print). */
    private static final int MAX_MAGNITUDE = 300;

    private Numbers() {}

    static String problem(String text) {
      if (text == null) {
        return "is not a number";
      }
      String t = text.trim();
      String lower = t.toLowerCase(java.util.Locale.ROOT);
      String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
      if (unsigned.equals(".nan") || unsigned.equals("nan")) {
        return "is not a number";
      }
      if (unsigned.equals(".inf") || unsigned.equals("inf") || unsigned.equals("infinity")) {
        return "is infinite: give a finite number";
      }
      if (unsigned.startsWith("0x")) {
        return "is hexadecimal: write it in decimal";
      }
      if (unsigned.startsWith("0o") || unsigned.startsWith("0b")) {
        return "is octal or binary: write it in decimal";
      }
      if (t.indexOf('_') >= 0) {
        return "has '_' separators: write the digits without them";
      }
      if (t.indexOf(':') >= 0) {
        return "is base 60 in YAML 1.1: write it in decimal";
      }
      if (t.length() > MAX_LENGTH) {
        return "is out of range (more than " + MAX_LENGTH + " characters)";
      }
      if (unsigned.length() > 1 && unsigned.charAt(0) == '0' && Character.isDigit(unsigned.charAt(1))) {
        return "has a leading zero (octal in YAML 1.1): write it without";
      }
      if (t.isEmpty() || !PLAIN.matcher(t).matches() || !containsDigitBeforeExponent(lower)) {
        return "is not a number";
      }
      BigDecimal d = new BigDecimal(t);
      if (d.signum() != 0 && Math.abs(d.precision() - d.scale() - 1) > MAX_MAGNITUDE) {
        return "is out of range";
      }
      return null;
    }

    private static boolean containsDigitBeforeExponent(String lower) {
      int e = lower.indexOf('e');
      String mantissa = e < 0 ? lower : lower.substring(0, e);
      return mantissa.chars().anyMatch(Character::isDigit);
    }
  }

  /** The text of a file or a --set value could not be parsed; the error says where and why. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient InputError error;

    SyntaxError(InputError error) {
      super(error.format());
      this.error = error;
    }

    public InputError error() {
      return error;
    }
  }

  /**
   * Reads a YAML file as UTF-8 text, refusing files over {@link #MAX_CHARS} bytes before reading them.
   * Returns null (and adds the error) when the file is missing, unreadable, too large or not UTF-8.
   *
   * @param what  what the file should be, for messages ("rule file", "scenario file")
   */
  public static String readFile(Path file, String what, List<InputError> errors) {
    Position at = Position.of(file.toString());
    try {
      // the size first, so a large file costs neither the time nor the memory to read it
      if (Files.size(file) > MAX_CHARS) {
        errors.add(at.error(tooLarge(what, Files.size(file) + " bytes")));
        return null;
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_CHARS + 1);
      }
      if (bytes.length > MAX_CHARS) {
        errors.add(at.error(tooLarge(what, "more than " + MAX_CHARS + " bytes")));
        return null;
      }
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (NoSuchFileException e) {
      errors.add(at.error("no such file"));
    } catch (CharacterCodingException e) {
      errors.add(at.error("is not UTF-8 text: a " + what + " is YAML saved as UTF-8"));
    } catch (IOException e) {
      errors.add(at.error("cannot read the " + what + " (" + Echo.clip(String.valueOf(e.getMessage())) + ")"));
    }
    return null;
  }

  private static String tooLarge(String what, String size) {
    return "is too large for a " + what + " (" + size + "; at most " + MAX_CHARS + "): is it the right file?";
  }

  /**
   * Parses one YAML document. Duplicate keys are added to {@code errors} (the first one is
   * kept); a second document is an error too. Returns null for an empty document.
   *
   * @param source  the file name (or option) that positions name
   * @param what    what the document should be, for messages ("rule file", "scenario")
   * @throws SyntaxError when the text is not YAML, or is too large to be a hand-written file
   */
  public static Node parse(String source, String text, String what, List<InputError> errors) throws SyntaxError {
    if (text.length() > MAX_CHARS) {
      throw new SyntaxError(Position.of(source).error(tooLarge(what, text.length() + " characters")));
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      Node root = read(p, source, errors);
      if (p.nextToken() != null) {
        errors.add(pos(source, p.currentTokenLocation()).error("a " + what
            + " holds one YAML document; put everything into the first one"));
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      Position at = loc == null ? new Position(source, 1, 1) : pos(source, loc);
      throw new SyntaxError(at.error("not valid YAML: " + problem(e.getOriginalMessage())));
    } catch (IOException e) {
      throw new SyntaxError(Position.of(source).error("cannot read: " + Echo.clip(String.valueOf(e.getMessage()))));
    }
  }

  private static Node read(JsonParser p, String source, List<InputError> errors) throws IOException {
    JsonToken t = p.currentToken();
    Position pos = pos(source, p.currentTokenLocation());
    switch (t) {
      case START_OBJECT -> {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Position keyPos = pos(source, p.currentTokenLocation());
          p.nextToken();
          Node value = read(p, source, errors);
          Entry previous = entries.get(key);
          if (previous != null) {
            errors.add(keyPos.error("duplicate key " + Echo.quote(key) + " (first at line " + previous.keyPos().line() + ")"));
          } else {
            entries.put(key, new Entry(key, keyPos, value));
          }
        }
        return new MapNode(pos, entries);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, source, errors));
        }
        return new ListNode(pos, items);
      }
      default -> {
        return new Scalar(pos, t, t == JsonToken.VALUE_NULL ? null : p.getText());
      }
    }
  }

  private static Position pos(String source, JsonLocation loc) {
    return new Position(source, loc.getLineNr(), loc.getColumnNr());
  }

  /**
   * The parser's message without its position lines ("in 'reader', line 5, column 11:" and the
   * excerpt, which the position already gives) and without the library's setting names.
   */
  static String problem(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n")) {
      String t = line.trim();
      if (t.isEmpty() || t.startsWith("in 'reader'") || t.startsWith("^") || line.startsWith("    ")) {
        continue;
      }
      out.append(out.length() == 0 ? "" : "; ").append(t);
    }
    return Echo.clip(Echo.withoutLibraryNames(inWords(out.toString())), 300);
  }

  /** The YAML parser's event objects (e.g. "<org.yaml.snakeyaml.events.AliasEvent(anchor=a)>") named in words. */
  private static final java.util.regex.Pattern EVENT =
      java.util.regex.Pattern.compile("<?org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\([^>]*\\)?>?");

  private static String inWords(String s) {
    java.util.regex.Matcher m = EVENT.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String word = switch (m.group(1)) {
        case "SequenceStart" -> "a list";
        case "MappingStart" -> "a mapping";
        case "Alias" -> "an alias (*name)";
        case "Scalar" -> "a value";
        default -> "something else";
      };
      m.appendReplacement(out, word);
    }
    m.appendTail(out);
    return out.toString();
  }
}
