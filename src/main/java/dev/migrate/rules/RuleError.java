package dev.migrate.rules;

/**
 * One problem in a rule file.
 *
 * @param file     file name as given to the loader (path for directories, {@code rules/x.yaml} for built-ins)
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param message  what is wrong and, where possible, what would be right
 */
public record RuleError(String file, int line, int column, String message) implements Comparable<RuleError> {
  /** {@code file:line:col: message}, the format every editor and CI log understands. */
  public String format() {
    return file + ":" + line + ":" + column + ": " + message;
  }

  @Override
  public int compareTo(RuleError o) {
    int c = file.compareTo(o.file);
    if (c == 0) {
      c = Integer.compare(line, o.line);
    }
    if (c == 0) {
      c = Integer.compare(column, o.column);
    }
    return c == 0 ? message.compareTo(o.message) : c;
  }

  @Override
  public String toString() {
    return format();
  }
}
