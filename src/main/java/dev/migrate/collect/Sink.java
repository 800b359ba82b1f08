package dev.migrate.collect;

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
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.WebAcl;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What the collectors found so far; written to from worker threads, sorted at the end. */
final class Sink {
  final Queue<Ec2Instance> instances = new ConcurrentLinkedQueue<>();
  final Queue<EbsVolume> volumes = new ConcurrentLinkedQueue<>();
  final Queue<Vpc> vpcs = new ConcurrentLinkedQueue<>();
  final Queue<AutoScalingGroup> groups = new ConcurrentLinkedQueue<>();
  final Queue<LoadBalancer> loadBalancers = new ConcurrentLinkedQueue<>();
  final Queue<Distribution> distributions = new ConcurrentLinkedQueue<>();
  final Queue<S3Bucket> buckets = new ConcurrentLinkedQueue<>();
  final Queue<Commitment> commitments = new ConcurrentLinkedQueue<>();
  final Queue<Usage> usage = new ConcurrentLinkedQueue<>();
  final Queue<Billing.Month> months = new ConcurrentLinkedQueue<>();
  final Queue<WebAcl> webAcls = new ConcurrentLinkedQueue<>();
  final Queue<DbInstance> dbInstances = new ConcurrentLinkedQueue<>();
  final Queue<DbCluster> dbClusters = new ConcurrentLinkedQueue<>();
  final Queue<CacheCluster> cacheClusters = new ConcurrentLinkedQueue<>();
  final Queue<dev.migrate.inventory.NetworkInterface> networkInterfaces = new ConcurrentLinkedQueue<>();
  /** VPC Flow Logs as DescribeFlowLogs lists them, and the regions whose list was read to its end. */
  final Queue<RegionalFlowLog> flowLogs = new ConcurrentLinkedQueue<>();
  final Queue<String> flowLogRegions = new ConcurrentLinkedQueue<>();

  /** A flow log and its region (its resource id is a VPC, subnet or interface id of that region). */
  record RegionalFlowLog(String region, Vpc.FlowLog flowLog) {}
  final Queue<Gap> gaps = new ConcurrentLinkedQueue<>();
  /** The gaps left by faults that outlasted their retries (throttling, 5xx, connection, body), not refusals. */
  final Queue<Gap> faultGaps = new ConcurrentLinkedQueue<>();
  /** Set once by the coverage collector; null when nothing was readable. */
  volatile Coverage coverage;
  /** Set once by the account collector; null when the account has none or it was not readable. */
  volatile String alias;
  /** S3 bytes per storage class and object counts by bucket name, from CloudWatch. */
  final java.util.Map<String, MetricsCollector.S3Storage> storage = new java.util.concurrent.ConcurrentHashMap<>();
  private final Progress progress;

  Sink(Progress progress) {
    this.progress = progress;
  }

  void gap(Gap g) {
    gaps.add(g);
    progress.gap(g);
  }

  /** Records a gap for {@code e}; used by every collector's catch. */
  void gap(String service, String region, String missing, Throwable e) {
    Gap g = Faults.gap(service, region, missing, e);
    if (Faults.transientFault(e)) {
      faultGaps.add(g);
    }
    gap(g);
  }

  /** An empty sink for one part of the scan; {@link #merge} adds it to this one once the part is done. */
  Sink child() {
    return new Sink(progress);
  }

  /** What {@code part} found, added to this sink; its gaps were reported when they happened. */
  void merge(Sink part) {
    instances.addAll(part.instances);
    volumes.addAll(part.volumes);
    vpcs.addAll(part.vpcs);
    groups.addAll(part.groups);
    loadBalancers.addAll(part.loadBalancers);
    distributions.addAll(part.distributions);
    buckets.addAll(part.buckets);
    commitments.addAll(part.commitments);
    usage.addAll(part.usage);
    months.addAll(part.months);
    webAcls.addAll(part.webAcls);
    dbInstances.addAll(part.dbInstances);
    dbClusters.addAll(part.dbClusters);
    cacheClusters.addAll(part.cacheClusters);
    networkInterfaces.addAll(part.networkInterfaces);
    flowLogs.addAll(part.flowLogs);
    flowLogRegions.addAll(part.flowLogRegions);
    gaps.addAll(part.gaps);
    faultGaps.addAll(part.faultGaps);
    storage.putAll(part.storage);
    if (part.coverage != null) {
      coverage = part.coverage;
    }
    if (part.alias != null) {
      alias = part.alias;
    }
  }

  static <T> List<T> sorted(Queue<T> q, java.util.Comparator<T> by) {
    return q.stream().sorted(by).toList();
  }
}
