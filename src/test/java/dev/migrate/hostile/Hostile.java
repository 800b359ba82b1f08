package dev.migrate.hostile;

import dev.migrate.testing.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** Runs {@code migrate} as a user would, on inputs that someone hostile or careless wrote. */
final class Hostile {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
  static final Path SAMPLE = Path.of("sample-data/tableapp/snapshot.json");
  static final ObjectMapper JSON = new ObjectMapper();

  private Hostile() {}

  /** Runs {@code migrate args} on the fixed clock. */
  static Cli.Run migrate(String... args) {
    return Cli.run(CLOCK, args);
  }

  /** The sample snapshot as a JSON tree, to be changed by a test. */
  static ObjectNode sample() {
    try {
      return (ObjectNode) JSON.readTree(SAMPLE.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample snapshot changed by {@code change}, written to {@code file}. */
  static Path sample(Path file, Consumer<ObjectNode> change) {
    ObjectNode root = sample();
    change.accept(root);
    return write(file, root);
  }

  static Path write(Path file, JsonNode root) {
    try {
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path file, String text) {
    try {
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first instance of the sample whose tags have a Name, to carry a hostile value. */
  static ObjectNode firstNamedInstance(ObjectNode root) {
    for (JsonNode i : root.get("instances")) {
      if (i.path("tags").has("Name")) {
        return (ObjectNode) i;
      }
    }
    throw new IllegalStateException("the sample has no named instance");
  }

  /** Whether a text holds a control character other than line ends (ESC, BEL, CR, ...). */
  static boolean hasControl(String s) {
    return s.chars().anyMatch(c -> c != '\n' && (c < 0x20 || c >= 0x7f && c <= 0x9f));
  }
}
