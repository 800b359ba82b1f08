package dev.migrate.cost.hybrid;

import dev.migrate.deps.DependencyGraph;
import dev.migrate.deps.Edge;
import dev.migrate.deps.Group;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.topology.Topology;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Traffic measured between the estate's items over a window (VPC Flow Logs attributed to
 * resources), as the what-if reads it: bytes per direction and the busiest hour of each pair, and
 * the application group of each item. The what-if prices the bytes that cross the link from these
 * where they cover both ends of a pair, and keeps its assumptions elsewhere.
 *
 * @param source       where the measurement came from, for notes (e.g. "VPC Flow Logs, 2026-11-01 to 2026-11-08")
 * @param windowHours  hours the flows were summed over (bytes x hours per month / windowHours = bytes per month)
 * @param flows        traffic from one item to another over the window (items as the snapshot names them)
 * @param groups       item id to the name of its application group; empty when groups are not known
 * @param onPremises   traffic between items and the on-premises ranges (one flow per item and direction: the item
 *                     sends to, or receives from, {@link #ON_PREMISES}); empty when no ranges were declared
 */
public record MeasuredTraffic(String source, double windowHours, List<ItemFlow> flows, Map<String, String> groups,
    List<ItemFlow> onPremises) {
  /** The other end of an {@link #onPremises()} flow: the on-premises site, reached over VPN or Direct Connect. */
  public static final String ON_PREMISES = "on-premises";

  public MeasuredTraffic {
    onPremises = List.copyOf(onPremises);
    Objects.requireNonNull(source, "source");
    if (!(windowHours > 0)) {
      throw new IllegalArgumentException("windowHours must be positive, got " + windowHours);
    }
    flows = List.copyOf(flows);
    groups = Map.copyOf(groups);
  }

  /** Traffic between items only (no on-premises ranges declared). */
  public MeasuredTraffic(String source, double windowHours, List<ItemFlow> flows, Map<String, String> groups) {
    this(source, windowHours, flows, groups, List.of());
  }

  /** The traffic a snapshot's flow logs measured between its items, or null when it has no flow logs. */
  public static MeasuredTraffic of(Snapshot snapshot) {
    return of(Topology.of(snapshot));
  }

  /** As {@link #of(Snapshot)}, over a snapshot already indexed. */
  public static MeasuredTraffic of(Topology topology) {
    return of(topology, dev.migrate.deps.DependencyOptions.DEFAULTS);
  }

  /**
   * As {@link #of(Topology)}, with the flows attributed and grouped by {@code options} (application tag, on-premises
   * ranges); null when the snapshot has no flow logs.
   */
  public static MeasuredTraffic of(Topology topology, dev.migrate.deps.DependencyOptions options) {
    Snapshot snapshot = topology.snapshot();
    return snapshot.flowLogs() == null ? null : of(DependencyGraph.of(snapshot, topology, options));
  }

  /**
   * The item-to-item traffic of a dependency graph, per direction (each service port's edge is a flow of its
   * own: the what-if sums them per pair of move units), and the application group of each item; null when the
   * graph was not measured or its window has no length.
   */
  public static MeasuredTraffic of(DependencyGraph graph) {
    if (!graph.measured() || !(graph.windowHours() > 0)) {
      return null;
    }
    List<ItemFlow> flows = new ArrayList<>();
    List<ItemFlow> onPremises = new ArrayList<>();
    for (Edge e : graph.edges()) {
      boolean aSite = e.a().kind() == dev.migrate.deps.End.Kind.ON_PREMISES;
      boolean bSite = e.b().kind() == dev.migrate.deps.End.Kind.ON_PREMISES;
      if (aSite != bSite && (e.a().isItem() || e.b().isItem())) {
        // An item's traffic with the site, per direction: the item is the source of the sent bytes, or the receiver.
        String item = aSite ? e.b().id() : e.a().id();
        long sent = aSite ? e.bytes().bToA() : e.bytes().aToB();
        long received = aSite ? e.bytes().aToB() : e.bytes().bToA();
        long sentPeak = aSite ? e.peakHourBytes().bToA() : e.peakHourBytes().aToB();
        long receivedPeak = aSite ? e.peakHourBytes().aToB() : e.peakHourBytes().bToA();
        if (sent > 0) {
          onPremises.add(new ItemFlow(item, ON_PREMISES, sent, sentPeak));
        }
        if (received > 0) {
          onPremises.add(new ItemFlow(ON_PREMISES, item, received, receivedPeak));
        }
        continue;
      }
      if (!e.a().isItem() || !e.b().isItem() || e.isLoop()) {
        continue; // traffic with places outside the plan is priced as egress already; within one item never crosses
      }
      if (e.bytes().aToB() > 0) {
        flows.add(new ItemFlow(e.a().id(), e.b().id(), e.bytes().aToB(), e.peakHourBytes().aToB()));
      }
      if (e.bytes().bToA() > 0) {
        flows.add(new ItemFlow(e.b().id(), e.a().id(), e.bytes().bToA(), e.peakHourBytes().bToA()));
      }
    }
    Map<String, String> groups = new TreeMap<>();
    Set<String> names = new HashSet<>();
    for (Group g : graph.groups()) {
      // Group names are the app tag or the busiest member's name: distinct in practice; the id keeps them apart if not.
      String name = names.add(g.name()) ? g.name() : g.name() + " (" + g.id() + ")";
      g.itemIds().forEach(id -> groups.put(id, name));
    }
    DateTimeFormatter start = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    String source = "VPC Flow Logs, " + Math.round(graph.windowHours()) + " h from " + start.format(graph.start())
        + " UTC";
    return new MeasuredTraffic(source, graph.windowHours(), flows, groups, onPremises);
  }

  /**
   * Bytes sent by one item to another over the window.
   *
   * @param srcItem        item that sent the bytes
   * @param dstItem        item that received them
   * @param bytes          bytes over the window
   * @param peakHourBytes  bytes in the pair's busiest clock hour (pairs need not peak in the same hour, so a sum
   *                       of these over pairs is an upper bound of their joint peak)
   */
  public record ItemFlow(String srcItem, String dstItem, long bytes, long peakHourBytes) {
    public ItemFlow {
      Objects.requireNonNull(srcItem, "srcItem");
      Objects.requireNonNull(dstItem, "dstItem");
    }
  }
}
