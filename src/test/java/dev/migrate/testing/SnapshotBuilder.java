package dev.migrate.testing;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.FlowLogs;
import dev.migrate.inventory.MemberAccount;
import dev.migrate.inventory.NetworkInterface;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.Completeness;
import dev.migrate.inventory.Coverage;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.WebAcl;
import dev.migrate.inventory.Window;
import java.time.Instant;
import java.util.List;

/**
 * Builds a {@link Snapshot} for a test estate by naming only what the estate has, instead of
 * the record's long positional constructor: what is not set is empty (no billing, coverage or
 * collection figures), as in a snapshot built from data.
 *
 * <pre>{@code SnapshotBuilder.snapshot(account, collectedAt, window).regions(List.of("us-east-1"))
 *     .instances(instances).usage(usage).build()}</pre>
 */
public final class SnapshotBuilder {
  private String schema = Snapshot.SCHEMA_V1;
  private Account account;
  private Instant collectedAt;
  private Window window;
  private List<String> regions = List.of();
  private List<Ec2Instance> instances = List.of();
  private List<EbsVolume> volumes = List.of();
  private List<AutoScalingGroup> autoScalingGroups = List.of();
  private List<LoadBalancer> loadBalancers = List.of();
  private List<Distribution> distributions = List.of();
  private List<S3Bucket> buckets = List.of();
  private List<Vpc> vpcs = List.of();
  private List<Commitment> commitments = List.of();
  private List<Usage> usage = List.of();
  private Billing billing;
  private List<Gap> gaps = List.of();
  private Coverage coverage;
  private List<WebAcl> webAcls = List.of();
  private Completeness collection;
  private List<DbInstance> dbInstances = List.of();
  private List<DbCluster> dbClusters = List.of();
  private List<CacheCluster> cacheClusters = List.of();
  private List<NetworkInterface> networkInterfaces = List.of();
  private FlowLogs flowLogs;
  private List<MemberAccount> members = List.of();

  private SnapshotBuilder() {}

  /** A snapshot of {@code account} collected at {@code collectedAt} over {@code window}, otherwise empty. */
  public static SnapshotBuilder snapshot(Account account, Instant collectedAt, Window window) {
    var b = new SnapshotBuilder();
    b.account = account;
    b.collectedAt = collectedAt;
    b.window = window;
    return b;
  }

  /** A copy of {@code s}, to change some of its parts. */
  public static SnapshotBuilder from(Snapshot s) {
    var b = snapshot(s.account(), s.collectedAt(), s.window());
    b.schema = s.schema();
    b.regions = s.regions();
    b.instances = s.instances();
    b.volumes = s.volumes();
    b.autoScalingGroups = s.autoScalingGroups();
    b.loadBalancers = s.loadBalancers();
    b.distributions = s.distributions();
    b.buckets = s.buckets();
    b.vpcs = s.vpcs();
    b.commitments = s.commitments();
    b.usage = s.usage();
    b.billing = s.billing();
    b.gaps = s.gaps();
    b.coverage = s.coverage();
    b.webAcls = s.webAcls();
    b.collection = s.collection();
    b.dbInstances = s.dbInstances();
    b.dbClusters = s.dbClusters();
    b.cacheClusters = s.cacheClusters();
    b.networkInterfaces = s.networkInterfaces();
    b.flowLogs = s.flowLogs();
    b.members = s.members();
    return b;
  }

  public SnapshotBuilder schema(String schema) {
    this.schema = schema;
    return this;
  }

  public SnapshotBuilder account(Account account) {
    this.account = account;
    return this;
  }

  public SnapshotBuilder window(Window window) {
    this.window = window;
    return this;
  }

  public SnapshotBuilder regions(List<String> regions) {
    this.regions = regions;
    return this;
  }

  public SnapshotBuilder instances(List<Ec2Instance> instances) {
    this.instances = instances;
    return this;
  }

  public SnapshotBuilder volumes(List<EbsVolume> volumes) {
    this.volumes = volumes;
    return this;
  }

  public SnapshotBuilder autoScalingGroups(List<AutoScalingGroup> groups) {
    this.autoScalingGroups = groups;
    return this;
  }

  public SnapshotBuilder loadBalancers(List<LoadBalancer> loadBalancers) {
    this.loadBalancers = loadBalancers;
    return this;
  }

  public SnapshotBuilder distributions(List<Distribution> distributions) {
    this.distributions = distributions;
    return this;
  }

  public SnapshotBuilder buckets(List<S3Bucket> buckets) {
    this.buckets = buckets;
    return this;
  }

  public SnapshotBuilder vpcs(List<Vpc> vpcs) {
    this.vpcs = vpcs;
    return this;
  }

  public SnapshotBuilder commitments(List<Commitment> commitments) {
    this.commitments = commitments;
    return this;
  }

  public SnapshotBuilder usage(List<Usage> usage) {
    this.usage = usage;
    return this;
  }

  public SnapshotBuilder billing(Billing billing) {
    this.billing = billing;
    return this;
  }

  public SnapshotBuilder gaps(List<Gap> gaps) {
    this.gaps = gaps;
    return this;
  }

  public SnapshotBuilder coverage(Coverage coverage) {
    this.coverage = coverage;
    return this;
  }

  public SnapshotBuilder webAcls(List<WebAcl> webAcls) {
    this.webAcls = webAcls;
    return this;
  }

  public SnapshotBuilder collection(Completeness collection) {
    this.collection = collection;
    return this;
  }

  /** RDS DB instances, Aurora members included. */
  public SnapshotBuilder dbInstances(List<DbInstance> dbInstances) {
    this.dbInstances = dbInstances;
    return this;
  }

  /** Aurora DB clusters. */
  public SnapshotBuilder dbClusters(List<DbCluster> dbClusters) {
    this.dbClusters = dbClusters;
    return this;
  }

  /** ElastiCache replication groups, Memcached clusters and serverless caches. */
  public SnapshotBuilder networkInterfaces(List<NetworkInterface> networkInterfaces) {
    this.networkInterfaces = networkInterfaces;
    return this;
  }

  public SnapshotBuilder flowLogs(FlowLogs flowLogs) {
    this.flowLogs = flowLogs;
    return this;
  }

  public SnapshotBuilder members(List<MemberAccount> members) {
    this.members = members;
    return this;
  }

  public SnapshotBuilder cacheClusters(List<CacheCluster> cacheClusters) {
    this.cacheClusters = cacheClusters;
    return this;
  }

  public Snapshot build() {
    return new Snapshot(schema, account, collectedAt, window, regions, instances, volumes, autoScalingGroups,
        loadBalancers, distributions, buckets, vpcs, commitments, usage, billing, gaps, coverage, webAcls, collection,
        dbInstances, dbClusters, cacheClusters, networkInterfaces, flowLogs, members);
  }
}
