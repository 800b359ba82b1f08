package dev.migrate.logs;

import dev.migrate.inventory.FlowLogs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flow-log traffic summed per (source, destination, service port, protocol, clock hour, interface), in an
 * open-addressing table of parallel arrays so that adding a record allocates nothing.
 *
 * <p>Why the interface is part of the key: a flow between two interfaces that both have flow logs appears in
 * both logs (once at the sender, once at the receiver), with the same addresses. Summing the two would double
 * internal traffic, so {@link #pairs()} counts each (pair, port, protocol, hour) once, as the largest figure any
 * single interface logged for it; records of one interface (several connections, several capture intervals in
 * the hour) are summed. A format without {@code interface-id} puts every record under one interface (0).
 */
final class FlowTable {
  private static final int INITIAL = 1 << 10;

  private long[] addrs = new long[INITIAL]; // src << 32 | dst (IPv4 as unsigned ints)
  private int[] portProto = new int[INITIAL]; // port << 8 | protocol number; -1 marks an empty slot
  private int[] hour = new int[INITIAL]; // epoch hour of the record start
  private long[] iface = new long[INITIAL]; // 64-bit hash of the interface id
  private long[] bytes = new long[INITIAL];
  private long[] packets = new long[INITIAL];
  private long[] flows = new long[INITIAL];
  private int size;

  FlowTable() {
    Arrays.fill(portProto, -1);
  }

  int size() {
    return size;
  }

  /** Adds traffic to an entry (one flow record when {@code flowCount} is 1). */
  void add(int src, int dst, int port, int protocol, int epochHour, long ifaceHash, long b, long p, long flowCount) {
    long a = ((long) src << 32) | (dst & 0xFFFFFFFFL);
    int pp = (port << 8) | (protocol & 0xFF);
    int mask = addrs.length - 1;
    int i = slot(a, pp, epochHour, ifaceHash) & mask;
    while (portProto[i] != -1) {
      if (addrs[i] == a && portProto[i] == pp && hour[i] == epochHour && iface[i] == ifaceHash) {
        bytes[i] += b;
        packets[i] += p;
        flows[i] += flowCount;
        return;
      }
      i = (i + 1) & mask;
    }
    addrs[i] = a;
    portProto[i] = pp;
    hour[i] = epochHour;
    iface[i] = ifaceHash;
    bytes[i] = b;
    packets[i] = p;
    flows[i] = flowCount;
    if (++size * 2 > addrs.length) {
      grow();
    }
  }

  /** Adds every entry of another table. */
  void addAll(FlowTable o) {
    for (int i = 0; i < o.addrs.length; i++) {
      if (o.portProto[i] != -1) {
        int pp = o.portProto[i];
        add((int) (o.addrs[i] >>> 32), (int) o.addrs[i], pp >>> 8, pp & 0xFF, o.hour[i], o.iface[i], o.bytes[i],
            o.packets[i], o.flows[i]);
      }
    }
  }

  private static int slot(long a, int pp, int h, long f) {
    long x = a * 0x9E3779B97F4A7C15L + pp * 0xC2B2AE3D27D4EB4FL + h * 0x165667B19E3779F9L + f;
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    return (int) (x ^ (x >>> 29));
  }

  private void grow() {
    long[] oa = addrs;
    int[] opp = portProto;
    int[] oh = hour;
    long[] of = iface;
    long[] ob = bytes;
    long[] op = packets;
    long[] ofl = flows;
    int n = oa.length * 2;
    addrs = new long[n];
    portProto = new int[n];
    Arrays.fill(portProto, -1);
    hour = new int[n];
    iface = new long[n];
    bytes = new long[n];
    packets = new long[n];
    flows = new long[n];
    size = 0;
    for (int i = 0; i < oa.length; i++) {
      if (opp[i] != -1) {
        add((int) (oa[i] >>> 32), (int) oa[i], opp[i] >>> 8, opp[i] & 0xFF, oh[i], of[i], ob[i], op[i], ofl[i]);
      }
    }
  }

  /** One (pair, port, protocol, hour): the largest interface's figures. */
  private static final class Hourly {
    long bytes;
    long packets;
    long flows;
  }

  /** The pairs over the whole window, sorted by source, destination, port, protocol. */
  List<FlowLogs.Pair> pairs() {
    // (pair, port, protocol, hour) -> the largest single interface's figures
    Map<HourKey, Hourly> hourly = new HashMap<>();
    for (int i = 0; i < addrs.length; i++) {
      if (portProto[i] == -1) {
        continue;
      }
      Hourly h = hourly.computeIfAbsent(new HourKey(addrs[i], portProto[i], hour[i]), k -> new Hourly());
      h.bytes = Math.max(h.bytes, bytes[i]);
      h.packets = Math.max(h.packets, packets[i]);
      h.flows = Math.max(h.flows, flows[i]);
    }
    Map<PairKey, long[]> pairs = new HashMap<>(); // bytes, packets, flows, peak hour bytes
    for (Map.Entry<HourKey, Hourly> e : hourly.entrySet()) {
      long[] t = pairs.computeIfAbsent(new PairKey(e.getKey().addrs(), e.getKey().portProto()), k -> new long[4]);
      Hourly h = e.getValue();
      t[0] += h.bytes;
      t[1] += h.packets;
      t[2] += h.flows;
      t[3] = Math.max(t[3], h.bytes);
    }
    List<PairKey> keys = new ArrayList<>(pairs.keySet());
    keys.sort(Comparator.comparingLong((PairKey k) -> k.addrs() >>> 32)
        .thenComparingLong(k -> k.addrs() & 0xFFFFFFFFL).thenComparingInt(k -> k.portProto() >>> 8)
        .thenComparingInt(k -> k.portProto() & 0xFF));
    List<FlowLogs.Pair> out = new ArrayList<>(keys.size());
    for (PairKey k : keys) {
      long[] t = pairs.get(k);
      out.add(new FlowLogs.Pair(ipv4((int) (k.addrs() >>> 32)), ipv4((int) k.addrs()), k.portProto() >>> 8,
          protocolName(k.portProto() & 0xFF), t[0], t[1], t[2], t[3]));
    }
    return out;
  }

  private record HourKey(long addrs, int portProto, int hour) {}

  private record PairKey(long addrs, int portProto) {}

  static String ipv4(int a) {
    return ((a >>> 24) & 0xFF) + "." + ((a >>> 16) & 0xFF) + "." + ((a >>> 8) & 0xFF) + "." + (a & 0xFF);
  }

  /** IANA protocol number to the name {@link FlowLogs.Pair#protocol()} uses. */
  static String protocolName(int protocol) {
    return switch (protocol) {
      case 6 -> "tcp";
      case 17 -> "udp";
      case 1 -> "icmp";
      default -> Integer.toString(protocol);
    };
  }
}
