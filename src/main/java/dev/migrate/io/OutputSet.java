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
    write(temp(target), writer);
  }

  /** One file of a set: where it goes and what writes it. */
  public record File(Path target, AtomicFiles.Writer writer) {}

  /** A file of {@link #addAll} that could not be written: which one, and the error. */
  public static final class FileFailure extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path target;

    FileFailure(Path target, IOException cause) {
      super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
      this.target = target;
    }

    public Path target() {
      return target;
    }
  }

  /**
   * {@link #add} for several files at once, each written on its own thread: the files of one assessment are
   * independent, and the workbook takes about as long as the JSON and the CSV together, so on two cores they are
   * written in about the time of the longest. Returns when every file is written; when one or more could not be, the
   * first of them in the order given is thrown as a {@link FileFailure} naming it (the others are still finished
   * first, so that no thread writes a temporary file that {@link #close} deletes).
   */
  public void addAll(List<File> files) throws IOException {
    if (files.isEmpty()) {
      return; // e.g. assess with only the console summary: no file, and no pool of zero threads
    }
    List<Path> tempFiles = new ArrayList<>();
    for (File f : files) {
      try {
        tempFiles.add(temp(f.target()));
      } catch (IOException e) {
        throw new FileFailure(f.target(), e);
      }
    }
    if (files.size() == 1) {
      try {
        write(tempFiles.get(0), files.get(0).writer());
      } catch (IOException e) {
        throw new FileFailure(files.get(0).target(), e);
      } catch (java.io.UncheckedIOException e) {
        throw new FileFailure(files.get(0).target(), e.getCause());
      }
      return;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(files.size(), r -> {
      Thread t = new Thread(r, "migrate-output");
      t.setDaemon(true);
      return t;
    });
    try {
      List<java.util.concurrent.Future<?>> running = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Path temp = tempFiles.get(i);
        AtomicFiles.Writer writer = files.get(i).writer();
        running.add(pool.submit(() -> {
          write(temp, writer);
          return null;
        }));
      }
      Throwable first = null;
      Path failed = null;
      for (int i = 0; i < running.size(); i++) {
        try {
          running.get(i).get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (first == null) {
            first = e.getCause();
            failed = files.get(i).target();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while writing " + files.get(i).target());
        }
      }
      if (first instanceof IOException io) {
        throw new FileFailure(failed, io);
      }
      if (first instanceof java.io.UncheckedIOException io) {
        throw new FileFailure(failed, io.getCause());
      }
      if (first instanceof RuntimeException r) {
        throw r;
      }
      if (first instanceof Error err) {
        throw err;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** A new temporary sibling of {@code target}, registered so that {@link #close} deletes it. */
  private Path temp(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
    temps.put(target, temp);
    if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
    }
    return temp;
  }

  /**
   * The content into {@code temp}, through a 64 KiB buffer: the writers produce many small writes (a JSON generator
   * flushes every 8,000 bytes, a CSV encoder every 8 KiB), and the file's stream sends each to the disk as it comes.
   */
  private static void write(Path temp, AtomicFiles.Writer writer) throws IOException {
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
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
