package dev.migrate.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Somewhere a log file's bytes come from: a local file or an S3 object. */
public interface LogSource {
  /** Name used in messages and to recognise CloudFront file names ({@code s3://...} or a path). */
  String name();

  /** Opens the raw (possibly gzip-compressed) bytes. */
  InputStream open() throws IOException;

  /** The size in bytes as listed (S3 objects), or -1 when not known beforehand. */
  default long size() {
    return -1;
  }

  /** A local file. */
  /**
   * Local sources: files as given, folders walked recursively for the file names {@code wanted} accepts (hidden
   * files skipped), sorted by path.
   *
   * @throws NoSuchFileException for a path that does not exist
   */
  static List<LogSource> local(List<Path> paths, Predicate<String> wanted) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .filter(f -> wanted.test(f.getFileName().toString()))
              .sorted()
              .forEach(files::add);
        }
      } else if (Files.exists(p)) {
        files.add(p);
      } else {
        throw new NoSuchFileException(p.toString());
      }
    }
    return files.stream().map(LogSource::of).toList();
  }

  static LogSource of(Path file) {
    return new LogSource() {
      @Override
      public String name() {
        return file.toString();
      }

      @Override
      public InputStream open() throws IOException {
        return Files.newInputStream(file);
      }
    };
  }
}
