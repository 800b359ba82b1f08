package dev.migrate.app;

/**
 * A run that cannot go on, for a reason the user can act on. The message is one line that
 * says where (file:line:col, resource id, option) and what to do. The CLI turns the kind
 * into an exit code.
 */
public final class Failure extends RuntimeException {
  /** What kind of problem stopped the run. */
  public enum Kind {
    /** Options or arguments are wrong. */
    USAGE,
    /** An input file is invalid (snapshot, rules, scenario, price book, logs). */
    INVALID_INPUT,
    /** AWS or another remote service refused or failed. */
    REMOTE,
    /** An output could not be written. */
    OUTPUT,
    /** The run worked but found what the user asked to fail on (e.g. gaps with --strict). */
    FINDINGS
  }

  private final Kind kind;

  public Failure(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Failure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
