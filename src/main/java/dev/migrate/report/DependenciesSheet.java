package dev.migrate.report;

import dev.migrate.deps.DependencyExport;
import dev.migrate.deps.DependencyGraph;
import dev.migrate.deps.Edge;
import dev.migrate.deps.End;
import dev.migrate.deps.Group;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The Dependencies sheet: what the VPC Flow Logs measured between each pair of ends (items, the places
 * outside the estate) per service port, both directions, busiest first, with the application group of each
 * end so that a filter shows one group's traffic. Written only when the snapshot has flow logs.
 */
final class DependenciesSheet {
  /** {column, characters} of the columns that wrap. */
  private static final int[][] WRAPPED = {{0, 16}, {1, 30}, {3, 16}, {4, 30}};
  private static final int MAX_CHARS = 24;
  static final double GIB = 1L << 30;

  private final ReportModel m;
  private final Styles st;

  DependenciesSheet(ReportModel m, Styles st) {
    this.m = m;
    this.st = st;
  }

  void write(Sheet s) {
    DependencyGraph g = m.dependencies();
    DependencyExport.Names n = m.dependencyNames();
    var t = new Table(s, st, "Dependencies", String.format(Locale.ROOT, "VPC Flow Logs from %s to %s (%.0f hours) per "
        + "pair of ends and service port, busiest first; GiB over that window. Groups and notes: App groups sheet.",
        Cells.stamp(g.start()), Cells.stamp(g.end()), g.windowHours()));
    t.header("Group A", "End A", "Kind A", "Group B", "End B", "Kind B", "Service", "GiB A to B", "GiB B to A",
        "Flow records", "Busiest hour GiB A to B", "Busiest hour GiB B to A");
    t.wrap(WRAPPED);
    List<Edge> edges = g.edges().stream()
        .sorted(Comparator.comparingLong((Edge e) -> e.bytes().total()).reversed()).toList();
    for (Edge e : edges) {
      Row row = t.row();
      t.text(row, 0, group(g, e.a(), n));
      t.text(row, 1, label(e.a(), n));
      t.text(row, 2, kind(e.a()));
      t.text(row, 3, group(g, e.b(), n));
      t.text(row, 4, label(e.b(), n));
      t.text(row, 5, kind(e.b()));
      t.text(row, 6, e.service());
      t.num(row, 7, e.bytes().aToB() / GIB, st.decimal);
      t.num(row, 8, e.bytes().bToA() / GIB, st.decimal);
      t.num(row, 9, (double) e.flows(), st.integer);
      t.num(row, 10, e.peakHourBytes().aToB() / GIB, st.decimal);
      t.num(row, 11, e.peakHourBytes().bToA() / GIB, st.decimal);
    }
    t.emptyNote(edges.isEmpty(), "none: the flow logs hold no accepted IPv4 traffic");
    t.finish(MAX_CHARS);
  }

  /** The group of an item end ("G1 shop"), or "" for a place. */
  static String group(DependencyGraph g, End e, DependencyExport.Names n) {
    if (!e.isItem()) {
      return "";
    }
    return g.groupOf(e.id()).map(gr -> gr.id() + " " + name(gr, g, n)).orElse("");
  }

  static String name(Group gr, DependencyGraph g, DependencyExport.Names n) {
    return DependencyExport.groupName(g, gr.id(), gr.name(), n);
  }

  /**
   * An end's name, with its id when they differ (pseudonyms when anonymising); a place's label. A load
   * balancer's ARN is left out: its name is unique in its region and the ARN would fill the cell.
   */
  static String label(End e, DependencyExport.Names n) {
    if (!e.isInternal()) {
      return e.name();
    }
    if (e.kind() == End.Kind.UNKNOWN_IN_VPC) {
      return "unknown in " + n.id(e.id());
    }
    String id = n.id(e.id());
    String name = n.name(e.name());
    return e.name().equals(e.id()) ? id : e.id().startsWith("arn:") ? name : name + " (" + id + ")";
  }

  /** An end's name alone (pseudonym when anonymising), or a place's label. */
  static String name(End e, DependencyExport.Names n) {
    if (!e.isInternal()) {
      return e.name();
    }
    return e.kind() == End.Kind.UNKNOWN_IN_VPC ? "unknown in " + n.id(e.id()) : n.name(e.name());
  }

  /** What an end is: the item kind for items and resources, the place otherwise. */
  static String kind(End e) {
    return e.itemKind() != null ? e.itemKind() + (e.isItem() ? "" : " (not planned)") : e.kind().wire();
  }
}
