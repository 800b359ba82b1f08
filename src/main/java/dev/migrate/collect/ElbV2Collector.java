package dev.migrate.collect;

import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** Application and network load balancers of one region, with listeners, target groups and target health. */
final class ElbV2Collector {
  static final List<String> ACTIONS = List.of(
      "elasticloadbalancing:DescribeLoadBalancers",
      "elasticloadbalancing:DescribeListeners",
      "elasticloadbalancing:DescribeTargetGroups",
      "elasticloadbalancing:DescribeTargetHealth",
      "elasticloadbalancing:DescribeLoadBalancerAttributes",
      "elasticloadbalancing:DescribeTags");
  /** DescribeLoadBalancers / DescribeTargetGroups / DescribeListeners PageSize ceiling (API reference: 1..400). */
  static final int PAGE = 400;
  /** DescribeTags takes at most 20 ARNs per call (API reference). */
  static final int TAG_BATCH = 20;

  private ElbV2Collector() {}

  static int collect(ElasticLoadBalancingV2Client elb, String region, boolean redact, Sink sink, Fanout fanout) {
    List<software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer> all = new ArrayList<>();
    for (var page : elb.describeLoadBalancersPaginator(r -> r.pageSize(PAGE))) {
      for (var lb : page.loadBalancers()) {
        String type = lb.typeAsString();
        // Gateway load balancers carry appliance traffic, not clients: not inventoried.
        if ("application".equals(type) || "network".equals(type)) {
          all.add(lb);
        }
      }
    }
    if (all.isEmpty()) {
      return 0;
    }
    // Target groups region-wide in pages (fewer calls than one per load balancer).
    Map<String, List<TargetGroup>> groupsByLb = new HashMap<>();
    Attempt tgCall = new Attempt(sink, "elbv2", region, "target groups and target health");
    tgCall.get(() -> {
      for (var page : elb.describeTargetGroupsPaginator(r -> r.pageSize(PAGE))) {
        for (TargetGroup tg : page.targetGroups()) {
          tg.loadBalancerArns().forEach(arn -> groupsByLb.computeIfAbsent(arn, k -> new ArrayList<>()).add(tg));
        }
      }
      return Boolean.TRUE;
    }, Boolean.FALSE);
    Map<String, List<LoadBalancer.Target>> health = new java.util.concurrent.ConcurrentHashMap<>();
    Attempt healthCall = new Attempt(sink, "elbv2", region, "target health");
    List<String> tgArns = groupsByLb.values().stream().flatMap(List::stream).map(TargetGroup::targetGroupArn)
        .distinct().sorted().toList();
    fanout.map(tgArns, arn -> {
          List<TargetHealthDescription> ds = healthCall.get(arn,
              () -> elb.describeTargetHealth(r -> r.targetGroupArn(arn)).targetHealthDescriptions(), null);
          if (ds != null) {
            List<LoadBalancer.Target> targets = new ArrayList<>();
            ds.forEach(d -> targets.add(new LoadBalancer.Target(d.target().id(), d.target().port(),
                d.targetHealth() == null ? null : d.targetHealth().stateAsString())));
            targets.sort(Comparator.comparing(LoadBalancer.Target::id)
                .thenComparing(t -> t.port() == null ? 0 : t.port()));
            health.put(arn, targets);
          }
          return arn;
        });
    Map<String, Map<String, String>> tags = new HashMap<>();
    Attempt tagCall = new Attempt(sink, "elbv2", region, "load balancer tags");
    for (int i = 0; i < all.size() && !tagCall.refused(); i += TAG_BATCH) {
      List<String> arns = all.subList(i, Math.min(all.size(), i + TAG_BATCH)).stream()
          .map(lb -> lb.loadBalancerArn()).toList();
      // A failed batch is split until the failing load balancers are alone; only their tags are gaps.
      Batches.<String, DescribeTagsResponse>run(arns, b -> elb.describeTags(r -> r.resourceArns(b)),
          (b, resp) -> resp.tagDescriptions().forEach(d -> tags.put(d.resourceArn(),
              Tags.of(d.tags(), Tag::key, Tag::value, redact))),
          (b, e) -> tagCall.failed(b.size() == 1 ? b.get(0) : b.size() + " load balancers", e));
    }
    Attempt listenerCall = new Attempt(sink, "elbv2", region, "listeners");
    Attempt attrCall = new Attempt(sink, "elbv2", region, "access-log settings");
    fanout.map(all, lb -> {
      String arn = lb.loadBalancerArn();
      List<LoadBalancer.Listener> listeners = new ArrayList<>();
      listenerCall.get(arn, () -> {
        for (var page : elb.describeListenersPaginator(r -> r.loadBalancerArn(arn).pageSize(PAGE))) {
          page.listeners().forEach(l -> listeners.add(toListener(l)));
        }
        return Boolean.TRUE;
      }, Boolean.FALSE);
      listeners.sort(Comparator.comparingInt(LoadBalancer.Listener::port).thenComparing(LoadBalancer.Listener::protocol));
      List<LoadBalancerAttribute> attrs = attrCall.get(arn,
          () -> elb.describeLoadBalancerAttributes(r -> r.loadBalancerArn(arn)).attributes(), null);
      LoadBalancer.AccessLogs logs = null;
      if (attrs != null) {
        Map<String, String> a = new HashMap<>();
        attrs.forEach(x -> a.put(x.key(), x.value()));
        logs = new LoadBalancer.AccessLogs("true".equals(a.get("access_logs.s3.enabled")),
            blankToNull(a.get("access_logs.s3.bucket")), blankToNull(a.get("access_logs.s3.prefix")));
      }
      List<LoadBalancer.TargetGroup> groups = new ArrayList<>();
      for (TargetGroup tg : groupsByLb.getOrDefault(arn, List.of())) {
        groups.add(new LoadBalancer.TargetGroup(tg.targetGroupArn(), tg.targetGroupName(), tg.protocolAsString(),
            tg.port(), tg.targetTypeAsString() == null ? "instance" : tg.targetTypeAsString(),
            health.getOrDefault(tg.targetGroupArn(), List.of())));
      }
      groups.sort(Comparator.comparing(LoadBalancer.TargetGroup::arn));
      List<String> zones = new ArrayList<>();
      lb.availabilityZones().forEach(z -> zones.add(z.zoneName()));
      zones.sort(null);
      LoadBalancerType type = "network".equals(lb.typeAsString()) ? LoadBalancerType.NETWORK : LoadBalancerType.APPLICATION;
      sink.loadBalancers.add(new LoadBalancer(arn, lb.loadBalancerName(), region, type,
          lb.schemeAsString() == null ? "internet-facing" : lb.schemeAsString(), lb.dnsName(), lb.vpcId(), zones,
          lb.createdTime(), listeners, groups, List.of(), logs, tags.getOrDefault(arn, Map.of())));
      return arn;
    });
    return all.size();
  }

  private static LoadBalancer.Listener toListener(Listener l) {
    TreeSet<String> tgs = new TreeSet<>();
    for (Action a : l.defaultActions()) {
      if (a.targetGroupArn() != null) {
        tgs.add(a.targetGroupArn());
      }
      if (a.forwardConfig() != null) {
        a.forwardConfig().targetGroups().forEach(t -> tgs.add(t.targetGroupArn()));
      }
    }
    TreeSet<String> certs = new TreeSet<>();
    l.certificates().forEach(c -> certs.add(c.certificateArn()));
    return new LoadBalancer.Listener(l.protocolAsString() == null ? "TCP" : l.protocolAsString(),
        l.port() == null ? 0 : l.port(), null, List.copyOf(tgs), List.copyOf(certs));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
