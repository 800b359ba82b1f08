package dev.migrate.collect;

import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.MonitoringState;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

/** EC2 instances, EBS volumes and VPCs of one region. Never asks for user data. */
final class Ec2Collector {
  static final List<String> ACTIONS = List.of(
      "ec2:DescribeRegions", "ec2:DescribeInstances", "ec2:DescribeVolumes", "ec2:DescribeVpcs",
      "ec2:DescribeNetworkInterfaces", "ec2:DescribeFlowLogs");

  /** The largest page DescribeInstances/DescribeVolumes/DescribeVpcs serve (API reference: MaxResults 5..1000). */
  static final int PAGE = 1000;
  /** DescribeNetworkInterfaces serves at most 1000 per page too (API reference: MaxResults 5..1000). */
  static final int ENI_PAGE = 1000;

  private final Ec2Client ec2;
  private final String region;
  private final boolean redact;
  private final Sink sink;

  Ec2Collector(Ec2Client ec2, String region, boolean redact, Sink sink) {
    this.ec2 = ec2;
    this.region = region;
    this.redact = redact;
    this.sink = sink;
  }

  /** Instances; throws so the caller can tell a disabled region from a denied action. */
  int instances() {
    List<Ec2Instance> found = new ArrayList<>();
    for (var page : ec2.describeInstancesPaginator(r -> r.maxResults(PAGE))) {
      for (Reservation res : page.reservations()) {
        for (Instance i : res.instances()) {
          found.add(toInstance(i));
        }
      }
    }
    sink.instances.addAll(found);
    return found.size();
  }

  int volumes() {
    int n = 0;
    for (var page : ec2.describeVolumesPaginator(r -> r.maxResults(PAGE))) {
      for (Volume v : page.volumes()) {
        String attached = v.attachments().isEmpty() ? null : v.attachments().get(0).instanceId();
        sink.volumes.add(new EbsVolume(v.volumeId(), region, v.availabilityZone(), v.volumeTypeAsString(),
            v.size() == null ? 0 : v.size(), v.iops(), v.throughput(), v.stateAsString(), attached,
            tags(v.tags())));
        n++;
      }
    }
    return n;
  }

  int vpcs() {
    int n = 0;
    for (var page : ec2.describeVpcsPaginator(r -> r.maxResults(PAGE))) {
      for (var v : page.vpcs()) {
        List<String> cidrs = new ArrayList<>();
        v.cidrBlockAssociationSet().forEach(a -> cidrs.add(a.cidrBlock()));
        if (cidrs.isEmpty() && v.cidrBlock() != null) {
          cidrs.add(v.cidrBlock());
        }
        cidrs.sort(null);
        sink.vpcs.add(new Vpc(v.vpcId(), region, cidrs, Boolean.TRUE.equals(v.isDefault()), null, v.ownerId()));
        n++;
      }
    }
    return n;
  }

  /**
   * Network interfaces, with what their own fields tell about their owner (the attachment's instance, the
   * interface type, the description AWS writes for the service that created it); {@link EniAttribution} later
   * maps load balancer, cache and database interfaces to the snapshot's ids.
   */
  int networkInterfaces() {
    int n = 0;
    for (var page : ec2.describeNetworkInterfacesPaginator(r -> r.maxResults(ENI_PAGE))) {
      for (software.amazon.awssdk.services.ec2.model.NetworkInterface e : page.networkInterfaces()) {
        java.util.TreeSet<String> privateIps = new java.util.TreeSet<>();
        java.util.TreeSet<String> publicIps = new java.util.TreeSet<>();
        if (e.privateIpAddress() != null) {
          privateIps.add(e.privateIpAddress());
        }
        if (e.association() != null && e.association().publicIp() != null) {
          publicIps.add(e.association().publicIp());
        }
        for (var a : e.privateIpAddresses()) {
          if (a.privateIpAddress() != null) {
            privateIps.add(a.privateIpAddress());
          }
          if (a.association() != null && a.association().publicIp() != null) {
            publicIps.add(a.association().publicIp());
          }
        }
        String instanceId = e.attachment() == null ? null : e.attachment().instanceId();
        EniAttribution.Owner owner = EniAttribution.fromInterface(e.interfaceTypeAsString(), e.description(),
            e.requesterId(), instanceId);
        sink.networkInterfaces.add(new dev.migrate.inventory.NetworkInterface(e.networkInterfaceId(), region,
            e.vpcId(), e.subnetId(), e.interfaceTypeAsString(), List.copyOf(privateIps), List.copyOf(publicIps),
            owner.kind(), owner.id(), e.description() == null || e.description().isEmpty() ? null : e.description()));
        n++;
      }
    }
    return n;
  }

  /** VPC Flow Logs of the region (on VPCs, subnets or interfaces); the VPCs are matched when the snapshot is built. */
  int flowLogs() {
    int n = 0;
    for (var page : ec2.describeFlowLogsPaginator(r -> r.maxResults(ENI_PAGE))) {
      for (var f : page.flowLogs()) {
        String destination = f.logDestination() != null ? f.logDestination() : f.logGroupName();
        sink.flowLogs.add(new Sink.RegionalFlowLog(region, new dev.migrate.inventory.Vpc.FlowLog(f.flowLogId(),
            f.resourceId(), f.logDestinationTypeAsString() == null ? "cloud-watch-logs" : f.logDestinationTypeAsString(),
            destination, f.trafficTypeAsString(), f.logFormat())));
        n++;
      }
    }
    sink.flowLogRegions.add(region);
    return n;
  }

  private Ec2Instance toInstance(Instance i) {
    List<String> volumeIds = new ArrayList<>();
    for (InstanceBlockDeviceMapping m : i.blockDeviceMappings()) {
      if (m.ebs() != null && m.ebs().volumeId() != null) {
        volumeIds.add(m.ebs().volumeId());
      }
    }
    volumeIds.sort(null);
    Map<String, String> tags = tags(i.tags());
    // The group name tag is set by Auto Scaling itself; read it before redaction.
    String asg = i.tags().stream().filter(t -> "aws:autoscaling:groupName".equals(t.key()))
        .map(Tag::value).findFirst().orElse(null);
    // EC2 sends "windows" while the SDK enum spells "Windows": compare the raw string.
    String platform = "windows".equalsIgnoreCase(i.platformAsString()) ? "windows" : "linux";
    String arch = i.architectureAsString() == null ? "x86_64" : i.architectureAsString();
    return new Ec2Instance(i.instanceId(), region,
        i.placement() == null ? null : i.placement().availabilityZone(),
        i.instanceTypeAsString(),
        i.state() == null ? "unknown" : i.state().nameAsString(),
        platform, arch, i.launchTime(),
        i.instanceLifecycleAsString(),
        i.placement() == null ? null : i.placement().tenancyAsString(),
        i.vpcId(), asg, volumeIds,
        i.monitoring() != null && i.monitoring().state() == MonitoringState.ENABLED,
        tags, i.publicIpAddress());
  }

  private Map<String, String> tags(List<Tag> tags) {
    return Tags.of(tags, Tag::key, Tag::value, redact);
  }
}
