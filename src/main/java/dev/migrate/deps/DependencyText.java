package dev.migrate.deps;

import static dev.migrate.deps.DependencyExport.human;

import java.util.List;
import java.util.Locale;

/** The dependency graph as terminal text: the window, the groups, the top talkers, the busiest pairs, the notes. */
public final class DependencyText {
  private DependencyText() {}

  /**
   * @param top  rows of the talker and pair lists
   */
  public static String render(DependencyGraph g, DependencyOptions o, int top) {
    StringBuilder out = new StringBuilder();
    if (!g.measured()) {
      return "No VPC Flow Logs in the snapshot: no measured dependencies (read them with 'migrate logs').\n";
    }
    var fl = g.flowLogs();
    out.append(String.format(Locale.ROOT, "Measured dependencies: VPC Flow Logs %s to %s (%.0f h, %s), %d address pairs"
        + " from %d accepted records%n", fl.start(), fl.end(), g.windowHours(), fl.source(), fl.pairs().size(),
        fl.counts().accepted()));
    out.append(String.format(Locale.ROOT, "%nApplication groups (%d; items linked by at least %s of the busier item's"
        + " traffic%s, split by the '%s' tag):%n", g.groups().size(), percent(o.groupMinShare()),
        o.groupMinBytes() > 0 ? " and " + human(o.groupMinBytes()) : "", o.appTagKey()));
    for (Group gr : g.groups()) {
      out.append(String.format(Locale.ROOT, "  %-4s %-24s %3d item%s  within %10s  outside %10s  %s%n", gr.id(),
          clip(gr.name(), 24), gr.members().size(), gr.members().size() == 1 ? " " : "s", human(gr.internalBytes()), human(gr.externalBytes()),
          clip(String.join(", ", gr.members().stream().map(End::name).toList()), 60)));
    }
    List<Talker> talkers = g.topTalkers(top);
    out.append(String.format(Locale.ROOT, "%nTop talkers:%n"));
    for (Talker t : talkers) {
      End e = t.end();
      out.append(String.format(Locale.ROOT, "  %-30s %-20s sent %10s  received %10s  %4d peer%s%n", clip(e.name(), 30),
          clip(e.itemKind() != null ? e.itemKind() : e.kind().wire(), 20), human(t.bytesOut()), human(t.bytesIn()),
          t.peers(), t.peers() == 1 ? "" : "s"));
    }
    out.append(String.format(Locale.ROOT, "%nBusiest pairs:%n  %-30s %-30s %-10s %10s %10s %9s%n", "A", "B",
        "service", "A to B", "B to A", "flows"));
    g.edges().stream()
        .sorted(java.util.Comparator.comparingLong((Edge e) -> e.bytes().total()).reversed())
        .limit(top)
        .forEach(e -> out.append(String.format(Locale.ROOT, "  %-30s %-30s %-10s %10s %10s %9d%n",
            clip(e.a().name(), 30), clip(e.b().name(), 30), e.service(), human(e.bytes().aToB()),
            human(e.bytes().bToA()), e.flows())));
    out.append(String.format(Locale.ROOT, "%nNotes:%n"));
    g.notes().forEach(n -> out.append("  - ").append(n).append('\n'));
    return out.toString();
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%s%%", new java.math.BigDecimal(Double.toString(share * 100))
        .stripTrailingZeros().toPlainString());
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }
}
