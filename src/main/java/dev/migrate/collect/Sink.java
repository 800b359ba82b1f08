package dev.migrate.collect;

import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.Coverage;
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
  final Queue<Gap> gaps = new ConcurrentLinkedQueue<>();
  /** Set once by the coverage collector; null when nothing was readable. */
  volatile Coverage coverage;
  /** Set once by the account collector; null when the account has none or it was not readable. */
  volatile String alias;
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
    gap(Faults.gap(service, region, missing, e));
  }

  static <T> List<T> sorted(Queue<T> q, java.util.Comparator<T> by) {
    return q.stream().sorted(by).toList();
  }
}
