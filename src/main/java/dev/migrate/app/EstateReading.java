package dev.migrate.app;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.EstateManifest;
import dev.migrate.inventory.EstateManifestJson;
import dev.migrate.inventory.Estates;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads what {@code --snapshot} names (snapshot files, folders of them, or both) into one snapshot: one account as
 * it is, several accounts merged into an estate ({@link Estates}), or one account of them ({@code --account}). A
 * folder with a manifest ({@code estate.json}, written by {@code collect --organization}) is read as the manifest
 * says: its collected accounts' snapshots, with their names, and its failed accounts as gaps; a folder without one
 * is every {@code *.json} snapshot in it.
 *
 * <p>The account files are read on a few threads at once (no more than the cores, and fewer when the heap has little
 * room left; see {@link #threads}), and what they give is taken in the order the files are named, as one thread
 * would have read them: the warnings of each file in file order, the first problem in that order is the one
 * reported (with the warnings of the files before it), and the merge sees the accounts in the same order.
 */
final class EstateReading {
  private EstateReading() {}

  /**
   * Transient heap one read takes beyond the snapshot it keeps, per byte of its file: the parser's buffers, the
   * records under construction and the strings and numbers not yet collected. About 2 measured on the benchmark's
   * 9.5 MB account files; 4 leaves room for files whose figures take more to bind.
   */
  private static final long TRANSIENT_BYTES_PER_FILE_BYTE = 4;

  /**
   * Reads the snapshots.
   *
   * @param paths     snapshot files and folders, as given
   * @param account   the one account to assess, or null for all of them
   * @param warnings  where the snapshots' warnings go, one line each
   */
  static Snapshot read(List<Path> paths, String account, Consumer<String> warnings) {
    List<Step> steps = new ArrayList<>();
    List<Estates.FailedAccount> failed = new ArrayList<>();
    String management = null;
    for (Path p : paths) {
      Path manifest = p.resolve(EstateManifest.FILE_NAME);
      if (Files.isDirectory(p) && Files.isRegularFile(manifest)) {
        String m = manifest(p, manifest, steps, failed);
        management = management == null ? m : management;
      } else if (Files.isDirectory(p)) {
        folder(p, steps);
      } else {
        steps.add(Step.read(p));
      }
    }
    List<Estates.Part> parts = readAll(steps, warnings);
    if (account != null) {
      return one(parts, failed, account);
    }
    try {
      return Estates.merge(parts, failed, management == null ? null : new Account(management, null));
    } catch (SnapshotFormatException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, e.getMessage(), e);
    }
  }

  /**
   * One thing to do, in the order the paths name them: read a snapshot file (for a manifest, with the account it
   * must hold), or stop with a problem found while listing what to read (reported where one thread reading the
   * files one after the other would have come to it).
   *
   * @param file      the snapshot file, or null for a problem
   * @param name      the account's name from a manifest, or null
   * @param expected  the account id a manifest lists the file with, or null
   * @param manifest  the manifest that lists the file, or null
   * @param listedAs  the file as the manifest names it, or null
   * @param problem   the problem, or null for a read
   */
  private record Step(Path file, String name, String expected, Path manifest, String listedAs, Failure problem) {
    static Step read(Path file) {
      return new Step(file, null, null, null, null, null);
    }

    static Step stop(Failure problem) {
      return new Step(null, null, null, null, null, problem);
    }
  }

  /** What one read gave: the snapshot and its warnings, or the problem that stopped it. */
  private record Read(Snapshot snapshot, List<String> warnings, RuntimeException problem) {}

  /**
   * The manifest's accounts: a read of each collected one's snapshot, its failed ones as gaps (skipped accounts
   * were left out on purpose). Returns the management account's id, or null.
   */
  private static String manifest(Path dir, Path file, List<Step> steps, List<Estates.FailedAccount> failed) {
    EstateManifest m;
    try {
      m = EstateManifestJson.read(file);
    } catch (SnapshotFormatException e) {
      steps.add(Step.stop(new Failure(Failure.Kind.INVALID_INPUT, e.getMessage(), e)));
      return null;
    }
    for (EstateManifest.AccountEntry a : m.collected()) {
      Path f = dir.resolve(a.snapshot());
      if (!Files.isRegularFile(f)) {
        steps.add(Step.stop(new Failure(Failure.Kind.INVALID_INPUT, file + ": account " + a.id() + " is listed as "
            + "collected into " + a.snapshot() + ", which is not in " + dir + "; collect it again ('migrate collect "
            + "--organization --resume --out " + dir + "')")));
        return null;
      }
      steps.add(new Step(f, a.name(), a.id(), file, a.snapshot(), null));
    }
    for (EstateManifest.AccountEntry a : m.failed()) {
      failed.add(new Estates.FailedAccount(a.id(), a.name(), a.errorCode(), a.message()));
    }
    return m.managementAccountId();
  }

  /** Every {@code *.json} snapshot of a folder without a manifest, in file name order. */
  private static void folder(Path dir, List<Step> steps) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted()
          .toList();
    } catch (IOException e) {
      steps.add(Step.stop(new Failure(Failure.Kind.INVALID_INPUT, dir + ": cannot list the folder: " + e.getMessage(),
          e)));
      return;
    }
    if (files.isEmpty()) {
      steps.add(Step.stop(new Failure(Failure.Kind.INVALID_INPUT, dir + ": no snapshot (*.json) in this folder; give "
          + "the folder 'migrate collect' wrote, or snapshot files")));
      return;
    }
    for (Path f : files) {
      steps.add(Step.read(f));
    }
  }

  /**
   * Reads the steps' files on a few threads and takes what they give in step order. Reading stops at the first
   * problem in that order (the reads still running are cancelled).
   */
  private static List<Estates.Part> readAll(List<Step> steps, Consumer<String> warnings) {
    // Reads up to the first problem: nothing after it is reported.
    int end = 0;
    while (end < steps.size() && steps.get(end).problem() == null) {
      end++;
    }
    List<Step> reads = steps.subList(0, end);
    int threads = threads(reads);
    List<Estates.Part> parts = new ArrayList<>();
    if (threads <= 1) {
      for (Step s : reads) {
        parts.add(take(s, read(s.file()), warnings));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, daemons());
      try {
        List<Future<Read>> futures = new ArrayList<>();
        for (Step s : reads) {
          futures.add(pool.submit(() -> read(s.file())));
        }
        for (int i = 0; i < reads.size(); i++) {
          parts.add(take(reads.get(i), result(futures.get(i)), warnings));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    if (end < steps.size()) {
      throw steps.get(end).problem();
    }
    return parts;
  }

  /** One file read, its warnings kept (passed on in file order by {@link #take}), its problem kept too. */
  private static Read read(Path file) {
    List<String> lines = new ArrayList<>();
    try {
      return new Read(Planning.readSnapshot(file, lines::add), lines, null);
    } catch (RuntimeException e) {
      return new Read(null, lines, e);
    }
  }

  private static Read result(Future<Read> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while reading the snapshots");
    } catch (ExecutionException e) {
      // read() keeps every RuntimeException; what is left is an Error (out of memory, ...), thrown as it is.
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Passes a read's warnings on, then its problem, or the part it gives. */
  private static Estates.Part take(Step s, Read r, Consumer<String> warnings) {
    r.warnings().forEach(warnings);
    if (r.problem() != null) {
      throw r.problem();
    }
    if (s.expected() != null && !r.snapshot().account().id().equals(s.expected())) {
      throw new Failure(Failure.Kind.INVALID_INPUT, s.manifest() + ": account " + s.expected() + " is listed with "
          + s.listedAs() + ", which holds account " + r.snapshot().account().id());
    }
    return new Estates.Part(s.file().toString(), r.snapshot(), s.name());
  }

  /**
   * Threads for the reads: one per core, no more than there are files, and no more than the heap has room for while
   * the snapshots read so far are kept (each read needs about {@link #TRANSIENT_BYTES_PER_FILE_BYTE} times its file
   * while it runs).
   */
  static int threads(List<Step> reads) {
    long largest = 1;
    for (Step s : reads) {
      try {
        largest = Math.max(largest, Files.size(s.file()));
      } catch (IOException e) {
        // the read reports it
      }
    }
    Runtime rt = Runtime.getRuntime();
    long room = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    long byMemory = Math.max(1, room / (largest * TRANSIENT_BYTES_PER_FILE_BYTE));
    return (int) Math.min(Math.min(rt.availableProcessors(), reads.size()), byMemory);
  }

  private static java.util.concurrent.ThreadFactory daemons() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "snapshot-reader-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The one account {@code --account} names. */
  private static Snapshot one(List<Estates.Part> parts, List<Estates.FailedAccount> failed, String account) {
    for (Estates.Part p : parts) {
      if (p.snapshot().account().id().equals(account)) {
        return p.snapshot();
      }
    }
    for (Estates.FailedAccount f : failed) {
      if (f.accountId().equals(account)) {
        throw new Failure(Failure.Kind.INVALID_INPUT, "--account " + account + ": this account was not collected ("
            + f.errorCode() + (f.message() == null ? "" : ": " + f.message()) + ")");
      }
    }
    TreeSet<String> ids = new TreeSet<>();
    parts.forEach(p -> ids.add(p.snapshot().account().id()));
    throw new Failure(Failure.Kind.USAGE, "--account " + account + ": no such account in the estate; its accounts are "
        + String.join(", ", ids));
  }
}
