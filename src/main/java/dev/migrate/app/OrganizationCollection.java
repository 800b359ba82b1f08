package dev.migrate.app;

import dev.migrate.collect.CollectException;
import dev.migrate.collect.CollectOptions;
import dev.migrate.collect.CollectResult;
import dev.migrate.collect.OrganizationCollector;
import dev.migrate.collect.Progress;
import dev.migrate.inventory.EstateManifest;
import dev.migrate.inventory.EstateManifest.AccountEntry;
import dev.migrate.inventory.EstateManifestJson;
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotFormatException;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.io.Terminal;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Facade of {@code collect --organization}: one snapshot per account of an AWS Organization in a folder,
 * and the folder's manifest ({@value EstateManifest#FILE_NAME}), rewritten after every account so that an
 * interrupted run leaves a manifest that says what is missing and {@code --resume} can go on from it.
 */
public final class OrganizationCollection {
  /** IAM role names: letters, digits and +=,.@_- (a path before the name adds slashes); 64 characters at most. */
  private static final java.util.regex.Pattern ROLE = java.util.regex.Pattern.compile("([\\w+=,.@-]+/)*[\\w+=,.@-]{1,64}");
  /** STS external ids: 2 to 1,224 characters of letters, digits and +=,.@:/- (STS API reference). */
  private static final java.util.regex.Pattern EXTERNAL_ID = java.util.regex.Pattern.compile("[\\w+=,.@:/-]{2,1224}");

  private final Clock clock;

  public OrganizationCollection(Clock clock) {
    this.clock = clock;
  }

  /** The estate folder, the manifest as written, and the calls the run made. */
  public record Collected(Path folder, EstateManifest manifest, long apiCalls) {}

  /**
   * Collects the organization into {@code req.scan().out()}.
   *
   * @throws Failure USAGE for bad options, REMOTE when the organization cannot be listed or no account could be
   *                 collected, OUTPUT when the folder cannot be written, FINDINGS with --strict when an account
   *                 failed or a snapshot has gaps (everything is still written)
   */
  public Collected collect(OrganizationRequest req, PrintStream err) {
    CollectRequest scan = req.scan();
    Path dir = scan.out();
    if (dir == null) {
      throw new Failure(Failure.Kind.USAGE, "--organization needs --out DIR: the folder for one snapshot per account"
          + " and " + EstateManifest.FILE_NAME);
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new Failure(Failure.Kind.USAGE, "--out " + dir + ": is a file; with --organization it is a folder (one"
          + " snapshot per account and " + EstateManifest.FILE_NAME + ")");
    }
    Set<String> only = ids("--accounts", req.accounts());
    Set<String> exclude = ids("--exclude-accounts", req.excludeAccounts());
    if (!ROLE.matcher(req.roleName()).matches()) {
      throw new Failure(Failure.Kind.USAGE, "--role-name '" + Terminal.safe(req.roleName()) + "': not an IAM role name"
          + " (letters, digits and +=,.@_-, at most 64, optionally after a path such as team/)");
    }
    if (req.externalId() != null && !EXTERNAL_ID.matcher(req.externalId()).matches()) {
      throw new Failure(Failure.Kind.USAGE, "--external-id: 2 to 1224 characters of letters, digits and +=,.@:/-");
    }
    if (req.parallelAccounts() < 1) {
      throw new Failure(Failure.Kind.USAGE, "--parallel-accounts " + req.parallelAccounts() + ": must be at least 1");
    }
    Path manifestFile = dir.resolve(EstateManifest.FILE_NAME);
    EstateManifest previous = null;
    if (scan.resume()) {
      if (!Files.isRegularFile(manifestFile)) {
        throw new Failure(Failure.Kind.USAGE, "--resume: no " + manifestFile + " to resume from; run without --resume"
            + " first");
      }
      try {
        previous = EstateManifestJson.read(manifestFile);
      } catch (SnapshotFormatException e) {
        throw new Failure(Failure.Kind.INVALID_INPUT, e.getMessage() + " (fix or delete it, then run without --resume)", e);
      }
    }
    // The per-account scan options; the progress file and --resume of one account do not apply here.
    CollectOptions options = Collection.options(new CollectRequest(scan.profile(), scan.regions(), scan.days(),
        scan.endpointUrl(), scan.maxRps(), scan.parallelism(), scan.redactTags(), scan.strict(), null,
        scan.allowPartial(), false, scan.retryBackoff()));
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    String who = scan.profile() == null ? "" : "--aws-profile " + scan.profile() + ": ";
    try (OrganizationCollector collector = new OrganizationCollector(options, clock)) {
      OrganizationCollector.Organization org;
      try {
        org = collector.organization();
      } catch (CollectException e) {
        throw new Failure(e.remote() ? Failure.Kind.REMOTE : Failure.Kind.USAGE, who + e.getMessage(), e);
      }
      if (previous != null && previous.organizationId() != null && !previous.organizationId().equals(org.id())) {
        throw new Failure(Failure.Kind.USAGE, "--resume: " + manifestFile + " is of organization "
            + previous.organizationId() + ", the profile's is " + org.id() + "; choose another --out folder");
      }
      Set<String> known = new LinkedHashSet<>();
      org.accounts().forEach(m -> known.add(m.id()));
      for (String id : only) {
        if (!known.contains(id)) {
          throw new Failure(Failure.Kind.USAGE, "--accounts " + id + ": not an account of organization " + org.id()
              + " (it lists " + known.size() + " accounts)");
        }
      }
      Manifest manifest = new Manifest(manifestFile, org, started);
      List<OrganizationCollector.Member> todo = new ArrayList<>();
      int kept = 0;
      for (OrganizationCollector.Member m : org.accounts()) {
        AccountEntry before = previous == null ? null : previous.account(m.id());
        if (!m.active()) {
          manifest.put(AccountEntry.skipped(m.id(), m.name(), m.email(), "account state " + m.state() + " in AWS Organizations"));
        } else if (!only.isEmpty() && !only.contains(m.id())) {
          manifest.put(AccountEntry.skipped(m.id(), m.name(), m.email(), "not in --accounts"));
        } else if (exclude.contains(m.id())) {
          manifest.put(AccountEntry.skipped(m.id(), m.name(), m.email(), "excluded by --exclude-accounts"));
        } else if (before != null && before.status() == EstateManifest.Status.COLLECTED
            && Files.isRegularFile(dir.resolve(before.snapshot()))) {
          // The account keeps the bill it was collected with; a manifest of before accounts said it had one label.
          String bill = before.bill() != null ? before.bill()
              : EstateManifest.BILL_MIXED.equals(previous.billSource()) ? null : previous.billSource();
          manifest.put(AccountEntry.collected(m.id(), m.name(), m.email(), bill));
          kept++;
        } else {
          manifest.put(AccountEntry.failed(m.id(), m.name(), m.email(), "NotCollected",
              "the run stopped before this account was collected; run again with --resume"));
          todo.add(m);
        }
      }
      manifest.previousNote = previous == null ? null : previous.billNote();
      manifest.write();
      err.println(String.format(Locale.ROOT, "migrate: organization %s (management account %s): %d accounts, %d to collect%s",
          org.id(), org.managementAccountId(), org.accounts().size(), todo.size(),
          kept == 0 ? "" : ", " + kept + " already collected (--resume)"));
      Accounts listener = new Accounts(dir, manifest, scan, err);
      OrganizationCollector.Result result = collector.collect(org, todo, req.roleName(), req.externalId(),
          req.parallelAccounts(), listener);
      manifest.write();
      if (result.billNote() != null && !todo.isEmpty()) {
        err.println("migrate: bills from each account's own Cost Explorer: " + Terminal.safe(result.billNote()));
      }
      long calls = result.calls().totalCalls() + listener.calls.get();
      EstateManifest written = manifest.snapshot();
      err.println(String.format(Locale.ROOT, "migrate: organization %s: %d collected, %d failed, %d skipped; %d API calls"
              + " in %.1f s; bills %s", org.id(), written.collected().size(), written.failed().size(),
          written.accounts().size() - written.collected().size() - written.failed().size(), calls,
          (System.nanoTime() - t0) / 1e9, written.billSource() == null ? "none" : written.billSource()));
      if (!todo.isEmpty() && listener.collected.get() == 0) {
        AccountEntry first = written.failed().get(0);
        throw new Failure(Failure.Kind.REMOTE, "no account of organization " + org.id() + " could be collected (manifest "
            + manifestFile + "); first: " + first.id() + ": " + first.errorCode() + ": " + first.message());
      }
      if (scan.strict() && (!written.failed().isEmpty() || listener.gaps.get() > 0)) {
        throw new Failure(Failure.Kind.FINDINGS, written.failed().size() + " account(s) failed and "
            + listener.gaps.get() + " gap(s) in the snapshots of " + dir + "; --strict makes them fail the run");
      }
      return new Collected(dir, written, calls);
    } catch (CollectException e) {
      throw new Failure(e.remote() ? Failure.Kind.REMOTE : Failure.Kind.USAGE, who + e.getMessage(), e);
    }
  }

  /** The ids of an account option: each 12 digits, or a one-line usage error naming the option. */
  private static Set<String> ids(String option, List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      String id = v.strip();
      if (!EstateManifest.isAccountId(id)) {
        throw new Failure(Failure.Kind.USAGE, option + ": '" + Terminal.safe(dev.migrate.io.Echo.clip(v))
            + "' is not a 12-digit AWS account id such as 123456789012");
      }
      out.add(id);
    }
    return out;
  }

  /** The manifest as the run goes: one entry per account, written again after each account ends. */
  private static final class Manifest {
    private final Path file;
    private final OrganizationCollector.Organization org;
    private final Instant started;
    private final Map<String, AccountEntry> entries = new TreeMap<>();
    /** Why this run reads bills per account (null when it reads the consolidated bill). */
    private String runNote;
    /** The note of the manifest resumed from: it still holds for the accounts it collected per account. */
    String previousNote;
    /** True once this run collected an account per account. */
    private boolean collectedPerAccount;

    Manifest(Path file, OrganizationCollector.Organization org, Instant started) {
      this.file = file;
      this.org = org;
      this.started = started;
    }

    synchronized void put(AccountEntry e) {
      entries.put(e.id(), e);
    }

    synchronized EstateManifest snapshot() {
      List<AccountEntry> all = new ArrayList<>(entries.values());
      return EstateManifest.of(org.id(), org.managementAccountId(), started, all, note(all));
    }

    /** Why bills are per account, when any is: this run's reason for the accounts it read so, else the one before. */
    private String note(List<AccountEntry> all) {
      String source = EstateManifest.billSourceOf(all);
      if (source == null || source.equals(EstateManifest.BILL_CONSOLIDATED)) {
        return null;
      }
      return runNote != null && collectedPerAccount ? runNote : previousNote != null ? previousNote : runNote;
    }

    synchronized void runNote(String note) {
      runNote = note;
    }

    synchronized void collectedNow(AccountEntry e) {
      collectedPerAccount |= EstateManifest.BILL_PER_ACCOUNT.equals(e.bill());
      entries.put(e.id(), e);
    }

    synchronized void write() {
      try {
        EstateManifestJson.write(snapshot(), file);
      } catch (IOException e) {
        throw new Failure(Failure.Kind.OUTPUT, file + ": cannot write the estate manifest: " + e.getMessage()
            + " (check the folder is writable, or choose another --out)", e);
      }
    }
  }

  /** Writes each account's snapshot as it ends and records it in the manifest; prints one line per account. */
  private static final class Accounts implements OrganizationCollector.Listener {
    private final Path dir;
    private final Manifest manifest;
    private final CollectRequest scan;
    private final PrintStream err;
    final AtomicInteger collected = new AtomicInteger();
    final AtomicInteger gaps = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

    Accounts(Path dir, Manifest manifest, CollectRequest scan, PrintStream err) {
      this.dir = dir;
      this.manifest = manifest;
      this.scan = scan;
      this.err = err;
    }

    private static String label(OrganizationCollector.Member m) {
      return "account " + m.id() + (m.name() == null ? "" : " (" + Terminal.safe(m.name()) + ")");
    }

    @Override
    public Progress progress(OrganizationCollector.Member m) {
      String label = label(m);
      return new Progress() {
        @Override
        public void planned(int more) {}

        @Override
        public void done(String service, String region, int items) {}

        @Override
        public void gap(Gap g) {
          synchronized (err) {
            err.println("migrate: warning: " + label + ": " + g.service() + " " + g.region() + ": " + g.errorCode() + ": "
                + g.missing() + " not collected" + (g.message() == null ? "" : " (" + Terminal.safe(g.message()) + ")"));
          }
        }
      };
    }

    @Override
    public void collected(OrganizationCollector.Member m, CollectResult result, String bill) {
      calls.addAndGet(result.calls().totalCalls());
      Snapshot s = result.snapshot();
      if (!result.incomplete().isEmpty() && !scan.allowPartial()) {
        Gap g = result.incomplete().get(0);
        failed(m, "Incomplete", "could not read after retries: " + g.service() + " " + g.region() + " " + g.missing()
            + " (" + g.errorCode() + ")" + (result.incomplete().size() > 1 ? " and " + (result.incomplete().size() - 1)
            + " more" : "") + "; run again with --resume, or add --allow-partial to keep such snapshots");
        return;
      }
      Path file = dir.resolve(EstateManifest.snapshotFileName(m.id()));
      try {
        SnapshotJson.write(s, file);
      } catch (IOException e) {
        failed(m, "WriteFailed", file + ": cannot write the snapshot: " + e.getMessage());
        return;
      }
      collected.incrementAndGet();
      gaps.addAndGet(s.gaps().size());
      manifest.collectedNow(AccountEntry.collected(m.id(), m.name(), m.email(), bill));
      manifest.write();
      synchronized (err) {
        err.println(String.format(Locale.ROOT, "migrate: %s: collected %d instances, %d load balancers, %d DB instances,"
                + " %d caches in %d regions with %d API calls; %d gaps", label(m), s.instances().size(),
            s.loadBalancers().size(), s.dbInstances().size(), s.cacheClusters().size(), s.regions().size(),
            result.calls().totalCalls(), s.gaps().size()));
      }
    }

    @Override
    public void billFrom(String billSource, String note) {
      manifest.runNote(note);
    }

    @Override
    public void failed(OrganizationCollector.Member m, String errorCode, String message) {
      String line = Terminal.safe(String.valueOf(message).replaceAll("\\s+", " ").trim());
      manifest.put(AccountEntry.failed(m.id(), m.name(), m.email(), errorCode, line));
      manifest.write();
      synchronized (err) {
        err.println("migrate: warning: " + label(m) + " not collected: " + errorCode + ": " + line);
      }
    }
  }
}
