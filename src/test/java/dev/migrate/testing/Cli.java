package dev.migrate.testing;

import dev.migrate.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Runs {@code migrate} in-process through {@link Main#run} and captures what it prints: the one CLI capture of the suite. */
public final class Cli {
  private Cli() {}

  /** A finished run: the exit code and everything written to stdout and stderr (UTF-8). */
  public record Run(int code, String out, String err) {
    /** The exit code and both streams, as an assertion message shows them. */
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** Runs {@code migrate args} on the system clock. */
  public static Run run(String... args) {
    return run(Clock.systemUTC(), args);
  }

  /** Runs {@code migrate args} with a fixed clock, so that dated file names and reports are known. */
  public static Run run(Clock clock, String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        clock, args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
