package dev.migrate.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Files that belong together (a workbook, its JSON and its CSV), written all or nothing: each
 * file goes to a temporary sibling first, and only when every one is complete are they renamed
 * into place. A run that fails part-way leaves the previous set as it was, never a new workbook
 * beside a stale CSV.
 *
 * <p>An existing file of the set is never replaced silently: it may have been edited by hand
 * (a workbook annotated after the last run). It is kept beside the new one with a numbered
 * suffix before the extension, {@code name~1.xlsx}, {@code name~2.xlsx}, ... (the next free
 * number, as GNU {@code cp --backup=numbered} does), and each one kept is reported.
 */
public final class OutputSet implements AutoCloseable {
  private final Map<Path, Path> temps = new LinkedHashMap<>();

  /** Writes {@code target}'s content to a temporary sibling; nothing is visible until {@link #commit}. */
  public void add(Path target, AtomicFiles.Writer writer) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
    temps.put(target, temp);
    if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
    }
    try (OutputStream out = Files.newOutputStream(temp)) {
      writer.writeTo(out);
    }
  }

  /**
   * Keeps each existing target under a numbered name, then renames every temporary file into
   * place. {@code kept} hears "old -> kept-as" for each file kept.
   */
  public List<Path> commit(Consumer<String> kept) throws IOException {
    List<Path> done = new ArrayList<>();
    for (Path target : temps.keySet()) {
      if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Path backup = backupName(target);
        Files.move(target, backup);
        kept.accept(target + " existed; kept as " + backup.getFileName());
      }
    }
    for (var e : temps.entrySet()) {
      try {
        Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException x) {
        Files.move(e.getValue(), e.getKey());
      }
      done.add(e.getKey());
    }
    temps.clear();
    return done;
  }

  /** {@code dir/name~N.ext} with the first N that is free. */
  static Path backupName(Path target) {
    target = target.toAbsolutePath();
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (name.endsWith(".gz") && dot > 0 && name.lastIndexOf('.', dot - 1) > 0) {
      dot = name.lastIndexOf('.', dot - 1); // name~1.csv.gz, not name.csv~1.gz
    }
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    for (int n = 1; ; n++) {
      Path p = target.resolveSibling(stem + "~" + n + ext);
      if (!Files.exists(p)) {
        return p;
      }
    }
  }

  /** Deletes the temporary files of a set that was not committed. */
  @Override
  public void close() {
    for (Path temp : temps.values()) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // a temporary file left behind is hidden (dot name) and harmless
      }
    }
    temps.clear();
  }
}
