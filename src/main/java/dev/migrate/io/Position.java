package dev.migrate.io;

/**
 * Where something was read: a file (or a command-line option such as {@code --set a.b=1}) and a
 * 1-based line and column. Line and column are 0 when there is no position (a whole file, an
 * option value).
 *
 * @param source  file name as the user gave it, or the option that carried the value
 * @param line    1-based line, 0 when not known or not a file
 * @param column  1-based column, 0 when not known or not a file
 */
public record Position(String source, int line, int column) implements Comparable<Position> {
  /** A whole file or an option: no line, no column. */
  public static Position of(String source) {
    return new Position(source, 0, 0);
  }

  /** An error at this position. */
  public InputError error(String message) {
    return new InputError(this, message);
  }

  @Override
  public int compareTo(Position o) {
    int c = source.compareTo(o.source);
    if (c == 0) {
      c = Integer.compare(line, o.line);
    }
    return c == 0 ? Integer.compare(column, o.column) : c;
  }

  /** {@code file:line:col}, or just the source when there is no line. */
  @Override
  public String toString() {
    return line <= 0 ? source : source + ":" + line + ":" + column;
  }
}
