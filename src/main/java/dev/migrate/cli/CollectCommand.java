package dev.migrate.cli;

import dev.migrate.app.Collection;
import dev.migrate.app.LogAnalysis;
import dev.migrate.app.Planning;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code migrate collect}: scan an AWS account read-only into a snapshot file. */
@Command(name = "collect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Scan an AWS account read-only (inventory, CloudWatch usage, Cost Explorer bill) into a snapshot file.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:snapshot written", "1:gaps with --strict (the snapshot is still written)",
        "2:wrong options or no credentials", "5:the snapshot could not be written"})
public final class CollectCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  AwsOptions aws;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Snapshot file (default: reports/snapshot-<account>-<date>.json).")
  Path out;

  @ParentCommand
  MigrateCommand parent;

  @Override
  public Integer call() {
    PrintStream err = stderr(spec);
    Path written;
    try {
      written = new Collection(parent.clock()).collectToFile(aws.toRequest(out), err);
    } finally {
      err.flush();
    }
    spec.commandLine().getOut().println(written);
    // Access logs and detailed monitoring are the first thing a migration needs: say what is off.
    String logging = LogAnalysis.checkSummary(Planning.readSnapshot(written), written);
    if (logging != null) {
      err.println(logging);
    }
    return ExitCode.OK;
  }

  /** The command's error writer as a PrintStream (the facade's progress stream), flushed on every write. */
  static PrintStream stderr(CommandSpec spec) {
    PrintWriter w = spec.commandLine().getErr();
    return new PrintStream(new ByteArrayOutputStream() {
      @Override
      public synchronized void flush() {
        w.write(toString(StandardCharsets.UTF_8));
        w.flush();
        reset();
      }
    }, true, StandardCharsets.UTF_8);
  }
}
