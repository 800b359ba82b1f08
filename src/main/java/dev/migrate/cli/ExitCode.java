package dev.migrate.cli;

/** Every exit code of {@code migrate}, in one place. */
public final class ExitCode {
  private ExitCode() {}

  /** Success. */
  public static final int OK = 0;
  /** The run finished but found something the user asked to fail on (e.g. gaps with --strict). */
  public static final int FINDINGS = 1;
  /** Wrong options or arguments. */
  public static final int USAGE = 2;
  /** An input file (snapshot, rules, scenario, price book, logs) is invalid. */
  public static final int INVALID_INPUT = 3;
  /** AWS (or another remote service) refused or failed in a way that stopped the run. */
  public static final int REMOTE_FAILURE = 4;
  /** An output could not be written. */
  public static final int OUTPUT_FAILURE = 5;
  /**
   * The JVM ran out of memory (heap, or metaspace, or native threads): not a bug in the input or the tool but a limit of
   * the JVM, which {@code MIGRATE_JAVA_OPTS} raises. 71 is sysexits' EX_OSERR, a system resource that ran out.
   */
  public static final int OUT_OF_MEMORY = 71;
  /** A bug: an unexpected exception. */
  public static final int INTERNAL_ERROR = 70;
}
