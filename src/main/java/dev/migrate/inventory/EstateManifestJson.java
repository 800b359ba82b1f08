package dev.migrate.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes the estate manifest ({@value EstateManifest#FILE_NAME}, format
 * {@value EstateManifest#SCHEMA_V1}). Reading is as strict as for snapshots: an unknown schema, an
 * unknown field, a missing required field or a contradiction (a collected account without a snapshot
 * file, an id listed twice) is a {@link SnapshotFormatException} naming the file, line:column and JSON path.
 */
public final class EstateManifestJson {
  private static final ObjectMapper MAPPER = SnapshotJson.mapper();

  private EstateManifestJson() {}

  public static EstateManifest read(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new SnapshotFormatException(name + (Files.isDirectory(file) ? ": is a folder, expected an estate manifest"
          : ": no such file"));
    }
    try {
      return MAPPER.readValue(file.toFile(), EstateManifest.class);
    } catch (JsonProcessingException e) {
      throw new SnapshotFormatException(SnapshotJson.describe(name, e));
    } catch (IOException e) {
      throw new SnapshotFormatException(name + ": cannot read: " + e.getMessage());
    }
  }

  /** Writes the manifest atomically (a reader sees the old one or the new one, never half of one). */
  public static void write(EstateManifest manifest, Path file) throws IOException {
    dev.migrate.io.AtomicFiles.writeString(file, toJson(manifest));
  }

  public static String toJson(EstateManifest manifest) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("estate manifest cannot be serialised", e);
    }
  }
}
