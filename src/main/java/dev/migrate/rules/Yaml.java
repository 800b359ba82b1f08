package dev.migrate.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small YAML tree that keeps the line and column of every key and value, built from
 * Jackson's streaming YAML parser (the databind tree forgets positions, which every
 * {@code file:line:col} message needs).
 */
final class Yaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private Yaml() {}

  /** A position in a file. */
  record Pos(String file, int line, int column) {
    RuleError error(String message) {
      return new RuleError(file, line, column, message);
    }

    String text() {
      return file + ":" + line + ":" + column;
    }
  }

  sealed interface Node permits MapNode, ListNode, Scalar {
    Pos pos();

    default String describe() {
      if (this instanceof MapNode) {
        return "a mapping";
      }
      if (this instanceof ListNode) {
        return "a list";
      }
      Scalar s = (Scalar) this;
      return switch (s.token()) {
        case VALUE_STRING -> "the string '" + s.text() + "'";
        case VALUE_NULL -> "nothing (null)";
        case VALUE_TRUE, VALUE_FALSE -> "the boolean " + s.text();
        default -> "the number " + s.text();
      };
    }
  }

  /** A key with its own position, and its value. */
  record Entry(String key, Pos keyPos, Node value) {}

  record MapNode(Pos pos, Map<String, Entry> entries) implements Node {}

  record ListNode(Pos pos, List<Node> items) implements Node {}

  record Scalar(Pos pos, JsonToken token, String text) implements Node {
    boolean isString() {
      return token == JsonToken.VALUE_STRING;
    }

    boolean isNumber() {
      return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    boolean isBoolean() {
      return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
    }

    boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }
  }

  /**
   * Parses one YAML document. Syntax errors and duplicate keys are added to {@code errors};
   * returns null when the text cannot be parsed at all.
   */
  static Node parse(String file, String text, List<RuleError> errors) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        errors.add(new RuleError(file, 1, 1, "empty file: a rule file holds 'apiVersion' and 'rules'"));
        return null;
      }
      Node root = read(p, file, errors);
      if (p.nextToken() != null) {
        Pos pos = pos(file, p.currentTokenLocation());
        errors.add(pos.error("a rule file holds one YAML document; put further rules in the same 'rules' list"));
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 0 : loc.getLineNr();
      int col = loc == null ? 0 : loc.getColumnNr();
      errors.add(new RuleError(file, line, col, "not valid YAML: " + problem(e.getOriginalMessage())));
      return null;
    } catch (IOException e) {
      errors.add(new RuleError(file, 0, 0, "cannot read: " + e.getMessage()));
      return null;
    }
  }

  private static Node read(JsonParser p, String file, List<RuleError> errors) throws IOException {
    JsonToken t = p.currentToken();
    Pos pos = pos(file, p.currentTokenLocation());
    switch (t) {
      case START_OBJECT -> {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Pos keyPos = pos(file, p.currentTokenLocation());
          p.nextToken();
          Node value = read(p, file, errors);
          Entry previous = entries.get(key);
          if (previous != null) {
            errors.add(keyPos.error("duplicate key '" + key + "' (first at line " + previous.keyPos().line() + ")"));
          } else {
            entries.put(key, new Entry(key, keyPos, value));
          }
        }
        return new MapNode(pos, entries);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, file, errors));
        }
        return new ListNode(pos, items);
      }
      default -> {
        return new Scalar(pos, t, t == JsonToken.VALUE_NULL ? null : p.getText());
      }
    }
  }

  private static Pos pos(String file, JsonLocation loc) {
    return new Pos(file, loc.getLineNr(), loc.getColumnNr());
  }

  /** SnakeYAML's message without its position lines ("in 'reader', line 5, column 11:" and the excerpt). */
  private static String problem(String s) {
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
    return out.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
