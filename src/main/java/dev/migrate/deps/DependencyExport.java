package dev.migrate.deps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dependency graph for other tools: Graphviz DOT (groups as clusters, one line per pair of ends, port and
 * protocol) and JSON (format {@value #SCHEMA}, the same document as the {@code dependencies} block of the
 * assessment JSON). Deterministic: ends and edges in graph order, object keys sorted.
 */
public final class DependencyExport {
  /** Format name and version of the JSON document. */
  public static final String SCHEMA = "migrate.dependencies/v1";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private DependencyExport() {}

  /**
   * How identifying values are written: resource ids, names and application tag values (a report that
   * anonymises passes its pseudonyms; the places' own names, ports and figures are never changed).
   */
  public interface Names {
    /** Names as they are. */
    Names AS_IS = new Names() {};

    default String id(String id) {
      return id;
    }

    default String name(String name) {
      return name;
    }

    default String app(String app) {
      return app;
    }

    /** Free text that may contain ids and names (group names, notes). */
    default String text(String text) {
      return text;
    }
  }

  /** The key that names an end in the exports: {@code kind:id}, or the kind alone for a place (internet, ...). */
  public static String key(End e) {
    return key(e, Names.AS_IS);
  }

  private static String key(End e, Names n) {
    return switch (e.kind()) {
      case ITEM, RESOURCE, UNKNOWN_IN_VPC -> e.kind().wire() + ":" + n.id(e.id());
      default -> e.kind().wire();
    };
  }

  /** An end's id as written: places keep their kind's name. */
  private static String id(End e, Names n) {
    return e.isInternal() ? n.id(e.id()) : e.id();
  }

  /** An end's name as written: an item's or resource's name is identifying, a place's is not. */
  private static String name(End e, Names n) {
    if (!e.isInternal()) {
      return e.name();
    }
    return e.kind() == End.Kind.UNKNOWN_IN_VPC ? "unknown in " + n.id(e.id()) : n.name(e.name());
  }

  /** The JSON document, with a newline at the end. */
  public static String json(DependencyGraph g) {
    var root = new TreeMap<String, Object>();
    root.put("schema", SCHEMA);
    root.putAll(tree(g));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("in-memory JSON write failed", e);
    }
  }

  /**
   * The graph as sorted maps and lists (for the assessment JSON): {@code measured}, the window, counts, ends
   * (busiest first), edges, groups, links between groups and notes. Without flow logs: {@code measured} false
   * and nothing else.
   */
  public static Map<String, Object> tree(DependencyGraph g) {
    return tree(g, Names.AS_IS);
  }

  /** {@link #tree(DependencyGraph)} with identifying values written through {@code n}. */
  public static Map<String, Object> tree(DependencyGraph g, Names n) {
    var root = new TreeMap<String, Object>();
    root.put("measured", g.measured());
    if (!g.measured()) {
      return root;
    }
    var fl = g.flowLogs();
    var window = new TreeMap<String, Object>();
    window.put("start", fl.start().toString());
    window.put("end", fl.end().toString());
    window.put("hours", g.windowHours());
    root.put("window", window);
    root.put("source", fl.source());
    var c = fl.counts();
    var counts = new TreeMap<String, Object>();
    counts.put("records", c.records());
    counts.put("accepted", c.accepted());
    counts.put("rejected", c.rejected());
    counts.put("noData", c.noData());
    counts.put("skipData", c.skipData());
    counts.put("ipv6", c.ipv6());
    counts.put("translated", c.translated());
    counts.put("malformed", c.malformed());
    counts.put("pairs", fl.pairs().size());
    root.put("counts", counts);

    List<Object> ends = new ArrayList<>();
    for (Talker t : g.talkers()) {
      var m = new TreeMap<String, Object>();
      End e = t.end();
      m.put("key", key(e, n));
      m.put("kind", e.kind().wire());
      m.put("id", id(e, n));
      m.put("itemKind", e.itemKind());
      m.put("name", name(e, n));
      m.put("app", e.app() == null ? null : n.app(e.app()));
      m.put("group", e.isItem() ? g.groupOf(e.id()).map(Group::id).orElse(null) : null);
      m.put("bytesOut", t.bytesOut());
      m.put("bytesIn", t.bytesIn());
      m.put("flows", t.flows());
      m.put("peers", t.peers());
      ends.add(m);
    }
    root.put("ends", ends);

    List<Object> edges = new ArrayList<>();
    for (Edge e : g.edges()) {
      var m = new TreeMap<String, Object>();
      m.put("a", key(e.a(), n));
      m.put("b", key(e.b(), n));
      m.put("port", e.port());
      m.put("protocol", e.protocol());
      m.put("bytesAtoB", e.bytes().aToB());
      m.put("bytesBtoA", e.bytes().bToA());
      m.put("packets", e.packets());
      m.put("flows", e.flows());
      m.put("peakHourBytesAtoB", e.peakHourBytes().aToB());
      m.put("peakHourBytesBtoA", e.peakHourBytes().bToA());
      edges.add(m);
    }
    root.put("edges", edges);

    List<Object> groups = new ArrayList<>();
    for (Group gr : g.groups()) {
      var m = new TreeMap<String, Object>();
      m.put("id", gr.id());
      m.put("name", gr.app() != null ? n.app(gr.app()) : n.text(gr.name()));
      m.put("app", gr.app() == null ? null : n.app(gr.app()));
      m.put("items", gr.itemIds().stream().map(n::id).toList());
      m.put("internalBytes", gr.internalBytes());
      m.put("externalBytes", gr.externalBytes());
      groups.add(m);
    }
    root.put("groups", groups);

    List<Object> links = new ArrayList<>();
    for (GroupLink l : g.groupLinks()) {
      var m = new TreeMap<String, Object>();
      m.put("a", l.a());
      m.put("aName", groupName(g, l.a(), l.aName(), n));
      m.put("b", l.b());
      m.put("bName", groupName(g, l.b(), l.bName(), n));
      m.put("bytesAtoB", l.bytes().aToB());
      m.put("bytesBtoA", l.bytes().bToA());
      links.add(m);
    }
    root.put("groupLinks", links);
    root.put("notes", g.notes().stream().map(n::text).toList());
    return root;
  }

  /** A diagram box's name as written: a group's through {@code n}, a place's as it is. */
  public static String groupName(DependencyGraph g, String box, String name, Names n) {
    for (Group gr : g.groups()) {
      if (gr.id().equals(box)) {
        return gr.app() != null ? n.app(gr.app()) : n.text(gr.name());
      }
    }
    return name;
  }

  /**
   * Graphviz DOT: an undirected graph, each group a cluster of its items, the places outside the estate as
   * ellipses; each edge labelled with its service and bytes each way, its {@code weight} the bytes both ways.
   */
  public static String dot(DependencyGraph g) {
    StringBuilder out = new StringBuilder();
    out.append("// Measured dependencies (VPC Flow Logs");
    if (g.measured()) {
      out.append(", ").append(g.start()).append(" to ").append(g.end());
    }
    out.append(")\n");
    out.append("graph dependencies {\n");
    out.append("  graph [rankdir=LR, fontname=\"Helvetica\"];\n");
    out.append("  node [shape=box, fontname=\"Helvetica\"];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (Group gr : g.groups()) {
      out.append("  subgraph ").append(quote("cluster_" + gr.id())).append(" {\n");
      out.append("    label=").append(quote(gr.id() + " " + gr.name())).append(";\n");
      for (End e : gr.members()) {
        out.append("    ").append(node(e)).append(";\n");
      }
      out.append("  }\n");
    }
    for (Talker t : g.talkers()) {
      End e = t.end();
      if (!e.isItem() || g.groupOf(e.id()).isEmpty()) {
        out.append("  ").append(node(e)).append(";\n");
      }
    }
    for (Edge e : g.edges()) {
      out.append("  ").append(quote(key(e.a()))).append(" -- ").append(quote(key(e.b())))
          .append(" [label=").append(quote(e.service() + "\n" + human(e.bytes().aToB()) + " / "
              + human(e.bytes().bToA())))
          .append(", weight=").append(e.bytes().total())
          .append(", bytes_a_to_b=").append(e.bytes().aToB())
          .append(", bytes_b_to_a=").append(e.bytes().bToA())
          .append(", flows=").append(e.flows())
          .append("];\n");
    }
    out.append("}\n");
    return out.toString();
  }

  private static String node(End e) {
    String label = e.name() + (e.itemKind() == null ? "" : "\n" + e.itemKind());
    return quote(key(e)) + " [label=" + quote(label) + ", kind=" + quote(e.kind().wire())
        + (e.isInternal() ? "" : ", shape=ellipse") + "]";
  }

  /** A DOT quoted string: backslashes and quotes escaped, line breaks as {@code \n}, other control characters as spaces. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c < ' ' || c == 0x7f ? ' ' : c); // other control characters: never raw in a file
      }
    }
    return b.append('"').toString();
  }

  /** Bytes in binary units with one decimal: {@code 512 B}, {@code 1.5 KiB}, {@code 2.0 GiB}. */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
