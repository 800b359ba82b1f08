package dev.migrate.collect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.Coverage;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.WebAcl;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The progress file of a collection: a header line saying which collection it belongs to, then
 * one JSON line per finished part (one service in one region, e.g. EC2 instances of eu-west-1)
 * with what that part found, appended and forced to disk as soon as the part is done. A crash or
 * Ctrl-C loses at most the parts in flight; {@code --resume} reads the file back and only the
 * parts not in it are collected again. A torn last line (the crash hit mid-write) is ignored.
 *
 * <p>Only parts that finished without a gap are recorded, so a resumed run retries everything
 * that was missing, faults and refusals alike (a refusal costs one call to ask again).
 */
final class Checkpoint implements AutoCloseable {
  static final String FORMAT = "migrate.collect-progress/v1";

  /**
   * Which collection a progress file belongs to: a resumed run must ask the same account the
   * same questions over the same window.
   */
  record Header(String format, String account, List<String> regions, int days, Instant windowEnd, LocalDate today,
      boolean redactTags) {
    Header {
      regions = List.copyOf(regions);
    }
  }

  /**
   * What one finished part found (every list may be empty; the data store lists are null in
   * progress files written before they were collected, as is the network interface list).
   */
  record Part(String key, List<Ec2Instance> instances, List<EbsVolume> volumes, List<Vpc> vpcs,
      List<AutoScalingGroup> groups, List<LoadBalancer> loadBalancers, List<Distribution> distributions,
      List<S3Bucket> buckets, List<Commitment> commitments, List<Usage> usage, List<Billing.Month> months,
      List<WebAcl> webAcls, Map<String, MetricsCollector.S3Storage> storage, Coverage coverage, String alias,
      List<DbInstance> dbInstances, List<DbCluster> dbClusters, List<CacheCluster> cacheClusters,
      List<dev.migrate.inventory.NetworkInterface> networkInterfaces, List<Sink.RegionalFlowLog> flowLogs,
      List<String> flowLogRegions) {

    static Part of(String key, Sink s) {
      return new Part(key, List.copyOf(s.instances), List.copyOf(s.volumes), List.copyOf(s.vpcs),
          List.copyOf(s.groups), List.copyOf(s.loadBalancers), List.copyOf(s.distributions), List.copyOf(s.buckets),
          List.copyOf(s.commitments), List.copyOf(s.usage), List.copyOf(s.months), List.copyOf(s.webAcls),
          Map.copyOf(s.storage), s.coverage, s.alias, List.copyOf(s.dbInstances), List.copyOf(s.dbClusters),
          List.copyOf(s.cacheClusters), List.copyOf(s.networkInterfaces),
          List.copyOf(s.flowLogs), List.copyOf(s.flowLogRegions));
    }

    /** The part's findings into {@code into}. */
    void replay(Sink into) {
      Sink p = into.child();
      nonNull(instances).forEach(p.instances::add);
      nonNull(volumes).forEach(p.volumes::add);
      nonNull(vpcs).forEach(p.vpcs::add);
      nonNull(groups).forEach(p.groups::add);
      nonNull(loadBalancers).forEach(p.loadBalancers::add);
      nonNull(distributions).forEach(p.distributions::add);
      nonNull(buckets).forEach(p.buckets::add);
      nonNull(commitments).forEach(p.commitments::add);
      nonNull(usage).forEach(p.usage::add);
      nonNull(months).forEach(p.months::add);
      nonNull(webAcls).forEach(p.webAcls::add);
      nonNull(dbInstances).forEach(p.dbInstances::add);
      nonNull(dbClusters).forEach(p.dbClusters::add);
      nonNull(cacheClusters).forEach(p.cacheClusters::add);
      nonNull(networkInterfaces).forEach(p.networkInterfaces::add);
      nonNull(flowLogs).forEach(p.flowLogs::add);
      nonNull(flowLogRegions).forEach(p.flowLogRegions::add);
      if (storage != null) {
        p.storage.putAll(storage);
      }
      p.coverage = coverage;
      p.alias = alias;
      into.merge(p);
    }

    private static <T> List<T> nonNull(List<T> l) {
      return l == null ? List.of() : l;
    }
  }

  private static final ObjectMapper JSON = SnapshotJson.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);

  private final Path file;
  private final Map<String, Part> done;
  private final boolean resumed;
  private BufferedWriter writer; // guarded by this
  private FileChannel channel; // guarded by this

  private Checkpoint(Path file, Map<String, Part> done, boolean resumed) {
    this.file = file;
    this.done = done;
    this.resumed = resumed;
  }

  /** Records nothing: for scans without a progress file. */
  static Checkpoint none() {
    return new Checkpoint(null, new ConcurrentHashMap<>(), false);
  }

  /**
   * Starts recording into {@code file}. With {@code resume}, the parts already in it are kept
   * (and {@link #header()} tells the window to keep); otherwise the file is started afresh.
   *
   * @throws CollectException when resuming from a file that is missing, unreadable or belongs to
   *                          another collection
   */
  static Checkpoint open(Path file, Header header, boolean resume) {
    Map<String, Part> done = new ConcurrentHashMap<>();
    if (resume) {
      Header old = readHeader(file);
      String mismatch = mismatch(old, header);
      if (mismatch != null) {
        throw new CollectException(file + ": the progress file is for another collection (" + mismatch
            + "); run without --resume to start afresh", null);
      }
      readParts(file, done);
    }
    Checkpoint c = new Checkpoint(file, done, resume);
    c.start(resume ? null : header);
    return c;
  }

  /** The header of an existing progress file (for the window of a resumed run). */
  static Header readHeader(Path file) {
    List<String> lines = lines(file);
    if (lines.isEmpty()) {
      throw new CollectException(file + ": the progress file is empty; run without --resume to start afresh", null);
    }
    try {
      Header h = JSON.readValue(lines.get(0), Header.class);
      if (!FORMAT.equals(h.format())) {
        throw new CollectException(file + ":1: not a migrate progress file (format '" + h.format() + "', expected '"
            + FORMAT + "'); run without --resume to start afresh", null);
      }
      return h;
    } catch (JsonProcessingException e) {
      throw new CollectException(file + ":1: not a migrate progress file (" + e.getOriginalMessage()
          + "); run without --resume to start afresh", e);
    }
  }

  private static String mismatch(Header old, Header now) {
    if (!Objects.equals(old.account(), now.account())) {
      return "account " + old.account() + ", now " + now.account();
    }
    if (!old.regions().equals(now.regions())) {
      return "regions " + (old.regions().isEmpty() ? "all" : String.join(",", old.regions())) + ", now "
          + (now.regions().isEmpty() ? "all" : String.join(",", now.regions()));
    }
    if (old.days() != now.days()) {
      return "--days " + old.days() + ", now " + now.days();
    }
    if (old.redactTags() != now.redactTags()) {
      return old.redactTags() ? "tags were redacted" : "tags were not redacted";
    }
    return null;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CollectException(file + ": no progress file to resume from (it is deleted once a collection is"
          + " complete); run without --resume", e);
    } catch (IOException e) {
      throw new CollectException(file + ": cannot read the progress file: " + e.getMessage(), e);
    }
  }

  private static void readParts(Path file, Map<String, Part> done) {
    List<String> lines = lines(file);
    for (int i = 1; i < lines.size(); i++) {
      try {
        Part p = JSON.readValue(lines.get(i), Part.class);
        done.put(p.key(), p);
      } catch (JsonProcessingException e) {
        if (i == lines.size() - 1) {
          break; // torn by the crash: that part is collected again
        }
        throw new CollectException(file + ":" + (i + 1) + ": unreadable progress line (" + e.getOriginalMessage()
            + "); delete the file and run without --resume", e);
      }
    }
  }

  private synchronized void start(Header header) {
    try {
      if (header != null) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(file, JSON.writeValueAsString(header) + "\n", StandardCharsets.UTF_8);
      }
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      writer = new BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CollectException(file + ": cannot write the progress file: " + e.getMessage()
          + " (check the directory is writable, or pass --out elsewhere)", e);
    }
  }

  boolean resumed() {
    return resumed;
  }

  /** The part recorded under {@code key} by an earlier run, or null. */
  Part done(String key) {
    return done.get(key);
  }

  /** Records a finished part; forced to disk before this returns. */
  synchronized void record(String key, Sink part) {
    Part p = Part.of(key, part);
    done.put(key, p);
    if (writer == null) {
      return;
    }
    try {
      writer.write(JSON.writeValueAsString(p));
      writer.write('\n');
      writer.flush();
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write the progress file", e);
    }
  }

  /** Removes the progress file: the collection is complete and nothing is left to resume. */
  synchronized void delete() {
    close();
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Left behind: a later --resume finds every part done, which is still right.
      }
    }
  }

  @Override
  public synchronized void close() {
    try {
      if (writer != null) {
        writer.close();
      }
    } catch (IOException e) {
      // The parts recorded so far were forced to disk when written.
    } finally {
      writer = null;
      channel = null;
    }
  }
}
