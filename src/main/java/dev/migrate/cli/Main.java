package dev.migrate.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import dev.migrate.app.Failure;
import dev.migrate.io.Terminal;
import picocli.CommandLine;

/** Entry point. {@link #run} is what tests call; only {@link #main} exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    int code = run(System.out, System.err, args);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs {@code migrate} with the given arguments, results to {@code out}, everything else to
   * {@code err}, and returns the exit code (see {@link ExitCode}).
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return run(out, err, Clock.systemUTC(), args);
  }

  /** {@link #run(PrintStream, PrintStream, String...)} with a fixed clock, for tests. */
  public static int run(PrintStream out, PrintStream err, Clock clock, String... args) {
    try {
      return execute(out, err, clock, args);
    } catch (OutOfMemoryError e) {
      // picocli hands only Exceptions to the handler; an Error from the command ends here, its frames (and the memory
      // they held) already gone, so there is room to say what to do.
      return outOfMemory(e, err);
    }
  }

  private static int execute(PrintStream out, PrintStream err, Clock clock, String... args) {
    CommandLine cli = new CommandLine(new MigrateCommand(out, err, clock));
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    ChoiceConverter.registerAll(cli);
    // picocli's own BigDecimal conversion names Java's exception in its message.
    cli.registerConverter(java.math.BigDecimal.class, text -> {
      try {
        return new java.math.BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + dev.migrate.io.Echo.clip(text) + "' is not a number: write a "
            + "plain decimal such as 0.5");
      }
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, err));
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("migrate: " + Terminal.safeLines(message(ex)) + suggestion(ex));
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return ExitCode.USAGE;
    });
    return cli.execute(args);
  }

  /**
   * One line for a run that ran out of memory: what ran out, the bound it hit and how to give more. The heap is
   * bounded by the launcher's jvm.options so that a large estate fails clearly instead of taking the machine's memory.
   */
  static int outOfMemory(OutOfMemoryError e, PrintStream err) {
    String what = e.getMessage() == null ? "Java heap space" : e.getMessage();
    String hint;
    if (what.contains("Metaspace")) {
      hint = "give the JVM more metaspace, e.g. MIGRATE_JAVA_OPTS=-XX:MaxMetaspaceSize=1g ./migrate ...";
    } else if (what.contains("native thread")) {
      hint = "the system refused another thread: raise the user's process limit (ulimit -u) or run fewer programs at "
          + "once";
    } else {
      long maxMib = Runtime.getRuntime().maxMemory() >> 20;
      // Twice the bound, in whole GiB: one step that is likely enough, and easy to type.
      long suggestGib = Math.max(2, (2 * maxMib + 1023) / 1024);
      hint = "the heap is limited to " + maxMib + " MiB; give the JVM more, e.g. MIGRATE_JAVA_OPTS=-Xmx" + suggestGib
          + "g ./migrate ... (java -Xmx" + suggestGib + "g -jar migrate.jar ... when running the jar directly)";
    }
    err.println("migrate: out of memory (" + what + "): " + hint);
    return ExitCode.OUT_OF_MEMORY;
  }

  /** "; did you mean 'assess'?" for a misspelled subcommand or option, else empty. */
  private static String suggestion(CommandLine.ParameterException ex) {
    if (!(ex instanceof CommandLine.UnmatchedArgumentException u)) {
      return "";
    }
    List<String> s = u.getSuggestions();
    if (s == null || s.isEmpty()) {
      return "";
    }
    // picocli lists the closest first; the others are often far off ('rules' for 'asess').
    return "; did you mean '" + Terminal.safe(s.get(0)) + "'?";
  }

  /** picocli's message, but "unknown command 'x'" for a word where a subcommand was expected. */
  private static String message(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.isUnknownOption()
        && !ex.getCommandLine().getSubcommands().isEmpty() && !u.getUnmatched().isEmpty()) {
      return "unknown command '" + u.getUnmatched().get(0) + "'";
    }
    return ex.getMessage();
  }

  /**
   * The one way a run stops on a problem the user can fix: a {@link Failure}, one line on stderr,
   * its kind as the exit code. A usage error that picocli finds while parsing (an unknown option,
   * a word outside a choice) is also one line, with a hint to --help, and exit code 2.
   */
  private static int handle(Exception ex, PrintStream err) {
    // A worker thread's OutOfMemoryError may reach here wrapped (a CompletionException of a parallel stage).
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError oom) {
        return outOfMemory(oom, err);
      }
    }
    if (ex instanceof Failure f) {
      err.println("migrate: " + Terminal.safeLines(f.getMessage()));
      return switch (f.kind()) {
        case USAGE -> ExitCode.USAGE;
        case INVALID_INPUT -> ExitCode.INVALID_INPUT;
        case REMOTE -> ExitCode.REMOTE_FAILURE;
        case OUTPUT -> ExitCode.OUTPUT_FAILURE;
        case FINDINGS -> ExitCode.FINDINGS;
      };
    }
    err.println("migrate: internal error: " + Terminal.safeLines(String.valueOf(ex)));
    if (System.getenv("MIGRATE_DEBUG") != null) {
      ex.printStackTrace(err);
    } else {
      err.println("This is a bug in migrate; run again with MIGRATE_DEBUG=1 for the stack trace and report it.");
    }
    return ExitCode.INTERNAL_ERROR;
  }
}
