package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * VPC Flow Logs reduced to traffic between address pairs over a window. Addresses stay addresses here; the
 * snapshot's {@link NetworkInterface}s tell which resource each one belongs to, so a re-collected inventory
 * re-attributes the same flows.
 *
 * @param source  where the records were read: {@code files}, {@code s3}, {@code cloudwatch-logs} or {@code athena}
 * @param start   start of the earliest record read
 * @param end     end of the latest record read
 * @param counts  what was read, kept and set aside
 * @param pairs   accepted IPv4 traffic per direction, address pair, service port and protocol, sorted by
 *                source, destination, port, protocol
 */
public record FlowLogs(
    @JsonProperty(required = true) String source,
    @JsonProperty(required = true) Instant start,
    @JsonProperty(required = true) Instant end,
    @JsonProperty(required = true) Counts counts,
    List<Pair> pairs) {

  public FlowLogs {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(counts, "counts");
    pairs = Lists.copy(pairs);
  }

  /**
   * @param records   flow log records read
   * @param accepted  ACCEPT records with data, summed into {@code pairs}
   * @param rejected  REJECT records (no traffic crossed, left out of {@code pairs})
   * @param noData    NODATA records (no traffic in the interval)
   * @param skipData  SKIPDATA records (records AWS could not capture: the figures are a lower bound)
   * @param ipv6      records between IPv6 addresses (left out of {@code pairs})
   * @param translated records whose packet addresses ({@code pkt-srcaddr}/{@code pkt-dstaddr}) differ from the
   *                   interface addresses (NAT gateway, load balancer), attributed by the packet addresses
   * @param malformed lines that were not flow records (counted, never fatal)
   */
  public record Counts(long records, long accepted, long rejected, long noData, long skipData, long ipv6,
      long translated, long malformed) {}

  /**
   * Traffic in one direction between two addresses.
   *
   * @param srcAddr     source IPv4 address
   * @param dstAddr     destination IPv4 address
   * @param port        the service port: the lower of source and destination port (the listening side), 0 when
   *                    the protocol has none
   * @param protocol    {@code tcp}, {@code udp}, {@code icmp}, or the IANA protocol number
   * @param bytes       bytes from source to destination over the window
   * @param packets     packets from source to destination over the window
   * @param flows       flow records summed (a proxy for connections)
   * @param peakHourBytes bytes in the busiest clock hour of the window for this pair (sums of these over pairs
   *                    are an upper bound of the pairs' joint peak)
   */
  public record Pair(
      @JsonProperty(required = true) String srcAddr,
      @JsonProperty(required = true) String dstAddr,
      int port,
      @JsonProperty(required = true) String protocol,
      long bytes,
      long packets,
      long flows,
      long peakHourBytes) {
    public Pair {
      Objects.requireNonNull(srcAddr, "srcAddr");
      Objects.requireNonNull(dstAddr, "dstAddr");
      Objects.requireNonNull(protocol, "protocol");
    }
  }
}
