package dev.migrate.collect;

import dev.migrate.inventory.AutoScalingGroup;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/** Auto scaling groups of one region. */
final class AutoScalingCollector {
  static final List<String> ACTIONS = List.of("autoscaling:DescribeAutoScalingGroups");
  /** DescribeAutoScalingGroups MaxRecords ceiling (API reference: maximum 100). */
  static final int PAGE = 100;

  private AutoScalingCollector() {}

  static int collect(AutoScalingClient asg, String region, boolean redact, Sink sink) {
    int n = 0;
    for (var page : asg.describeAutoScalingGroupsPaginator(r -> r.maxRecords(PAGE))) {
      for (var g : page.autoScalingGroups()) {
        List<String> ids = new ArrayList<>();
        g.instances().forEach(i -> ids.add(i.instanceId()));
        ids.sort(null);
        List<String> tgs = new ArrayList<>(g.targetGroupARNs());
        tgs.sort(null);
        List<String> lbs = new ArrayList<>(g.loadBalancerNames());
        lbs.sort(null);
        sink.groups.add(new AutoScalingGroup(g.autoScalingGroupName(), region,
            g.minSize() == null ? 0 : g.minSize(), g.maxSize() == null ? 0 : g.maxSize(),
            g.desiredCapacity() == null ? 0 : g.desiredCapacity(), ids, tgs, lbs,
            Tags.of(g.tags(), TagDescription::key, TagDescription::value, redact)));
        n++;
      }
    }
    return n;
  }
}
