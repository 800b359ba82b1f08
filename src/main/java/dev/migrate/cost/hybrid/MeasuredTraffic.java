package dev.migrate.cost.hybrid;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 */
public record MeasuredTraffic(String source, double windowHours, List<ItemFlow> flows, Map<String, String> groups) {
  public MeasuredTraffic {
    Objects.requireNonNull(source, "source");
    if (!(windowHours > 0)) {
      throw new IllegalArgumentException("windowHours must be positive, got " + windowHours);
    }
    flows = List.copyOf(flows);
    groups = Map.copyOf(groups);
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
