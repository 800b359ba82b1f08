package dev.migrate.cli;

/**
 * A problem the user can fix, reported as one line on stderr with an exit code; never a stack
 * trace. Other packages throw their own exceptions; the commands translate them into this.
 */
public final class UserError extends RuntimeException {
  private final int exitCode;

  public UserError(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
