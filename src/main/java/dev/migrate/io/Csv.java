package dev.migrate.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one reader of the CSV tables the tool reads (the price book, the catalogue, billing and
 * edge-location tables), on Jackson's CSV parser: RFC 4180 quoting, blank lines skipped, and
 * lines starting with {@code #} are comments anywhere in the file (the tables say where their
 * figures come from in them). Every row keeps its line, so a message names {@code file:line}; a
 * malformed file is a {@link CsvException} naming {@code file:line:col}.
 */
public final class Csv {
  private static final CsvMapper MAPPER = new CsvMapper();
  /** No columns: each record is read as a list of cells. */
  private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withComments();

  private Csv() {}

  /**
   * One record and where it starts.
   *
   * @param at     file and 1-based line (column 1)
   * @param cells  the cells as written, unquoted
   */
  public record Row(Position at, List<String> cells) {
    public int line() {
      return at.line();
    }

    /** {@code file:line}, for messages about the whole row. */
    public String where() {
      return at.source() + ":" + at.line();
    }

    /** The cell of a column, or the empty string when the row is shorter. */
    public String get(int column) {
      return column < cells.size() ? cells.get(column) : "";
    }

    public int size() {
      return cells.size();
    }
  }

  /** A table whose rows could not be read; the error says where and why. */
  public static final class CsvException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient InputError error;

    CsvException(InputError error) {
      super(error.format());
      this.error = error;
    }

    public InputError error() {
      return error;
    }
  }

  /**
   * Every record of a table, the header included (when it has one, it is the first row).
   *
   * @param source  the file name messages show
   * @throws CsvException when the text is not CSV (a quote left open, text after a closing quote)
   */
  public static List<Row> read(Reader in, String source) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (CsvParser p = (CsvParser) MAPPER.getFactory().createParser(in)) {
      p.setSchema(SCHEMA);
      p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t != JsonToken.START_ARRAY) {
          continue;
        }
        List<String> cells = new ArrayList<>(12);
        int line = -1;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
          if (line < 0) {
            // the first cell's position: the record's own start is not tracked past comment lines
            line = p.currentTokenLocation().getLineNr();
          }
          cells.add(p.getText());
        }
        rows.add(new Row(new Position(source, Math.max(line, 1), 1), List.copyOf(cells)));
      }
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      Position at = loc == null || loc.getLineNr() < 1 ? Position.of(source)
          : new Position(source, loc.getLineNr(), Math.max(loc.getColumnNr(), 1));
      throw new CsvException(at.error("not valid CSV: " + problem(e.getOriginalMessage())));
    }
    return rows;
  }

  /** Reads a UTF-8 stream. */
  public static List<Row> read(InputStream in, String source) throws IOException {
    return read(new InputStreamReader(in, StandardCharsets.UTF_8), source);
  }

  /**
   * The data rows of a table bundled with the tool (the header is checked to be there and dropped).
   * A bundled table that is missing or malformed is a broken build, so it fails as an
   * {@link IllegalStateException}, naming the row.
   *
   * @param resource  the classpath path, without a leading slash
   */
  public static List<Row> bundled(String resource) {
    List<Row> rows = bundledWithHeader(resource);
    return rows.subList(1, rows.size());
  }

  private static List<Row> bundledWithHeader(String resource) {
    InputStream in = Csv.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing resource " + resource + " (a broken build)");
    }
    try (in) {
      List<Row> rows = read(in, resource);
      if (rows.isEmpty()) {
        throw new IllegalStateException(resource + ": no header row (a broken build)");
      }
      return rows;
    } catch (CsvException e) {
      throw new IllegalStateException(e.getMessage() + " (a broken build)", e);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  /**
   * The data rows of a bundled table as maps from its header's column names to cells; a column
   * a row does not reach is the empty string.
   */
  public static List<java.util.Map<String, String>> bundledByHeader(String resource) {
    List<Row> rows = bundledWithHeader(resource);
    List<String> header = rows.get(0).cells();
    List<java.util.Map<String, String>> out = new ArrayList<>(rows.size());
    for (Row r : rows.subList(1, rows.size())) {
      if (r.size() > header.size()) {
        throw new IllegalStateException(r.where() + ": " + r.size() + " cells but the header names " + header.size()
            + " (a broken build)");
      }
      java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), r.get(i));
      }
      out.add(m);
    }
    return out;
  }

  /** Each data row's cells of a bundled table, in order. */
  public static void bundled(String resource, Consumer<List<String>> row) {
    bundled(resource).forEach(r -> row.accept(r.cells()));
  }

  /** The parser's message in words, without its character codes and setting names. */
  static String problem(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll(" \\(code \\d+\\)", "").replace("Missing closing quote for value", "a quoted cell is not closed");
    return Echo.clip(Echo.withoutLibraryNames(t), 200);
  }
}
