package dev.migrate.report;

import static dev.migrate.report.Cells.label;
import static dev.migrate.report.DependenciesSheet.GIB;

import dev.migrate.deps.DependencyExport;
import dev.migrate.deps.DependencyGraph;
import dev.migrate.deps.End;
import dev.migrate.deps.Group;
import dev.migrate.deps.Talker;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The App groups sheet: the application groups the measured traffic forms (a row per group), the diagram of the
 * groups and the traffic between them, and the top talkers. Small and carries a picture: built in memory.
 * Written only when the snapshot has flow logs.
 */
final class AppGroupsSheet {
  /** Rows of the top talkers list. */
  static final int TOP = 20;
  private static final int[][] WRAPPED = {{1, 24}, {2, 16}, {6, 70}};
  private static final int MAX_CHARS = 30;

  private final ReportModel m;
  private final Styles st;

  AppGroupsSheet(ReportModel m, Styles st) {
    this.m = m;
    this.st = st;
  }

  void write(XSSFSheet s) {
    DependencyGraph g = m.dependencies();
    DependencyExport.Names n = m.dependencyNames();
    var t = new Table(s, st, "App groups", String.format(Locale.ROOT, "Items that talk to each other (VPC Flow Logs, "
        + "%.0f hours; links of %s%% or more of the busier item's traffic), split by the '%s' tag. GiB.",
        g.windowHours(), new java.math.BigDecimal(Double.toString(g.options().groupMinShare() * 100))
            .stripTrailingZeros().toPlainString(), g.options().appTagKey()));
    t.header("Group", "Name", "App tag", "Items", "GiB within", "GiB outside", "Members");
    t.wrap(WRAPPED);
    for (Group gr : g.groups()) {
      Row row = t.row();
      t.text(row, 0, gr.id());
      t.text(row, 1, DependenciesSheet.name(gr, g, n));
      t.text(row, 2, gr.app() == null ? "(untagged: by traffic)" : n.app(gr.app()));
      t.num(row, 3, (double) gr.members().size(), st.integer);
      t.num(row, 4, gr.internalBytes() / GIB, st.decimal);
      t.num(row, 5, gr.externalBytes() / GIB, st.decimal);
      t.text(row, 6, String.join(", ", gr.members().stream().map(e -> DependenciesSheet.label(e, n)).toList()));
    }
    t.emptyNote(g.groups().isEmpty(), "none: no flow reached a planned item");
    int next = t.lastDataRow() + 2;
    t.finish(MAX_CHARS);

    if (!g.groups().isEmpty()) {
      int hidden = DependencyDiagram.hiddenGroups(g);
      if (hidden > 0) {
        label(s.createRow(next++), 0, "The diagram shows the " + DependencyDiagram.MAX_GROUPS + " groups with the most "
            + "traffic; " + hidden + " smaller groups are in the table above.", st.note);
      }
      // The diagram starts a page of its own, so that it is never cut in two when printed.
      s.setRowBreak(next - 1);
      next = Cells.picture(s, s.createDrawingPatriarch(), DependencyDiagram.png(g, n), 0, next) + 1;
    }

    List<Talker> top = g.topTalkers(TOP);
    label(s.createRow(next++), 0, "Top talkers (GiB over the window, traffic within an item not counted)",
        st.infoLabel);
    Row h = s.createRow(next++);
    String[] headers = {"Group", "End", "Kind", "GiB sent", "GiB received", "Peers", "Flow records"};
    // Under the groups table's columns: Group (G1), Name, App tag, Items, GiB within, GiB outside, Members.
    for (int i = 0; i < headers.length; i++) {
      label(h, i, headers[i], st.header);
    }
    for (Talker x : top) {
      Row row = s.createRow(next++);
      End e = x.end();
      label(row, 0, e.isItem() ? g.groupOf(e.id()).map(Group::id).orElse("") : "", st.text);
      label(row, 1, DependenciesSheet.name(e, n), st.text);
      label(row, 2, DependenciesSheet.kind(e), st.text);
      number(row, 3, x.bytesOut() / GIB, st.decimal);
      number(row, 4, x.bytesIn() / GIB, st.decimal);
      number(row, 5, x.peers(), st.integer);
      number(row, 6, x.flows(), st.integer);
    }
    next++;
    label(s.createRow(next++), 0, "Notes", st.infoLabel);
    for (String note : g.notes()) {
      label(s.createRow(next++), 0, n.text(note), st.text);
    }
  }

  private static void number(Row row, int col, double v, org.apache.poi.ss.usermodel.CellStyle style) {
    var c = row.createCell(col);
    c.setCellValue(v);
    c.setCellStyle(style);
  }
}
