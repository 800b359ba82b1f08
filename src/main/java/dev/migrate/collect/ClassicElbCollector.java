package dev.migrate.collect;

import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancing.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerAttributes;
import software.amazon.awssdk.services.elasticloadbalancing.model.LoadBalancerDescription;
import software.amazon.awssdk.services.elasticloadbalancing.model.Tag;

/** Classic load balancers of one region; the id is the name (their only identifier). */
final class ClassicElbCollector {
  static final List<String> ACTIONS = List.of(
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeLoadBalancerAttributes",
      "elasticloadbalancing:DescribeTags");
  /** DescribeLoadBalancers PageSize ceiling (API reference: 1..400). */
  static final int PAGE = 400;
  /** DescribeTags takes at most 20 load balancer names per call (API reference). */
  static final int TAG_BATCH = 20;

  private ClassicElbCollector() {}

  static int collect(ElasticLoadBalancingClient elb, String region, boolean redact, Sink sink, Fanout fanout) {
    List<LoadBalancerDescription> all = new ArrayList<>();
    for (var page : elb.describeLoadBalancersPaginator(r -> r.pageSize(PAGE))) {
      all.addAll(page.loadBalancerDescriptions());
    }
    Map<String, Map<String, String>> tags = new HashMap<>();
    Attempt tagCall = new Attempt(sink, "elb", region, "classic load balancer tags");
    for (int i = 0; i < all.size() && !tagCall.refused(); i += TAG_BATCH) {
      List<String> names = all.subList(i, Math.min(all.size(), i + TAG_BATCH)).stream()
          .map(LoadBalancerDescription::loadBalancerName).toList();
      // A failed batch is split until the failing load balancers are alone; only their tags are gaps.
      Batches.<String, DescribeTagsResponse>run(names, b -> elb.describeTags(r -> r.loadBalancerNames(b)),
          (b, resp) -> resp.tagDescriptions().forEach(d -> tags.put(d.loadBalancerName(),
              Tags.of(d.tags(), Tag::key, Tag::value, redact))),
          (b, e) -> tagCall.failed(b.size() == 1 ? b.get(0) : b.size() + " load balancers", e));
    }
    Attempt attrCall = new Attempt(sink, "elb", region, "classic load balancer access-log settings");
    List<java.util.Optional<LoadBalancerAttributes>> allAttrs = fanout.map(all, d -> java.util.Optional.ofNullable(
        attrCall.get(d.loadBalancerName(), () -> elb.describeLoadBalancerAttributes(r -> r.loadBalancerName(d.loadBalancerName()))
            .loadBalancerAttributes(), null)));
    for (int k = 0; k < all.size(); k++) {
      LoadBalancerDescription d = all.get(k);
      LoadBalancerAttributes attrs = allAttrs.get(k).orElse(null);
      LoadBalancer.AccessLogs logs = attrs == null || attrs.accessLog() == null ? null
          : new LoadBalancer.AccessLogs(Boolean.TRUE.equals(attrs.accessLog().enabled()),
              attrs.accessLog().s3BucketName(), attrs.accessLog().s3BucketPrefix());
      List<LoadBalancer.Listener> listeners = new ArrayList<>();
      d.listenerDescriptions().forEach(ld -> {
        var l = ld.listener();
        listeners.add(new LoadBalancer.Listener(l.protocol(), l.loadBalancerPort(), l.instancePort(), List.of(),
            l.sslCertificateId() == null ? List.of() : List.of(l.sslCertificateId())));
      });
      listeners.sort(java.util.Comparator.comparingInt(LoadBalancer.Listener::port)
          .thenComparing(LoadBalancer.Listener::protocol));
      List<String> instances = new ArrayList<>();
      d.instances().forEach(i -> instances.add(i.instanceId()));
      instances.sort(null);
      List<String> zones = new ArrayList<>(d.availabilityZones());
      zones.sort(null);
      sink.loadBalancers.add(new LoadBalancer(d.loadBalancerName(), d.loadBalancerName(), region,
          LoadBalancerType.CLASSIC, d.scheme() == null ? "internet-facing" : d.scheme(), d.dnsName(), d.vpcId(),
          zones, d.createdTime(), listeners, List.of(), instances, logs,
          tags.getOrDefault(d.loadBalancerName(), Map.of())));
    }
    return all.size();
  }
}
