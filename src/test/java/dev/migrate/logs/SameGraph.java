package dev.migrate.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The dependency graph {@code migrate deps --format json} draws from two snapshots whose flow logs came from two
 * sources is the same (all but the name of the source), through the public entry points.
 */
final class SameGraph {
  private SameGraph() {}

  /** A copy of the sample estate's snapshot (its interfaces turn the flows' addresses into resources). */
  static Path sampleSnapshot(Path dir, String name) throws Exception {
    Path p = dir.resolve(name);
    Files.copy(Path.of("sample-data/tableapp/snapshot.json"), p);
    return p;
  }

  static JsonNode graph(Path snapshot) throws Exception {
    Path out = snapshot.resolveSibling(snapshot.getFileName() + ".deps.json");
    Cli.Run r = Cli.run("deps", "--snapshot", snapshot.toString(), "--format", "json", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode g = new ObjectMapper().readTree(out.toFile());
    assertTrue(g.get("measured").asBoolean(), "the graph is measured from flow logs");
    return g;
  }

  static void assertSame(Path fromFiles, Path fromOtherSource, String otherSource) throws Exception {
    JsonNode a = graph(fromFiles);
    JsonNode b = graph(fromOtherSource);
    assertEquals(otherSource, b.get("source").asText());
    ((ObjectNode) a).remove("source");
    ((ObjectNode) b).remove("source");
    assertTrue(a.toString().length() > 500, "a graph with pairs: " + a);
    assertEquals(a, b);
  }
}
