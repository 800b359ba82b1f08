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
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads what {@code --snapshot} names (snapshot files, folders of them, or both) into one snapshot: one account as
 * it is, several accounts merged into an estate ({@link Estates}), or one account of them ({@code --account}). A
 * folder with a manifest ({@code estate.json}, written by {@code collect --organization}) is read as the manifest
 * says: its collected accounts' snapshots, with their names, and its failed accounts as gaps; a folder without one
 * is every {@code *.json} snapshot in it.
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
    String management = null;
    for (Path p : paths) {
      Path manifest = p.resolve(EstateManifest.FILE_NAME);
      if (Files.isDirectory(p) && Files.isRegularFile(manifest)) {
        String m = manifest(p, manifest, parts, failed, warnings);
        management = management == null ? m : management;
      } else if (Files.isDirectory(p)) {
        folder(p, parts, warnings);
      } else {
        parts.add(new Estates.Part(p.toString(), Planning.readSnapshot(p, warnings), null));
      }
    }
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
   * The accounts a manifest lists: the snapshots of the collected ones, the failed ones as gaps (skipped accounts
   * were left out on purpose). Returns the management account's id, or null.
   */
  private static String manifest(Path dir, Path file, List<Estates.Part> parts, List<Estates.FailedAccount> failed,
      Consumer<String> warnings) {
    EstateManifest m;
    try {
      m = EstateManifestJson.read(file);
    } catch (SnapshotFormatException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, e.getMessage(), e);
    }
    for (EstateManifest.AccountEntry a : m.collected()) {
      Path f = dir.resolve(a.snapshot());
      if (!Files.isRegularFile(f)) {
        throw new Failure(Failure.Kind.INVALID_INPUT, file + ": account " + a.id() + " is listed as collected into "
            + a.snapshot() + ", which is not in " + dir + "; collect it again ('migrate collect --organization "
            + "--resume --out " + dir + "')");
      }
      Snapshot s = Planning.readSnapshot(f, warnings);
      if (!s.account().id().equals(a.id())) {
        throw new Failure(Failure.Kind.INVALID_INPUT, file + ": account " + a.id() + " is listed with " + a.snapshot()
            + ", which holds account " + s.account().id());
      }
      parts.add(new Estates.Part(f.toString(), s, a.name()));
    }
    for (EstateManifest.AccountEntry a : m.failed()) {
      failed.add(new Estates.FailedAccount(a.id(), a.name(), a.errorCode(), a.message()));
    }
    return m.managementAccountId();
  }

  /** Every {@code *.json} snapshot of a folder without a manifest, in file name order. */
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
