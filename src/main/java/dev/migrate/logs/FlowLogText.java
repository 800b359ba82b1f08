package dev.migrate.logs;

import dev.migrate.inventory.FlowLogs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Renders a {@link FlowLogReport} for the terminal (plain text, fixed-width columns, Locale.ROOT). */
public final class FlowLogText {
  private FlowLogText() {}

  /**
   * @param top  pairs listed, by bytes
   */
  public static String render(FlowLogReport r, int top) {
    StringBuilder sb = new StringBuilder();
    FlowLogs f = r.flowLogs();
    sb.append(String.format(Locale.ROOT, "VPC Flow Logs: %,d sources, %s parsed%n", r.files(),
        LogReportText.bytes(r.bytesRead())));
    for (LogReport.FileProblem p : r.fileProblems()) {
      sb.append("  problem: ").append(LogReportText.safe(p.file())).append(": ").append(LogReportText.safe(p.problem()))
          .append(String.format(Locale.ROOT, " (%,d lines read)%n", p.linesRead()));
    }
    for (LogReport.BadLine b : r.malformedSamples()) {
      sb.append(String.format(Locale.ROOT, "  malformed %s:%d: %s: %s%n", LogReportText.safe(b.file()), b.line(),
          LogReportText.safe(b.reason()), LogReportText.safe(b.text())));
    }
    if (f == null) {
      sb.append("  no flow log record was read\n");
      return sb.toString();
    }
    FlowLogs.Counts c = f.counts();
    sb.append(String.format(Locale.ROOT, "  period        %s .. %s%n", f.start(), f.end()));
    sb.append(String.format(Locale.ROOT, "  records       %,d: accepted %,d, rejected %,d, NODATA %,d, SKIPDATA %,d,"
        + " IPv6 %,d, malformed %,d%n", c.records(), c.accepted(), c.rejected(), c.noData(), c.skipData(), c.ipv6(),
        c.malformed()));
    if (c.translated() > 0) {
      sb.append(String.format(Locale.ROOT, "  translated    %,d records attributed by packet addresses"
          + " (NAT gateway, load balancer)%n", c.translated()));
    }
    if (c.skipData() > 0) {
      sb.append("  note          SKIPDATA records mean AWS could not capture some traffic: the figures are a lower bound\n");
    }
    long bytes = f.pairs().stream().mapToLong(FlowLogs.Pair::bytes).sum();
    sb.append(String.format(Locale.ROOT, "  pairs         %,d address pairs by port, %s accepted IPv4 traffic%n",
        f.pairs().size(), LogReportText.bytes(bytes)));
    List<FlowLogs.Pair> byBytes = new ArrayList<>(f.pairs());
    byBytes.sort(Comparator.comparingLong(FlowLogs.Pair::bytes).reversed());
    if (!byBytes.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "  %-17s %-17s %7s %-5s %12s %12s %8s%n", "source", "destination", "port",
          "proto", "bytes", "peak hour", "flows"));
      for (FlowLogs.Pair p : byBytes.subList(0, Math.min(top, byBytes.size()))) {
        sb.append(String.format(Locale.ROOT, "  %-17s %-17s %7d %-5s %12s %12s %,8d%n", p.srcAddr(), p.dstAddr(),
            p.port(), p.protocol(), LogReportText.bytes(p.bytes()), LogReportText.bytes(p.peakHourBytes()),
            p.flows()));
      }
    }
    return sb.toString();
  }
}
