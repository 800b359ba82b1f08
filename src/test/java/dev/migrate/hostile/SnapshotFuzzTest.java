package dev.migrate.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotFormatException;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Snapshots;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the snapshot reader: a valid snapshot with random edits (cuts,
 * hostile tokens, control characters, duplicated pieces) either reads or is refused with one line
 * naming the file; never another exception, never a message with parser internals. The number of
 * tries is {@code jqwik.tries.default}: a few hundred in {@code mvn test}, many more with
 * {@code mvn -Pfuzz test}.
 */
class SnapshotFuzzTest {
  static final String VALID = SnapshotJson.toJson(Snapshots.small());
  static final List<String> TOKENS = List.of("NaN", "-Infinity", "1e999", "-1", "99999999999999999999", "0x10", "\"",
      "{", "}", "[", "]", ",", ":", "null", "true", "\"\u001b[2J\"", "\u0000", "\\u0000", "\\ud800", "//", "/*",
      "\"schema\": \"migrate.snapshot/v1\",", "\"id\": \"i-1\",", "1.5", "-50", "\ufeff", "\u202e");

  @Provide
  Arbitrary<Edits> edits() {
    return Edits.of(TOKENS);
  }

  @Property
  void anEditedSnapshotReadsOrIsRefusedInOneLine(@ForAll("edits") Edits edits) {
    readsOrIsRefusedCleanly(edits.applyTo(VALID).getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void randomBytesAreRefusedInOneLine(@ForAll byte[] bytes) {
    readsOrIsRefusedCleanly(bytes);
  }

  static void readsOrIsRefusedCleanly(byte[] bytes) {
    try {
      Snapshot s = SnapshotJson.read(new ByteArrayInputStream(bytes), "fuzz.json");
      assertTrue(s.schema().equals(Snapshot.SCHEMA_V1));
    } catch (SnapshotFormatException e) {
      String m = e.getMessage();
      assertTrue(m.startsWith("fuzz.json"), m);
      assertFalse(m.contains("\n") || m.contains("\r"), m);
      // The message may quote the input (a backtick included), never the parser's own settings.
      for (String internal : List.of("Feature.", "Constraints", "REDACTED", "Source:", "Exception", "CTRL-CHAR")) {
        assertFalse(m.contains(internal), () -> internal + " in: " + m);
      }
    }
  }
}
