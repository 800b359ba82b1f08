package dev.migrate.cli;

import dev.migrate.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.migrate.testing.Cli.run;

import dev.migrate.testing.Cli.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** CLI manners every command keeps: --help, --version, usage errors as one line and exit 2. */
class CliTest {


  /** Every registered command path, e.g. [], [assess], [rules, validate]. */
  static Stream<List<String>> commandPaths() {
    var paths = new ArrayList<List<String>>();
    collect(new CommandLine(new MigrateCommand(System.out, System.err, java.time.Clock.systemUTC())), new ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(CommandLine cl, List<String> prefix, List<List<String>> paths) {
    paths.add(List.copyOf(prefix));
    cl.getSubcommands().forEach((name, sub) -> {
      if (!sub.getCommandName().equals(name)) {
        return; // an alias
      }
      var next = new ArrayList<>(prefix);
      next.add(name);
      collect(sub, next, paths);
    });
  }

  @ParameterizedTest
  @MethodSource("commandPaths")
  void everyCommandHasHelpOnStdout(List<String> path) {
    var args = new ArrayList<>(path);
    args.add("--help");
    Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Usage: migrate"), r.out());
    assertEquals("", r.err());
  }

  @ParameterizedTest
  @MethodSource("commandPaths")
  void everyCommandHasVersion(List<String> path) {
    var args = new ArrayList<>(path);
    args.add("--version");
    Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().matches("migrate \\d+\\.\\d+\\.\\d+\\R"), r.out());
  }

  @Test
  void anUnknownOptionIsAUsageErrorWithAHint() {
    Run r = run("--no-such-option");
    assertEquals(ExitCode.USAGE, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("migrate: Unknown option: '--no-such-option'"), r.err());
    assertTrue(r.err().contains("Try 'migrate --help'."), r.err());
  }

  @Test
  void noArgumentsPrintsUsageToStderrAndIsAUsageError() {
    Run r = run();
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("Usage: migrate") && r.err().contains("Commands:"), r.err());
  }

  @ParameterizedTest
  @MethodSource("badChoices")
  void aWordOutsideAChoiceIsAUsageErrorListingTheChoices(String option, String value, String choices) {
    Run r = run("assess", "--sample", option, value, "--out", "target/never-written");
    assertEquals(ExitCode.USAGE, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("migrate: Invalid value for option '" + option + "'"), r.err());
    assertTrue(r.err().contains("unknown choice '" + value.substring(value.indexOf(',') + 1) + "'; use " + choices + "\n"),
        r.err());
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> badChoices() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("--target-pricing", "cheap", "on-demand, spot, cud-1y or cud-3y"),
        org.junit.jupiter.params.provider.Arguments.of("--gke-mode", "pods", "as-planned, standard or autopilot"),
        org.junit.jupiter.params.provider.Arguments.of("--rightsizing", "smaller", "as-is or measured"),
        org.junit.jupiter.params.provider.Arguments.of("--format", "xlsx,pdf", "xlsx, json, csv, console or all"));
  }

  @Test
  void aCheckOnTheCombinationOfOptionsIsOneLineAndExit2() {
    Run r = run("assess", "--sample", "--rules-only");
    assertEquals(ExitCode.USAGE, r.code());
    assertEquals("migrate: --rules-only needs --rules DIR\n", r.err());
    Run explain = run("rules", "explain", "i-1", "--snapshot", "none.json", "--replace-rules");
    assertEquals(ExitCode.USAGE, explain.code());
    assertEquals("migrate: --rules-only needs --rules DIR\n", explain.err());
  }
}
