package dev.migrate.deps;

import dev.migrate.inventory.FlowLogs;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.graph.Pseudograph;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The measured dependencies of one snapshot: its VPC Flow Logs' address pairs attributed to ends
 * ({@link Attribution}), summed per pair of ends, service port and protocol ({@link #edges()}), and the
 * application groups they form ({@link #groups()}). A pure function of the snapshot and the options;
 * immutable once built.
 *
 * <p>Groups: items are joined by links that carry at least {@link DependencyOptions#groupMinShare()} of the
 * busier item's traffic with other items (and at least {@link DependencyOptions#groupMinBytes()}); each
 * connected component of those strong links is then split by the application tag of its items (an untagged
 * item joins the tagged items it exchanges most bytes with, step by step along strong links), and items of
 * the same application in different components are one group: the tag says what belongs together, the
 * traffic says where the tag is silent. Only items that appear in the flows are in groups.
 *
 * <p>A snapshot without flow logs gives an empty graph ({@link #measured()} false).
 */
public final class DependencyGraph {
  private final FlowLogs flowLogs;
  private final Snapshot snapshot;
  private final DependencyOptions options;
  /** Built at once with flow logs; without them only when {@link #endOf} asks (the reports build a graph per run). */
  private Topology topology;
  private Attribution attribution;
  private final Graph<End, Edge> graph;
  private final List<Edge> edges;
  /** Bytes and busiest-hour bytes from one end to another, index 0 and 1. */
  private final Map<End, Map<End, long[]>> directed = new HashMap<>();
  private final Map<String, End> items = new HashMap<>();
  private final List<Group> groups;
  private final Map<String, Group> groupOfItem = new HashMap<>();
  private final List<Talker> talkers;
  private final List<GroupLink> groupLinks;
  private final List<String> notes = new ArrayList<>();

  private record Key(End a, End b, int port, String protocol) {}

  /** A group before it is numbered. */
  private record Draft(String name, String app, List<End> members, long internal, long external) {}

  private DependencyGraph(Snapshot s, Topology t, DependencyOptions o) {
    this.flowLogs = s.flowLogs();
    this.snapshot = s;
    this.options = o;
    this.topology = t;
    Pseudograph<End, Edge> g = new Pseudograph<>(null, null, false);
    this.graph = new AsUnmodifiableGraph<>(g);
    if (flowLogs == null) {
      edges = List.of();
      groups = List.of();
      talkers = List.of();
      groupLinks = List.of();
      return;
    }
    edges = aggregate(g);
    edges.forEach(e -> {
      if (e.a().isItem()) {
        items.putIfAbsent(e.a().id(), e.a());
      }
      if (e.b().isItem()) {
        items.putIfAbsent(e.b().id(), e.b());
      }
    });
    talkers = rankTalkers();
    groups = groups(o);
    groups.forEach(gr -> gr.members().forEach(m -> groupOfItem.put(m.id(), gr)));
    groupLinks = linkGroups();
    notes(s);
  }

  /**
   * The dependency graph of a snapshot's flow logs.
   *
   * @param topology the snapshot indexed (links of instances to groups, Aurora members to clusters), or null to
   *                 index it here when needed; the graph of an index (of this snapshot) is built once per options and
   *                 kept with the index
   */
  public static DependencyGraph of(Snapshot snapshot, Topology topology, DependencyOptions options) {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(options, "options");
    if (topology != null && topology.snapshot() == snapshot) {
      // Built once per index and options: the what-if and the reports of one run read the same graph.
      return topology.derived(options, DependencyGraph.class, t -> new DependencyGraph(snapshot, t, options));
    }
    return new DependencyGraph(snapshot, topology, options);
  }

  /** The dependency graph with the default options. */
  public static DependencyGraph of(Snapshot snapshot) {
    Topology t = Topology.of(snapshot);
    return of(t.snapshot(), t, DependencyOptions.DEFAULTS);
  }

  // ------------------------------------------------------------------ building

  private synchronized Attribution attribution() {
    if (attribution == null) {
      attribution = new Attribution(snapshot, topology == null ? Topology.of(snapshot) : topology, options);
      topology = null; // only the attribution needs it
    }
    return attribution;
  }

  private List<Edge> aggregate(Pseudograph<End, Edge> g) {
    Attribution attribution = attribution();
    Map<Key, long[]> sums = new HashMap<>();
    long skipped = 0;
    for (FlowLogs.Pair p : flowLogs.pairs()) {
      End src = attribution.of(p.srcAddr());
      End dst = attribution.of(p.dstAddr());
      if (src == null || dst == null) {
        skipped++;
        continue;
      }
      boolean forward = src.compareTo(dst) <= 0;
      Key k = forward ? new Key(src, dst, p.port(), p.protocol()) : new Key(dst, src, p.port(), p.protocol());
      // bytes a->b, bytes b->a, packets, flows, peak a->b, peak b->a
      long[] v = sums.computeIfAbsent(k, x -> new long[6]);
      v[forward ? 0 : 1] += p.bytes();
      v[2] += p.packets();
      v[3] += p.flows();
      v[forward ? 4 : 5] += p.peakHourBytes();
      long[] d = directed.computeIfAbsent(src, x -> new HashMap<>()).computeIfAbsent(dst, x -> new long[2]);
      d[0] += p.bytes();
      d[1] += p.peakHourBytes();
    }
    if (skipped > 0) {
      notes.add(skipped + " address pairs left out: an address is not IPv4");
    }
    List<Key> keys = new ArrayList<>(sums.keySet());
    keys.sort(Comparator.comparing(Key::a).thenComparing(Key::b).thenComparingInt(Key::port)
        .thenComparing(Key::protocol));
    List<Edge> out = new ArrayList<>(keys.size());
    for (Key k : keys) {
      long[] v = sums.get(k);
      Edge e = new Edge(k.a(), k.b(), k.port(), k.protocol(), new TwoWay(v[0], v[1]), v[2], v[3],
          new TwoWay(v[4], v[5]));
      g.addVertex(e.a());
      g.addVertex(e.b());
      g.addEdge(e.a(), e.b(), e);
      out.add(e);
    }
    return Collections.unmodifiableList(out);
  }

  private List<Talker> rankTalkers() {
    List<Talker> out = new ArrayList<>();
    for (End v : graph.vertexSet()) {
      long sent = 0;
      long received = 0;
      long flows = 0;
      Set<End> peers = new HashSet<>();
      for (Edge e : graph.edgesOf(v)) {
        flows += e.flows();
        if (e.isLoop()) {
          continue;
        }
        boolean isA = e.a().equals(v);
        sent += isA ? e.bytes().aToB() : e.bytes().bToA();
        received += isA ? e.bytes().bToA() : e.bytes().aToB();
        peers.add(isA ? e.b() : e.a());
      }
      out.add(new Talker(v, sent, received, flows, peers.size()));
    }
    out.sort(Comparator.comparingLong(Talker::bytes).reversed().thenComparing(Talker::end));
    return Collections.unmodifiableList(out);
  }

  private List<Group> groups(DependencyOptions o) {
    // Items, weighted by the bytes between them (both ways, all ports); traffic within an item is no link.
    SimpleWeightedGraph<End, DefaultWeightedEdge> w = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    items.values().stream().sorted().forEach(w::addVertex);
    for (Edge e : edges) {
      if (e.a().isItem() && e.b().isItem() && !e.isLoop()) {
        DefaultWeightedEdge x = w.getEdge(e.a(), e.b());
        if (x == null) {
          x = w.addEdge(e.a(), e.b());
          w.setEdgeWeight(x, 0);
        }
        w.setEdgeWeight(x, w.getEdgeWeight(x) + e.bytes().total());
      }
    }
    Map<End, Double> internal = new HashMap<>();
    for (End v : w.vertexSet()) {
      internal.put(v, w.edgesOf(v).stream().mapToDouble(w::getEdgeWeight).sum());
    }
    Graph<End, DefaultWeightedEdge> strong = new MaskSubgraph<>(w, v -> false, x -> {
      double bytes = w.getEdgeWeight(x);
      double busier = Math.max(internal.get(w.getEdgeSource(x)), internal.get(w.getEdgeTarget(x)));
      return bytes < o.groupMinBytes() || bytes < o.groupMinShare() * busier;
    });

    Map<String, Set<End>> byApp = new TreeMap<>();
    List<Set<End>> untagged = new ArrayList<>();
    for (Set<End> component : new ConnectivityInspector<>(strong).connectedSets()) {
      Map<End, String> app = new HashMap<>();
      component.forEach(v -> {
        if (v.app() != null) {
          app.put(v, v.app());
        }
      });
      if (app.isEmpty()) {
        untagged.add(new TreeSet<>(component));
        continue;
      }
      spreadTags(strong, component, app);
      app.forEach((v, a) -> byApp.computeIfAbsent(a, x -> new TreeSet<>()).add(v));
    }

    List<Set<End>> sets = new ArrayList<>(byApp.values());
    List<String> apps = new ArrayList<>(byApp.keySet());
    sets.addAll(untagged);
    untagged.forEach(u -> apps.add(null));
    List<Draft> drafts = drafts(sets, apps);
    drafts.sort(Comparator.comparingLong((Draft d) -> d.internal + d.external).reversed()
        .thenComparing(Draft::name));
    List<Group> out = new ArrayList<>();
    for (Draft d : drafts) {
      out.add(new Group("G" + (out.size() + 1), d.name, d.app, d.members, d.internal, d.external));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Gives each untagged item of a component the application it exchanges most bytes with over strong links,
   * round by round from the tagged items outwards (ties: the application name first in order).
   */
  private static void spreadTags(Graph<End, DefaultWeightedEdge> strong, Set<End> component, Map<End, String> app) {
    boolean changed = true;
    while (changed) {
      changed = false;
      Map<End, String> round = new HashMap<>();
      for (End v : component) {
        if (app.containsKey(v)) {
          continue;
        }
        Map<String, Double> toApp = new TreeMap<>();
        for (DefaultWeightedEdge x : strong.edgesOf(v)) {
          End peer = org.jgrapht.Graphs.getOppositeVertex(strong, x, v);
          String a = app.get(peer);
          if (a != null) {
            toApp.merge(a, strong.getEdgeWeight(x), Double::sum);
          }
        }
        toApp.entrySet().stream().max(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
            .ifPresent(best -> round.put(v, best.getKey()));
      }
      if (!round.isEmpty()) {
        app.putAll(round);
        changed = true;
      }
    }
  }

  /**
   * The groups' figures in one pass over the edges (bytes among a group's members, and between them and
   * everything else) and their names: the app tag, else the busiest member's name and how many more.
   */
  private List<Draft> drafts(List<Set<End>> sets, List<String> apps) {
    Map<End, Integer> index = new HashMap<>();
    for (int i = 0; i < sets.size(); i++) {
      for (End m : sets.get(i)) {
        index.put(m, i);
      }
    }
    long[] in = new long[sets.size()];
    long[] out = new long[sets.size()];
    for (Edge e : edges) {
      Integer a = index.get(e.a());
      Integer b = index.get(e.b());
      long bytes = e.bytes().total();
      if (a != null && a.equals(b)) {
        in[a] += bytes;
      } else {
        if (a != null) {
          out[a] += bytes;
        }
        if (b != null) {
          out[b] += bytes;
        }
      }
    }
    Map<End, Integer> rank = new HashMap<>();
    for (int i = 0; i < talkers.size(); i++) {
      rank.put(talkers.get(i).end(), i);
    }
    List<Draft> drafts = new ArrayList<>(sets.size());
    for (int i = 0; i < sets.size(); i++) {
      List<End> sorted = new ArrayList<>(new TreeSet<>(sets.get(i)));
      String name = apps.get(i);
      if (name == null) {
        End busiest = sorted.stream().min(Comparator.comparingInt((End e) -> rank.getOrDefault(e, Integer.MAX_VALUE))
            .thenComparing(Comparator.naturalOrder())).orElseThrow();
        name = sorted.size() == 1 ? busiest.name() : busiest.name() + " +" + (sorted.size() - 1);
      }
      drafts.add(new Draft(name, apps.get(i), sorted, in[i], out[i]));
    }
    return drafts;
  }

  /** Bytes between groups and the places outside them; traffic within one box is not a link. */
  private List<GroupLink> linkGroups() {
    Map<String, String> names = new HashMap<>();
    Map<List<String>, long[]> sums = new LinkedHashMap<>();
    for (Edge e : edges) {
      String a = box(e.a(), names);
      String b = box(e.b(), names);
      if (a == null || b == null || a.equals(b)) {
        continue;
      }
      boolean forward = a.compareTo(b) < 0;
      long[] v = sums.computeIfAbsent(forward ? List.of(a, b) : List.of(b, a), k -> new long[2]);
      v[forward ? 0 : 1] += e.bytes().aToB();
      v[forward ? 1 : 0] += e.bytes().bToA();
    }
    List<GroupLink> out = new ArrayList<>();
    sums.forEach((k, v) -> out.add(new GroupLink(k.get(0), names.get(k.get(0)), k.get(1), names.get(k.get(1)),
        new TwoWay(v[0], v[1]))));
    out.sort(Comparator.comparingLong((GroupLink l) -> l.bytes().total()).reversed()
        .thenComparing(GroupLink::a).thenComparing(GroupLink::b));
    return Collections.unmodifiableList(out);
  }

  /** The diagram box of an end: its group, or its kind for an end outside the groups. */
  private String box(End e, Map<String, String> names) {
    if (e.isItem()) {
      Group g = groupOfItem.get(e.id());
      names.put(g.id(), g.name());
      return g.id();
    }
    names.put(e.kind().wire(), e.kind().label());
    return e.kind().wire();
  }

  private void notes(Snapshot s) {
    FlowLogs.Counts c = flowLogs.counts();
    if (s.networkInterfaces().isEmpty()) {
      notes.add("the snapshot has no network interfaces: addresses are told apart only by VPC ranges, so no "
          + "flow is attributed to an item (collect again to read them)");
    }
    if (attribution().ambiguous() > 0) {
      notes.add(attribution().ambiguous() + " addresses are held by more than one network interface (overlapping "
          + "VPC ranges): each is attributed to the interface first by id");
    }
    if (c.skipData() > 0) {
      notes.add(c.skipData() + (c.skipData() == 1 ? " SKIPDATA record" : " SKIPDATA records") + ": AWS could not capture some traffic, so the figures are a "
          + "lower bound");
    }
    notes.add("public addresses read as internet: AWS's published service ranges (ip-ranges.json) are not bundled "
        + "(the tool works offline), so traffic to public AWS endpoints outside VPC endpoints counts as internet");
  }

  // ------------------------------------------------------------------ reading

  /** The options the graph was built with. */
  public DependencyOptions options() {
    return options;
  }

  /** True when the snapshot has flow logs (else everything here is empty). */
  public boolean measured() {
    return flowLogs != null;
  }

  /** The flow logs the graph was built from, or null. */
  public FlowLogs flowLogs() {
    return flowLogs;
  }

  /** Start of the flow-log window, or null when not measured. */
  public Instant start() {
    return flowLogs == null ? null : flowLogs.start();
  }

  /** End of the flow-log window, or null when not measured. */
  public Instant end() {
    return flowLogs == null ? null : flowLogs.end();
  }

  /** Hours the flow-log window covers (0 when not measured): divides window bytes into rates. */
  public double windowHours() {
    return flowLogs == null ? 0 : Duration.between(flowLogs.start(), flowLogs.end()).toSeconds() / 3600.0;
  }

  /** Traffic per pair of ends, service port and protocol, in end order then port. */
  public List<Edge> edges() {
    return edges;
  }

  /** The graph itself (ends as vertices, one edge per pair of ends, port and protocol; read-only). */
  public Graph<End, Edge> graph() {
    return graph;
  }

  /** The application groups, largest traffic first. */
  public List<Group> groups() {
    return groups;
  }

  /** The group of a plan item, if it appears in the flows. */
  public Optional<Group> groupOf(String itemId) {
    return Optional.ofNullable(groupOfItem.get(itemId));
  }

  /** Every end that appears in the flows, busiest first. */
  public List<Talker> talkers() {
    return talkers;
  }

  /** The {@code n} busiest ends (bytes sent and received), of any kind. */
  public List<Talker> topTalkers(int n) {
    return talkers.subList(0, Math.min(n, talkers.size()));
  }

  /** Bytes between groups and the places outside them, largest first. */
  public List<GroupLink> groupLinks() {
    return groupLinks;
  }

  /** What the reader of the figures should know about how they were made. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  /** The end an address is attributed to; empty when the text is not an IPv4 address. */
  public Optional<End> endOf(String address) {
    return Optional.ofNullable(attribution().of(address));
  }

  /** The end of a plan item (by plan item id), if any flow reached it. */
  public Optional<End> item(String itemId) {
    return Optional.ofNullable(items.get(itemId));
  }

  /** True when some flow reached the plan item (its traffic is measured, not assumed). */
  public boolean observed(String itemId) {
    return items.containsKey(itemId);
  }

  /** Bytes over the window from plan item {@code a} to {@code b} and back, all ports; zero when not seen. */
  public TwoWay bytesBetween(String itemA, String itemB) {
    End a = items.get(itemA);
    End b = items.get(itemB);
    return a == null || b == null ? TwoWay.ZERO : bytesBetween(a, b);
  }

  /** Bytes over the window from end {@code a} to {@code b} and back, all ports. */
  public TwoWay bytesBetween(End a, End b) {
    return new TwoWay(directed(a, b, 0), a.equals(b) ? 0 : directed(b, a, 0));
  }

  /**
   * Bytes in the busiest hour from plan item {@code a} to {@code b} and back: the sum of each address pair's
   * busiest hour, so an upper bound of the two items' joint peak.
   */
  public TwoWay peakBetween(String itemA, String itemB) {
    End a = items.get(itemA);
    End b = items.get(itemB);
    return a == null || b == null ? TwoWay.ZERO : peakBetween(a, b);
  }

  /** Busiest-hour bytes between two ends, each way (see {@link #peakBetween(String, String)}). */
  public TwoWay peakBetween(End a, End b) {
    return new TwoWay(directed(a, b, 1), a.equals(b) ? 0 : directed(b, a, 1));
  }

  private long directed(End from, End to, int index) {
    long[] v = directed.getOrDefault(from, Map.of()).get(to);
    return v == null ? 0 : v[index];
  }
}
