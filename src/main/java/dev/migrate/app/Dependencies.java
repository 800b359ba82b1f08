package dev.migrate.app;

import dev.migrate.deps.DependencyExport;
import dev.migrate.deps.DependencyGraph;
import dev.migrate.deps.DependencyOptions;
import dev.migrate.deps.DependencyText;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** {@code migrate deps}: the measured dependency graph of a snapshot, as text, DOT or JSON. */
public final class Dependencies {
  private Dependencies() {}

  /**
   * @param snapshot       snapshot file, or null with {@code sample}
   * @param sample         the bundled sample estate
   * @param format         text, dot or json
   * @param out            file to write (atomically), or null for stdout
   * @param groupMinShare  see {@link DependencyOptions#groupMinShare()}, or null for the default
   * @param groupMinBytes  see {@link DependencyOptions#groupMinBytes()}, or null for the default
   * @param onPremises     CIDR blocks reached over VPN or Direct Connect
   * @param appTagKey      application tag key, or null for the default
   * @param top            rows of the text's talker and pair lists
   */
  public record Request(Path snapshot, boolean sample, Choices.DepsFormat format, Path out, Double groupMinShare,
      Long groupMinBytes, List<String> onPremises, String appTagKey, int top) {}

  /**
   * Builds the graph and renders it.
   *
   * @return what goes to stdout: the rendering, or the written file's path when {@code out} is set
   * @throws Failure USAGE for options out of range, INVALID_INPUT for an unreadable snapshot, OUTPUT when the file
   *                 cannot be written
   */
  public static String run(Request r, Consumer<String> warnings) {
    DependencyOptions o = options(r);
    Snapshot s = r.sample() ? Assessing.bundledSample() : Planning.readSnapshot(r.snapshot(), warnings);
    Topology t = Topology.of(s);
    DependencyGraph g = DependencyGraph.of(t.snapshot(), t, o);
    String text = switch (r.format()) {
      case TEXT -> DependencyText.render(g, o, r.top());
      case DOT -> DependencyExport.dot(g);
      case JSON -> DependencyExport.json(g);
    };
    if (r.out() == null) {
      return text;
    }
    try {
      AtomicFiles.writeString(r.out(), text);
    } catch (IOException e) {
      throw new Failure(Failure.Kind.OUTPUT, r.out() + ": cannot write: " + e.getMessage(), e);
    }
    return r.out() + "\n";
  }

  private static DependencyOptions options(Request r) {
    DependencyOptions d = DependencyOptions.DEFAULTS;
    try {
      return new DependencyOptions(r.groupMinShare() == null ? d.groupMinShare() : r.groupMinShare(),
          r.groupMinBytes() == null ? d.groupMinBytes() : r.groupMinBytes(),
          r.onPremises() == null ? List.of() : r.onPremises(),
          r.appTagKey() == null ? d.appTagKey() : r.appTagKey());
    } catch (IllegalArgumentException e) {
      throw new Failure(Failure.Kind.USAGE, e.getMessage());
    }
  }
}
