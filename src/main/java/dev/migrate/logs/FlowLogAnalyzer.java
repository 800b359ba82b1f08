package dev.migrate.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads VPC Flow Log files (plain or gzip, the default or a custom format, or Parquet; S3 objects through
 * {@link S3LogSources}) one file per task on up to {@code threads} threads, merged in the sources' order, into
 * address pairs ({@link dev.migrate.inventory.FlowLogs}). At most {@code 2 x threads} parsed files wait to be
 * merged, so memory stays bounded by the pairs, not the files.
 */
public final class FlowLogAnalyzer {
  /** Files a folder walk picks up: gzip, .log and .txt files as AWS delivers flow logs to S3 ({@code *.log.gz}). */
  static final Pattern FLOW_FILE = Pattern.compile(".*\\.(gz|log|txt)");

  private FlowLogAnalyzer() {}

  /** Flow-log text file names: {@code *.gz}, {@code *.log}, {@code *.txt}. */
  public static boolean isTextFile(String name) {
    return FLOW_FILE.matcher(name).matches();
  }

  /** Flow-log file names a folder or an s3:// prefix is searched for: text files and {@code *.parquet}. */
  public static boolean isFlowFile(String name) {
    return isTextFile(name) || name.endsWith(".parquet");
  }

  /**
   * Local sources: files as given, folders walked recursively for {@code *.gz}, {@code *.log}, {@code *.txt}
   * (hidden files skipped), sorted by path.
   *
   * @throws NoSuchFileException for a path that does not exist
   */
  public static List<LogSource> localSources(List<Path> paths) throws IOException {
    return LogSource.local(paths, FlowLogAnalyzer::isFlowFile);
  }

  /**
   * Where Parquet objects from S3 are put to be read (DuckDB reads Parquet from a file: its footer is at the end),
   * and how much free space must stay there after a download.
   *
   * @param dir           folder for the temporary files
   * @param reserveBytes  free bytes a download must leave in {@code dir}
   */
  public record Downloads(Path dir, long reserveBytes) {
    /** The JVM's temporary folder ({@code java.io.tmpdir}, e.g. from {@code TMPDIR}), leaving 256 MiB free. */
    public static Downloads standard() {
      return new Downloads(Path.of(System.getProperty("java.io.tmpdir")), 256L << 20);
    }
  }

  /**
   * Reads text sources.
   *
   * @param source   what {@link dev.migrate.inventory.FlowLogs#source()} says: {@code files} or {@code s3}
   * @param format   the field order of files without a header line (null: the default format)
   * @param threads  files parsed at once, at least 1
   */
  public static FlowLogReport analyze(List<LogSource> sources, String source, FlowLogFormat format, int threads,
      Consumer<String> progress) {
    return analyze(sources, source, format, threads, Downloads.standard(), progress);
  }

  /**
   * Reads text and Parquet sources. A Parquet object from S3 is downloaded to a temporary file in {@code downloads}
   * when its turn comes, read, and deleted before the next file is taken, so at most {@code threads} of them are
   * on disk at once; one that would leave less than the reserve free is a problem of that object, not of the run.
   *
   * @param threads  files parsed at once, at least 1
   */
  public static FlowLogReport analyze(List<LogSource> sources, String source, FlowLogFormat format, int threads,
      Downloads downloads, Consumer<String> progress) {
    FlowLogFormat f = format == null ? FlowLogFormat.defaults() : format;
    List<LogSource> ordered = new ArrayList<>(sources);
    ordered.sort(Comparator.comparing(LogSource::name));
    FlowLogTotals totals = new FlowLogTotals();
    int n = Math.max(1, Math.min(threads, ordered.size()));
    if (n == 1) {
      for (LogSource s : ordered) {
        add(totals, parse(s, f, downloads), progress);
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
        Thread t = new Thread(r, "migrate-flow-logs");
        t.setDaemon(true);
        return t;
      });
      try {
        ArrayDeque<Future<Parsed>> window = new ArrayDeque<>();
        for (LogSource s : ordered) {
          if (window.size() >= n * 2) {
            add(totals, join(window.poll()), progress);
          }
          window.add(pool.submit(() -> parse(s, f, downloads)));
        }
        while (!window.isEmpty()) {
          add(totals, join(window.poll()), progress);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return totals.report(source);
  }

  private record Parsed(FlowLogParser parser, LogReport.FileProblem problem) {}

  private static void add(FlowLogTotals totals, Parsed p, Consumer<String> progress) {
    totals.add(p.parser());
    if (p.problem() != null) {
      totals.problems.add(p.problem());
      progress.accept(p.problem().file() + ": " + p.problem().problem() + " (" + p.problem().linesRead()
          + " lines read before; the other files go on)");
    }
  }

  private static Parsed parse(LogSource source, FlowLogFormat format, Downloads downloads) {
    FlowLogParser parser = new FlowLogParser(source.name(), format);
    LogReport.FileProblem problem = null;
    if (source.name().endsWith(".parquet")) {
      boolean remote = source.name().startsWith("s3://");
      Path file = null;
      try {
        file = remote ? download(source, downloads) : Path.of(source.name());
        parquet(file, parser);
      } catch (DownloadFailed e) {
        problem = new LogReport.FileProblem(source.name(), e.getMessage(), 0);
      } catch (java.sql.SQLException | IllegalArgumentException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        problem = new LogReport.FileProblem(source.name(), "unreadable Parquet: " + (nl < 0 ? m : m.substring(0, nl)),
            parser.lines);
      } finally {
        if (remote && file != null) {
          try {
            Files.deleteIfExists(file);
          } catch (IOException e) {
            problem = problem != null ? problem : new LogReport.FileProblem(source.name(),
                "read, but its temporary copy " + file + " could not be deleted: " + e.getMessage(), parser.lines);
          }
        }
      }
      return new Parsed(parser, problem);
    }
    try (InputStream in = Decompression.open(source.open())) {
      parser.parse(in);
    } catch (java.io.EOFException e) {
      problem = new LogReport.FileProblem(source.name(),
          "truncated: the compressed data ends early (" + e.getMessage() + ")", parser.lines);
    } catch (java.util.zip.ZipException e) {
      problem = new LogReport.FileProblem(source.name(), "corrupt gzip data (" + e.getMessage() + ")", parser.lines);
    } catch (IllegalArgumentException e) {
      problem = new LogReport.FileProblem(source.name(), e.getMessage(), parser.lines);
    } catch (IOException | RuntimeException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      problem = new LogReport.FileProblem(source.name(), "unreadable: " + m, parser.lines);
    }
    return new Parsed(parser, problem);
  }

  /** An S3 object that could not be put on disk; the message says why and what to do. */
  private static final class DownloadFailed extends Exception {
    DownloadFailed(String message) {
      super(message);
    }
  }

  /**
   * Copies an S3 object to a new temporary file, refusing one that would leave less than the reserve free and
   * stopping at the listed size (an object that grows or a body that lies cannot fill the disk).
   */
  private static Path download(LogSource source, Downloads downloads) throws DownloadFailed {
    long size = source.size();
    Path dir = downloads.dir();
    try {
      long free = Files.getFileStore(dir).getUsableSpace();
      if (size < 0 || free - size < downloads.reserveBytes()) {
        throw new DownloadFailed(String.format(java.util.Locale.ROOT, "not downloaded: %s needs %,d bytes in %s,"
            + " which has %,d free of which %,d stay free (point TMPDIR at a larger disk)",
            size < 0 ? "an object of unknown size" : "it", Math.max(size, 0), dir, free, downloads.reserveBytes()));
      }
    } catch (IOException e) {
      throw new DownloadFailed("not downloaded: cannot tell the free space of " + dir + ": " + e.getMessage());
    }
    Path file;
    try {
      file = Files.createTempFile(dir, "migrate-flow-", ".parquet");
    } catch (IOException e) {
      throw new DownloadFailed("not downloaded: cannot create a temporary file in " + dir + ": " + e.getMessage());
    }
    long copied = 0;
    try (InputStream in = source.open(); java.io.OutputStream out = Files.newOutputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        if (copied + n > size) {
          throw new DownloadFailed(String.format(java.util.Locale.ROOT,
              "download stopped: the object is larger than the %,d bytes listed", size));
        }
        out.write(buf, 0, n);
        copied += n;
      }
      if (copied != size) {
        throw new DownloadFailed(String.format(java.util.Locale.ROOT,
            "download ended after %,d of the %,d bytes listed", copied, size));
      }
      return file;
    } catch (DownloadFailed e) {
      deleteQuietly(file);
      throw e;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(file);
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      int nl = m.indexOf('\n');
      throw new DownloadFailed("cannot download: " + (nl < 0 ? m : m.substring(0, nl)));
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // already failing; the message names the object, and the file is in the temporary folder
    }
  }

  /**
   * A Parquet file as AWS delivers flow logs ({@code --log-destination-type s3} with {@code FileFormat=parquet}):
   * one column per field, named with underscores ({@code account_id}, {@code pkt_srcaddr}), missing values as
   * nulls. Read through DuckDB, each row becomes a record line for the same parser as the text files, so every
   * form gives the same pairs and counts. Columns that are not flow-log fields (partition columns) are ignored.
   */
  private static void parquet(Path file, FlowLogParser parser) throws java.sql.SQLException {
    try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
      List<String> columns = new ArrayList<>();
      try (java.sql.PreparedStatement st = db.prepareStatement("SELECT * FROM read_parquet(?) LIMIT 0")) {
        st.setString(1, file.toString());
        try (java.sql.ResultSet rs = st.executeQuery()) {
          java.sql.ResultSetMetaData md = rs.getMetaData();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            if (FlowLogFormat.looksLikeHeader(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT))) {
              columns.add(md.getColumnName(i));
            }
          }
        }
      }
      parser.format(FlowLogFormat.parse(String.join(" ", columns)));
      StringBuilder select = new StringBuilder("SELECT ");
      for (int i = 0; i < columns.size(); i++) {
        select.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).replace("\"", "\"\"")).append('"');
      }
      select.append(" FROM read_parquet(?)");
      try (java.sql.PreparedStatement st = db.prepareStatement(select.toString())) {
        st.setString(1, file.toString());
        try (java.sql.ResultSet rs = st.executeQuery()) {
          StringBuilder line = new StringBuilder(160);
          int n = columns.size();
          while (rs.next()) {
            line.setLength(0);
            for (int i = 1; i <= n; i++) {
              String v = rs.getString(i);
              line.append(i == 1 ? "" : " ").append(v == null || v.isEmpty() ? "-" : v);
            }
            parser.line(line.toString());
          }
        }
      }
    }
  }

  private static Parsed join(Future<Parsed> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading flow logs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
