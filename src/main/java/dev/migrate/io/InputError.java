package dev.migrate.io;

/**
 * One problem in a file a person wrote (rules, scenarios, price tables): where it is and what
 * is wrong. Shown as {@code file:line:col: message}, the form editors and CI logs link to.
 *
 * @param at       where; see {@link Position}
 * @param message  what is wrong and, where possible, what would be right
 */
public record InputError(Position at, String message) implements Comparable<InputError> {
  public InputError {
    java.util.Objects.requireNonNull(at, "at");
    java.util.Objects.requireNonNull(message, "message");
  }

  public InputError(String file, int line, int column, String message) {
    this(new Position(file, line, column), message);
  }

  public String file() {
    return at.source();
  }

  public int line() {
    return at.line();
  }

  public int column() {
    return at.column();
  }

  /** {@code file:line:col: message} (just {@code file: message} when there is no line). */
  public String format() {
    return at + ": " + message;
  }

  @Override
  public int compareTo(InputError o) {
    int c = at.compareTo(o.at);
    return c == 0 ? message.compareTo(o.message) : c;
  }

  @Override
  public String toString() {
    return format();
  }
}
