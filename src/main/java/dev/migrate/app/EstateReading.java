package dev.migrate.app;

import dev.migrate.inventory.Estates;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads what {@code --snapshot} names (snapshot files, folders of them, or both) into one snapshot: one account as
 * it is, several accounts merged into an estate ({@link Estates}), or one account of them ({@code --account}).
 */
final class EstateReading {
  private EstateReading() {}

  /**
   * Reads the snapshots.
   *
   * @param paths     snapshot files and folders, as given
   * @param account   the one account to assess, or null for all of them
   * @param warnings  where the snapshots' warnings go, one line each
   */
  static Snapshot read(List<Path> paths, String account, Consumer<String> warnings) {
    List<Estates.Part> parts = new ArrayList<>();
    List<Estates.FailedAccount> failed = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        folder(p, parts, warnings);
      } else {
        parts.add(new Estates.Part(p.toString(), Planning.readSnapshot(p, warnings), null));
      }
    }
    if (account != null) {
      return one(parts, failed, account);
    }
    try {
      return Estates.merge(parts, failed, null);
    } catch (SnapshotFormatException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, e.getMessage(), e);
    }
  }

  /** Every {@code *.json} snapshot of a folder, in file name order. */
  private static void folder(Path dir, List<Estates.Part> parts, Consumer<String> warnings) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted()
          .toList();
    } catch (IOException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, dir + ": cannot list the folder: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new Failure(Failure.Kind.INVALID_INPUT, dir + ": no snapshot (*.json) in this folder; give the folder "
          + "'migrate collect' wrote, or snapshot files");
    }
    for (Path f : files) {
      parts.add(new Estates.Part(f.toString(), Planning.readSnapshot(f, warnings), null));
    }
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
