package dev.migrate.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Somewhere a log file's bytes come from: a local file or an S3 object. */
public interface LogSource {
  /** Name used in messages and to recognise CloudFront file names ({@code s3://...} or a path). */
  String name();

  /** Opens the raw (possibly gzip-compressed) bytes. */
  InputStream open() throws IOException;

  /** A local file. */
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
