package dev.migrate.cost.hybrid;

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
 * A YAML document as a small tree that keeps where every node starts, so that validation can
 * name {@code file:line:col}. Jackson's tree model drops locations; its streaming parser keeps
 * them, so the tree is built from the token stream.
 */
final class Yaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private Yaml() {}

  /** Where a node starts; line and column are 1-based, or 0 for a {@code --set} value. */
  record Loc(String source, int line, int col) {
    @Override
    public String toString() {
      return line <= 0 ? source : source + ":" + line + ":" + col;
    }
  }

  sealed interface Node permits MapNode, ListNode, Scalar {
    Loc loc();
  }

  /** A mapping; keys keep their order and their own location. Mutable only while --set applies. */
  record MapNode(Loc loc, Map<String, Entry> entries) implements Node {}

  record Entry(Loc keyLoc, Node value) {}

  record ListNode(Loc loc, List<Node> items) implements Node {}

  /**
   * @param text   the scalar as written (null for an explicit null)
   * @param token  how the YAML parser typed it (VALUE_STRING, VALUE_NUMBER_INT, ...)
   */
  record Scalar(Loc loc, String text, JsonToken token) implements Node {}

  /** Thrown for text that is not YAML at all; carries the location of the syntax error. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Loc loc;

    SyntaxError(Loc loc, String message) {
      super(message);
      this.loc = loc;
    }
  }

  /** Parses one document; duplicate keys are reported into {@code errors} (the later one wins). */
  static Node parse(String text, String source, List<ScenarioError> errors) throws SyntaxError {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return new MapNode(new Loc(source, 1, 1), new LinkedHashMap<>());
      }
      Node root = read(p, source, errors);
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String msg = e.getOriginalMessage();
      int nl = msg.indexOf('\n');
      throw new SyntaxError(l == null ? new Loc(source, 1, 1) : new Loc(source, l.getLineNr(), l.getColumnNr()),
          "not valid YAML: " + (nl > 0 ? msg.substring(0, nl) : msg));
    } catch (IOException e) {
      throw new SyntaxError(new Loc(source, 1, 1), "cannot read: " + e.getMessage());
    }
  }

  private static Node read(JsonParser p, String source, List<ScenarioError> errors) throws IOException {
    JsonLocation start = p.currentTokenLocation();
    Loc loc = new Loc(source, start.getLineNr(), start.getColumnNr());
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        JsonLocation kl = p.currentTokenLocation();
        Loc keyLoc = new Loc(source, kl.getLineNr(), kl.getColumnNr());
        String key = p.currentName();
        p.nextToken();
        Node value = read(p, source, errors);
        if (entries.containsKey(key)) {
          errors.add(new ScenarioError(keyLoc.toString(), "duplicate key '" + key + "' (first at "
              + entries.get(key).keyLoc().line() + ":" + entries.get(key).keyLoc().col() + ")"));
        }
        entries.put(key, new Entry(keyLoc, value));
      }
      return new MapNode(loc, entries);
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(p, source, errors));
      }
      return new ListNode(loc, items);
    }
    return new Scalar(loc, t == JsonToken.VALUE_NULL ? null : p.getText(), t);
  }

  /** The YAML type of a node, for error messages. */
  static String describe(Node n) {
    if (n instanceof MapNode) {
      return "a mapping";
    }
    if (n instanceof ListNode) {
      return "a list";
    }
    Scalar s = (Scalar) n;
    if (s.text() == null) {
      return "null";
    }
    return "'" + s.text() + "'";
  }
}
