package dev.migrate.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Analyses log sources: one file per task on up to {@code threads} threads, each file into its
 * own accumulators, merged in the sources' order so the result does not depend on the number of
 * threads or on timing. At most {@code 2 x threads} finished files wait to be merged, so memory
 * stays bounded however many files there are.
 */
public final class LogAnalyzer {
  /** Files a folder walk picks up: gzip or .log files, and CloudFront's extension-less names. */
  private static final Pattern LOG_FILE = Pattern.compile(
      ".*\\.(gz|log)|[A-Z0-9]{6,}\\.\\d{4}-\\d{2}-\\d{2}-\\d{2}\\.[^.]+");

  /**
   * @param threads       worker threads (one file each); at least 1
   * @param topN          paths kept in each top list of the summary
   * @param topCapacity   Space-Saving counters per table; the error bound is requests / capacity
   */
  public record Options(int threads, int topN, int topCapacity) {
    public Options {
      if (threads < 1 || topN < 1 || topCapacity < topN) {
        throw new IllegalArgumentException("threads >= 1, topN >= 1 and topCapacity >= topN");
      }
    }

    /** All cores, top 10 paths, 1,000 counters per table. */
    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), 10, 1000);
    }
  }

  private final EdgeLocations edges;

  public LogAnalyzer() {
    this(EdgeLocations.standard());
  }

  LogAnalyzer(EdgeLocations edges) {
    this.edges = edges;
  }

  /**
   * Local sources: files as given, folders walked recursively for {@code *.gz}, {@code *.log}
   * and CloudFront log names (hidden files skipped), sorted by path.
   *
   * @throws NoSuchFileException for a path that does not exist
   */
  public static List<LogSource> localSources(List<Path> paths) throws IOException {
    return LogSource.local(paths, name -> LOG_FILE.matcher(name).matches());
  }

  /** Analyses the sources; a file that cannot be read is reported and the others go on. */
  public LogReport analyze(List<LogSource> sources, Options options, Consumer<String> progress) {
    List<LogSource> ordered = new ArrayList<>(sources);
    ordered.sort(Comparator.comparing(LogSource::name));
    Totals totals = new Totals();
    int threads = Math.max(1, Math.min(options.threads(), ordered.size()));
    if (threads == 1) {
      for (LogSource s : ordered) {
        totals.add(parse(s, options), progress);
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "migrate-logs");
        t.setDaemon(true);
        return t;
      });
      try {
        ArrayDeque<Future<Parsed>> window = new ArrayDeque<>();
        for (LogSource s : ordered) {
          if (window.size() >= threads * 2) {
            totals.add(join(window.poll()), progress);
          }
          window.add(pool.submit(() -> parse(s, options)));
        }
        while (!window.isEmpty()) {
          totals.add(join(window.poll()), progress);
        }
      } finally {
        pool.shutdownNow();
      }
    }
    List<LogSummary> summaries = new ArrayList<>();
    for (ResourceAccumulator acc : totals.resources.values()) {
      summaries.add(acc.toSummary(edges, options.topN()));
    }
    return new LogReport(summaries, totals.files, totals.bytes, totals.lines, totals.badLines,
        totals.samples, totals.problems);
  }

  private static Parsed join(Future<Parsed> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while analysing logs", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  /** Why a file could not be read, in words: the exception's message, never its class name. */
  private static String why(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e instanceof IOException ? "read error" : "unexpected error (" + e.getClass().getSimpleName() + ")";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** One file's result. */
  private record Parsed(FileParser parser, LogReport.FileProblem problem) {}

  private Parsed parse(LogSource source, Options options) {
    FileParser parser = new FileParser(source.name(), edges, options.topCapacity());
    LogReport.FileProblem problem = null;
    try (InputStream in = Decompression.open(source.open())) {
      parser.parse(in);
    } catch (java.io.EOFException e) {
      problem = new LogReport.FileProblem(source.name(),
          "truncated: the compressed data ends early (" + e.getMessage() + ")", parser.lines);
    } catch (java.util.zip.ZipException e) {
      problem = new LogReport.FileProblem(source.name(), "corrupt gzip data (" + e.getMessage() + ")", parser.lines);
    } catch (IOException | RuntimeException e) {
      problem = new LogReport.FileProblem(source.name(), "unreadable: " + why(e), parser.lines);
    }
    return new Parsed(parser, problem);
  }

  private static final class Totals {
    final TreeMap<String, ResourceAccumulator> resources = new TreeMap<>();
    long files;
    long bytes;
    long lines;
    long badLines;
    final List<LogReport.BadLine> samples = new ArrayList<>();
    final List<LogReport.FileProblem> problems = new ArrayList<>();

    void add(Parsed p, Consumer<String> progress) {
      FileParser f = p.parser();
      files++;
      bytes += f.bytes;
      lines += f.lines;
      badLines += f.badLines;
      for (LogReport.BadLine b : f.samples) {
        if (samples.size() < FileParser.MAX_SAMPLES) {
          samples.add(b);
        }
      }
      if (p.problem() != null) {
        problems.add(p.problem());
        progress.accept(p.problem().file() + ": " + p.problem().problem()
            + " (" + p.problem().linesRead() + " lines read before; the other files go on)");
      }
      for (Map.Entry<String, ResourceAccumulator> e : f.resources.entrySet()) {
        ResourceAccumulator mine = resources.get(e.getKey());
        if (mine == null) {
          resources.put(e.getKey(), e.getValue());
        } else {
          mine.merge(e.getValue());
        }
      }
    }
  }
}
