package dev.migrate.sampledata;

import dev.migrate.inventory.FlowLogs;
import dev.migrate.inventory.NetworkInterface;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The sample estate's network: an elastic network interface for every instance, load balancer node, the
 * payments database, the availability cache's two nodes and the Tokyo NAT gateway, and one day (the access-log
 * day, 2026-11-24) of VPC Flow Logs that tell the story of the estate: CloudFront fetching from the web ALB,
 * the mobile app through the API ALB and the realtime NLB, web and API calling the caches, search and the
 * databases, MySQL and Redis replicating, Celery workers and cron doing batch work, partner calls going out
 * through the NAT gateway, an admin VPN from the office, port scanners being rejected.
 *
 * <p>Tokyo's VPC has a VPC-level flow log in the default format, delivered to S3 as one gzip file per hour
 * (header line first, as AWS writes it). The us-east-1 VPC has a flow log with a custom format (version 5
 * fields, in the order its owner chose), one file for the day. The default VPCs have none.
 *
 * <p>Simplification: each conversation is one record per direction per interface per hour, where AWS writes
 * one per aggregation interval (at most 10 minutes); the sums per hour are the same and the files six times
 * smaller. The expected reduction ({@link #expected}) is computed from the conversations, not by parsing the
 * files, so the sample is a known answer for the flow-log reader.
 */
final class FlowTraffic {
  static final String FOLDER = "flow-logs/";
  static final String CUSTOM_FIELDS = "version vpc-id subnet-id instance-id interface-id account-id type srcaddr"
      + " dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags"
      + " log-status flow-direction traffic-path";

  /** An instance of the estate, as the network sees it. */
  record Host(String instanceId, String name, String role, String region, String az, String privateIp,
      boolean running) {}

  /** Where an address is seen: its interface (null for the internet or on-premises) and its VPC. */
  private record End(String ip, Eni eni) {}

  private static final class Eni {
    String id;
    String region;
    String vpcId;
    String subnetId;
    String type = "interface";
    String privateIp;
    String publicIp;
    String kind;
    String resourceId;
    String description;
    String instanceId;
  }

  /**
   * Traffic between a client and a server port over the day.
   *
   * @param client      the client as its own interface sees itself
   * @param server      the server as its own interface sees itself
   * @param clientSeen  the client's address as the server side sees it (its public address across the internet)
   * @param serverSeen  the server's address as the client side sees it
   */
  private record Conversation(End client, End server, String clientSeen, String serverSeen, int port,
      long requestBytesPerDay, long responseBytesPerDay, double[] profile) {}

  /** The day's shape in JST hours (UTC+9): quiet nights, lunch, and the dinner-booking evening peak. */
  private static final double[] DEMAND_JST = {0.35, 0.2, 0.12, 0.08, 0.07, 0.08, 0.15, 0.35, 0.6, 0.7, 0.75,
      0.95, 1.0, 0.85, 0.75, 0.75, 0.85, 1.1, 1.6, 1.9, 1.7, 1.2, 0.8, 0.55};
  /** Batch work: nightly jobs 01:00-05:00 JST and a trickle the rest of the day. */
  private static final double[] BATCH_JST = {0.2, 1.6, 2.0, 2.0, 1.8, 1.0, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2,
      0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2};
  /** Office hours 09:00-18:00 JST (the admin VPN, the finance team). */
  private static final double[] OFFICE_JST = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6, 1, 1, 0.6, 1, 1, 1, 1, 0.8, 0.3, 0.1,
      0, 0, 0, 0};
  private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

  private final Ids ids = new Ids(TableappEstate.SEED + 1_717);
  private final SplittableRandom r = new SplittableRandom(TableappEstate.SEED + 1_718);
  private final List<Eni> enis = new ArrayList<>();
  private final List<Conversation> conversations = new ArrayList<>();
  private final Map<String, String> subnets = new TreeMap<>(); // "region|az|public" -> subnet id
  private final String tokyoVpc;
  private final String virginiaVpc;
  private final String tokyoFlowLogId;
  private final String virginiaFlowLogId;

  final SortedMap<String, String> files = new TreeMap<>();
  List<NetworkInterface> interfaces;
  FlowLogs expected;

  private FlowTraffic(String tokyoVpc, String virginiaVpc) {
    this.tokyoVpc = tokyoVpc;
    this.virginiaVpc = virginiaVpc;
    this.tokyoFlowLogId = "fl-0" + ids.hex(16);
    this.virginiaFlowLogId = "fl-0" + ids.hex(16);
  }

  /** Ids of the resources the flows run between. */
  record Resources(String webAlbArn, String apiAlbArn, String nlbArn, String legacyElbName, String[] webAlbNodeIps,
      String paymentsDb, String cache, List<String> cacheNodes) {}

  static FlowTraffic build(String tokyoVpc, String virginiaVpc, List<Host> hosts, Resources res) {
    FlowTraffic t = new FlowTraffic(tokyoVpc, virginiaVpc);
    t.model(hosts, res);
    t.write();
    return t;
  }

  /** Tokyo's VPC-level flow log: the default format, to the log bucket. */
  dev.migrate.inventory.Vpc.FlowLog tokyoFlowLog() {
    return new dev.migrate.inventory.Vpc.FlowLog(tokyoFlowLogId, tokyoVpc, "s3",
        "arn:aws:s3:::tableapp-logs/vpc-flow-logs/", "ALL", "${" + String.join("} ${",
            dev.migrate.logs.FlowLogFormat.DEFAULT_FIELDS.split(" ")) + "}");
  }

  /** us-east-1's VPC-level flow log: a custom format, to the same bucket. */
  dev.migrate.inventory.Vpc.FlowLog virginiaFlowLog() {
    return new dev.migrate.inventory.Vpc.FlowLog(virginiaFlowLogId, virginiaVpc, "s3",
        "arn:aws:s3:::tableapp-logs/vpc-flow-logs/", "ALL", "${" + String.join("} ${", CUSTOM_FIELDS.split(" ")) + "}");
  }

  // ------------------------------------------------------------------ interfaces

  private String subnet(String region, String az, boolean isPublic) {
    return subnets.computeIfAbsent(region + "|" + az + "|" + isPublic, k -> "subnet-0" + ids.hex(16));
  }

  private Eni eni(String region, String az, boolean isPublic, String ip, String kind, String resourceId,
      String description) {
    Eni e = new Eni();
    e.id = "eni-0" + ids.hex(16);
    ip = free(ip);
    e.region = region;
    e.vpcId = TableappEstate.TOKYO.equals(region) ? tokyoVpc : virginiaVpc;
    e.subnetId = subnet(region, az, isPublic);
    e.privateIp = ip;
    e.kind = kind;
    e.resourceId = resourceId;
    e.description = description;
    enis.add(e);
    return e;
  }

  private final java.util.Set<String> used = new java.util.HashSet<>();

  /**
   * The address, or the next free one in its /24: the estate's instance addresses were drawn per subnet and a few
   * repeat, which no VPC allows.
   */
  private String free(String ip) {
    String prefix = ip.substring(0, ip.lastIndexOf('.') + 1);
    int host = Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
    while (!used.add(prefix + host)) {
      host = host >= 250 ? 4 : host + 1;
    }
    return prefix + host;
  }

  /** Public subnets: 10.0.101-103.0/24 in Tokyo (zones a, c, d). */
  private static String publicIp(String az, int host) {
    int subnet = az.endsWith("a") ? 101 : az.endsWith("c") ? 102 : 103;
    return "10.0." + subnet + "." + host;
  }

  private static String lbId(String arn) {
    return arn.substring(arn.indexOf("loadbalancer/") + "loadbalancer/".length());
  }

  private void model(List<Host> hosts, Resources res) {
    Map<String, End> byName = new LinkedHashMap<>();
    Map<String, List<End>> byRole = new TreeMap<>();
    for (Host h : hosts) {
      Eni e = eni(h.region(), h.az(), false, h.privateIp(), "ec2", h.instanceId(), "");
      e.instanceId = h.instanceId();
      if ("webhook".equals(h.role())) {
        e.publicIp = "3.91.204.17";
      } else if ("relay".equals(h.role())) {
        e.publicIp = "54.87.131.208";
      }
      if (h.running()) {
        End end = new End(e.privateIp, e);
        byName.put(h.name() + "|" + h.privateIp(), end);
        byRole.computeIfAbsent(h.role() + (h.name().contains("legacy") ? "-legacy" : ""), k -> new ArrayList<>())
            .add(end);
      }
    }
    String tk = TableappEstate.TOKYO;
    String[] zones = {"ap-northeast-1a", "ap-northeast-1c", "ap-northeast-1d"};
    List<End> webAlb = new ArrayList<>();
    List<End> apiAlb = new ArrayList<>();
    String[] apiAlbPublic = {"54.178.23.140", "18.182.77.9", "52.68.112.230"};
    for (int z = 0; z < 3; z++) {
      Eni w = eni(tk, zones[z], true, publicIp(zones[z], 20 + z * 7), "elb", res.webAlbArn(),
          "ELB " + lbId(res.webAlbArn()));
      w.publicIp = res.webAlbNodeIps()[z];
      webAlb.add(new End(w.privateIp, w));
      Eni a = eni(tk, zones[z], true, publicIp(zones[z], 40 + z * 5), "elb", res.apiAlbArn(),
          "ELB " + lbId(res.apiAlbArn()));
      a.publicIp = apiAlbPublic[z];
      apiAlb.add(new End(a.privateIp, a));
    }
    List<End> nlb = new ArrayList<>();
    for (int z = 0; z < 2; z++) {
      Eni n = eni(tk, zones[z], true, publicIp(zones[z], 60 + z), "elb", res.nlbArn(), "ELB " + lbId(res.nlbArn()));
      n.type = "network_load_balancer";
      n.publicIp = z == 0 ? "35.75.140.66" : "57.180.12.201";
      nlb.add(new End(n.privateIp, n));
    }
    List<End> legacy = new ArrayList<>();
    for (int z = 0; z < 2; z++) {
      Eni c = eni(tk, zones[z], true, publicIp(zones[z], 80 + z), "elb", res.legacyElbName(),
          "ELB " + res.legacyElbName());
      c.publicIp = z == 0 ? "52.197.40.18" : "13.230.9.155";
      legacy.add(new End(c.privateIp, c));
    }
    Eni natEni = eni(tk, zones[0], true, publicIp(zones[0], 10), "nat-gateway", null, null);
    String natId = "nat-0" + ids.hex(16);
    natEni.resourceId = natId;
    natEni.description = "Interface for NAT Gateway " + natId;
    natEni.type = "nat_gateway";
    natEni.publicIp = "52.199.5.77";
    End nat = new End(natEni.privateIp, natEni);
    // RDS writes "RDSNetworkInterface" and nothing else; the payments database is the only DB instance in
    // the VPC, so the collector can tell the interface is its.
    Eni dbEni = eni(tk, zones[0], false, "10.0.1.200", "rds", res.paymentsDb(), "RDSNetworkInterface");
    End db = new End(dbEni.privateIp, dbEni);
    List<End> cacheNodes = new ArrayList<>();
    for (int i = 0; i < res.cacheNodes().size(); i++) {
      Eni c = eni(tk, zones[i], false, i == 0 ? "10.0.1.220" : "10.0.2.220", "elasticache", res.cache(),
          "ElastiCache " + res.cacheNodes().get(i));
      cacheNodes.add(new End(c.privateIp, c));
    }
    End cachePrimary = cacheNodes.get(0);

    End[] cloudFront = {internet("130.176.212.10"), internet("130.176.212.88"), internet("64.252.86.71")};
    End[] carriers = {internet("126.36.201.14"), internet("49.98.154.210"), internet("1.66.97.35"),
        internet("106.181.8.62"), internet("60.67.112.149"), internet("153.231.40.2")};
    End partnerApi = internet("198.51.100.80");
    End office1 = internet("192.168.10.21");
    End office2 = internet("192.168.10.34");

    List<End> web = byRole.get("web");
    List<End> api = byRole.get("api");
    List<End> realtime = byRole.get("realtime");
    List<End> workers = byRole.get("worker");
    List<End> legacyApi = byRole.get("api-legacy");
    End redis1 = byRole.get("redis").get(0);
    End redis2 = byRole.get("redis").get(1);
    End mc1 = byRole.get("memcached").get(0);
    End mc2 = byRole.get("memcached").get(1);
    End mysql1 = byRole.get("mysql").get(0);
    End mysql2 = byRole.get("mysql").get(1);
    End mysql3 = byRole.get("mysql").get(2);
    List<End> search = byRole.get("search");
    End cron = byRole.get("cron").get(0);
    End bastion = byRole.get("bastion").get(0);
    bastionEni = bastion.eni();
    End metabase = byRole.get("analytics").get(0);
    End reporting = byRole.get("reporting").get(0);
    End recsys = byRole.get("ml").get(0);
    End relay = byRole.get("relay").get(0);
    End webhooks = byRole.get("webhook").get(0);
    final long mb = 1_000_000L;

    // CloudFront origin fetches for the site reach the web ALB's nodes; the ALB forwards to the web fleet.
    for (int z = 0; z < 3; z++) {
      talk(cloudFront[z], webAlb.get(z), 443, 9 * mb, 120 * mb, DEMAND_JST);
    }
    for (int i = 0; i < web.size(); i++) {
      talk(webAlb.get(i % 3), web.get(i), 80, 4 * mb, 40 * mb, DEMAND_JST);
    }
    // The mobile app: carriers' NAT addresses to the API ALB, the ALB to the API fleet on 8000.
    for (int c = 0; c < carriers.length; c++) {
      talk(carriers[c], apiAlb.get(c % 3), 443, 380 * mb, 4_100 * mb, DEMAND_JST);
    }
    for (int i = 0; i < api.size(); i++) {
      talk(apiAlb.get(i % 3), api.get(i), 8000, 260 * mb, 3_000 * mb, DEMAND_JST);
    }
    // Realtime: carriers to the NLB (TLS 443), the NLB to the realtime fleet on 8080, which reads availability.
    for (int c = 0; c < 4; c++) {
      talk(carriers[c], nlb.get(c % 2), 443, 120 * mb, 1_900 * mb, DEMAND_JST);
    }
    for (int i = 0; i < realtime.size(); i++) {
      talk(nlb.get(i), realtime.get(i), 8080, 220 * mb, 3_700 * mb, DEMAND_JST);
      talk(realtime.get(i), cachePrimary, 6379, 90 * mb, 1_400 * mb, DEMAND_JST);
    }
    // Old app versions through the classic ELB to the two legacy boxes on 8080.
    for (int z = 0; z < 2; z++) {
      talk(carriers[z + 2], legacy.get(z), 443, 8 * mb, 55 * mb, DEMAND_JST);
      talk(legacy.get(z), legacyApi.get(z), 8080, 7 * mb, 52 * mb, DEMAND_JST);
      talk(legacyApi.get(z), mysql1, 3306, 2 * mb, 24 * mb, DEMAND_JST);
    }
    // Web and API call sessions (redis), the page cache (memcached), MySQL, the payments database and,
    // the API only, search and the availability cache.
    for (End w : web) {
      talk(w, redis1, 6379, 120 * mb, 260 * mb, DEMAND_JST);
      talk(w, mc1, 11211, 60 * mb, 900 * mb, DEMAND_JST);
      talk(w, mc2, 11211, 60 * mb, 880 * mb, DEMAND_JST);
      talk(w, mysql1, 3306, 90 * mb, 1_300 * mb, DEMAND_JST);
      talk(w, db, 3306, 14 * mb, 45 * mb, DEMAND_JST);
    }
    for (End a : api) {
      talk(a, redis1, 6379, 210 * mb, 480 * mb, DEMAND_JST);
      talk(a, mc1, 11211, 130 * mb, 1_400 * mb, DEMAND_JST);
      talk(a, mc2, 11211, 130 * mb, 1_380 * mb, DEMAND_JST);
      talk(a, mysql1, 3306, 220 * mb, 2_900 * mb, DEMAND_JST);
      talk(a, db, 3306, 95 * mb, 310 * mb, DEMAND_JST);
      talk(a, cachePrimary, 6379, 140 * mb, 2_100 * mb, DEMAND_JST);
      for (End s : search) {
        talk(a, s, 9200, 35 * mb, 380 * mb, DEMAND_JST);
      }
    }
    // Replication: replicas connect to their primaries.
    talk(redis2, redis1, 6379, 20 * mb, 1_150 * mb, FLAT);
    talk(mysql2, mysql1, 3306, 30 * mb, 5_600 * mb, DEMAND_JST);
    talk(mysql3, mysql1, 3306, 30 * mb, 5_600 * mb, DEMAND_JST);
    talk(cacheNodes.get(1), cachePrimary, 6379, 10 * mb, 600 * mb, FLAT);
    // Batch: Celery workers on the broker and MySQL, partner sync out through the NAT gateway; cron at night.
    for (End w : workers) {
      talk(w, redis1, 6379, 160 * mb, 210 * mb, FLAT);
      talk(w, mysql1, 3306, 120 * mb, 650 * mb, BATCH_JST);
      talk(w, nat, 443, 70 * mb, 310 * mb, BATCH_JST);
    }
    talk(nat, partnerApi, 443, 280 * mb, 1_240 * mb, BATCH_JST);
    talk(cron, mysql1, 3306, 60 * mb, 2_200 * mb, BATCH_JST);
    talk(recsys, mysql3, 3306, 25 * mb, 2_900 * mb, BATCH_JST);
    // Metabase and the finance team's reports read the reporting replica.
    talk(metabase, mysql3, 3306, 12 * mb, 640 * mb, OFFICE_JST);
    talk(reporting, mysql3, 3306, 9 * mb, 480 * mb, BATCH_JST);
    // The admin VPN from the office: SSH to the bastion, RDP to the reporting box; the bastion reaches MySQL.
    talk(office1, bastion, 22, 6 * mb, 38 * mb, OFFICE_JST);
    talk(office2, reporting, 3389, 14 * mb, 210 * mb, OFFICE_JST);
    talk(bastion, mysql1, 3306, 2 * mb, 31 * mb, OFFICE_JST);
    // us-east-1: the webhook receiver takes partner calls and forwards them to the API ALB in Tokyo across
    // the internet; the mail relay sends through the partner's mail service.
    talk(partnerApi, webhooks, 443, 45 * mb, 12 * mb, DEMAND_JST);
    conversations.add(new Conversation(webhooks, apiAlb.get(0), webhooks.eni().publicIp, apiAlb.get(0).eni().publicIp,
        443, 40 * mb, 9 * mb, DEMAND_JST));
    talk(relay, internet("198.51.100.25"), 587, 310 * mb, 6 * mb, DEMAND_JST);

    interfaces = enis.stream().map(e -> new NetworkInterface(e.id, e.region, e.vpcId, e.subnetId, e.type,
            List.of(e.privateIp), e.publicIp == null ? List.of() : List.of(e.publicIp), e.kind, e.resourceId,
            e.description.isEmpty() ? null : e.description))
        .sorted(Comparator.comparing(NetworkInterface::id)).toList();
  }

  private static End internet(String ip) {
    return new End(ip, null);
  }

  private void talk(End client, End server, int port, long requestBytes, long responseBytes, double[] profile) {
    conversations.add(new Conversation(client, server, client.ip(), server.ip(), port, requestBytes, responseBytes,
        profile));
  }

  // ------------------------------------------------------------------ records

  /** One record line, with what it counts as. */
  private record Rec(long start, String region, String line) {}

  private final Map<String, long[]> pairs = new TreeMap<>(); // "src dst port" -> bytes, packets, flows
  private final Map<String, long[]> pairHours = new TreeMap<>(); // "src dst port" -> bytes per UTC hour
  private Eni bastionEni;
  private long minStart = Long.MAX_VALUE;
  private long maxEnd = Long.MIN_VALUE;
  private long records;
  private long accepted;
  private long rejected;
  private long noData;
  private long skipData;
  private long ipv6;

  private void write() {
    Instant day = TableappEstate.LOG_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    long day0 = day.getEpochSecond();
    List<Rec> recs = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      long hourStart = day0 + h * 3600L;
      for (Conversation c : conversations) {
        double share = share(c.profile(), h);
        long req = Math.round(c.requestBytesPerDay() * share * (0.9 + 0.2 * r.nextDouble()));
        long resp = Math.round(c.responseBytesPerDay() * share * (0.9 + 0.2 * r.nextDouble()));
        if (req == 0 && resp == 0) {
          continue;
        }
        int ephemeral = 32_768 + r.nextInt(28_000);
        long start = hourStart + r.nextInt(240);
        long end = hourStart + 3_540 + r.nextInt(60);
        long reqPackets = Math.max(1, req / 420);
        long respPackets = Math.max(1, resp / 1_380);
        // request direction: client -> server; response: server -> client; each logged at every interface
        // of the two ends, with the addresses as that interface sees them
        for (End at : new End[] {c.client(), c.server()}) {
          if (at.eni() == null) {
            continue;
          }
          boolean atClient = at == c.client();
          String clientIp = atClient ? c.client().ip() : c.clientSeen();
          String serverIp = atClient ? c.serverSeen() : c.server().ip();
          recs.add(accept(at.eni(), clientIp, serverIp, ephemeral, c.port(), req, reqPackets, start, end,
              atClient ? "egress" : "ingress"));
          recs.add(accept(at.eni(), serverIp, clientIp, c.port(), ephemeral, resp, respPackets, start, end,
              atClient ? "ingress" : "egress"));
        }
        addExpected(c.client().ip() + " " + c.serverSeen() + " " + c.port(), h, req, reqPackets);
        addExpected(c.serverSeen() + " " + c.client().ip() + " " + c.port(), h, resp, respPackets);
        if (!c.clientSeen().equals(c.client().ip()) || !c.serverSeen().equals(c.server().ip())) {
          addExpected(c.clientSeen() + " " + c.server().ip() + " " + c.port(), h, req, reqPackets);
          addExpected(c.server().ip() + " " + c.clientSeen() + " " + c.port(), h, resp, respPackets);
        }
      }
      // Port scanners knocking on the load balancers' nodes are rejected by their security groups.
      Eni scanned = enis.stream().filter(e -> "elb".equals(e.kind)).toList().get(h % 5);
      int[] scannedPorts = {22, 3389, 23};
      for (int k = 0; k < scannedPorts.length; k++) {
        int port = scannedPorts[k];
        recs.add(line(scanned, hourStart + 600 + 60 * k, "45.155.205." + (100 + h) + " " + scanned.privateIp + " "
            + (40_000 + h * 17 + port) + " " + port + " 6 1 44", hourStart + 660 + 60 * k, "REJECT", "OK",
            "ingress"));
        rejected++;
      }
      // A few phones reach the API ALB over IPv6 (its dual-stack listener): counted, left out of the pairs.
      Eni apiNode = enis.stream().filter(e -> e.description != null && e.description.contains("tableapp-api"))
          .findFirst().orElseThrow();
      recs.add(line(apiNode, hourStart + 1_200, "2400:4050:a8c1:2f00::1b " + "2406:da14:9c1:e400::3a 51234 443 6 "
          + (40 + h) + " " + (52_000 + 1_000L * h), hourStart + 1_260, "ACCEPT", "OK", "ingress"));
      ipv6++;
      // The bastion is idle at night: its interface logs NODATA intervals.
      int jst = (h + 9) % 24;
      if (jst < 7) {
        recs.add(line(bastionEni, hourStart, "- - - - - - -", hourStart + 600, "-", "NODATA", "-"));
        noData++;
      }
    }
    // One capture interval AWS could not record (SKIPDATA), on the busiest API node at the peak.
    Eni apiNode = enis.stream().filter(e -> e.description != null && e.description.contains("tableapp-api"))
        .findFirst().orElseThrow();
    recs.add(line(apiNode, day0 + 10 * 3600L + 1_800, "- - - - - - -", day0 + 10 * 3600L + 2_400, "-", "SKIPDATA",
        "-"));
    skipData++;

    // Tokyo: one default-format file per hour; us-east-1: one custom-format file for the day.
    recs.sort(Comparator.comparingLong(Rec::start).thenComparing(Rec::line));
    Map<Integer, StringBuilder> tokyo = new TreeMap<>();
    StringBuilder virginia = new StringBuilder(CUSTOM_FIELDS).append('\n');
    for (Rec rec : recs) {
      if (TableappEstate.TOKYO.equals(rec.region())) {
        tokyo.computeIfAbsent((int) ((rec.start() - day0) / 3600), k -> new StringBuilder(
            dev.migrate.logs.FlowLogFormat.DEFAULT_FIELDS + "\n")).append(rec.line()).append('\n');
      } else {
        virginia.append(rec.line()).append('\n');
      }
    }
    String tokyoFolder = FOLDER + "AWSLogs/" + TableappEstate.ACCOUNT_ID + "/vpcflowlogs/" + TableappEstate.TOKYO
        + "/2026/11/24/";
    for (Map.Entry<Integer, StringBuilder> e : tokyo.entrySet()) {
      String stamp = String.format(Locale.ROOT, "20261124T%02d05Z", e.getKey());
      files.put(tokyoFolder + TableappEstate.ACCOUNT_ID + "_vpcflowlogs_" + TableappEstate.TOKYO + "_"
          + tokyoFlowLogId + "_" + stamp + "_" + Ids.hex(r, 8) + ".log.gz", e.getValue().toString());
    }
    files.put(FOLDER + "AWSLogs/" + TableappEstate.ACCOUNT_ID + "/vpcflowlogs/" + TableappEstate.VIRGINIA
        + "/2026/11/24/" + TableappEstate.ACCOUNT_ID + "_vpcflowlogs_" + TableappEstate.VIRGINIA + "_"
        + virginiaFlowLogId + "_20261125T0000Z_" + Ids.hex(r, 8) + ".log.gz", virginia.toString());

    List<FlowLogs.Pair> out = new ArrayList<>();
    for (Map.Entry<String, long[]> e : pairs.entrySet()) {
      String[] k = e.getKey().split(" ");
      long peak = 0;
      for (long b : pairHours.get(e.getKey())) {
        peak = Math.max(peak, b);
      }
      out.add(new FlowLogs.Pair(k[0], k[1], Integer.parseInt(k[2]), "tcp", e.getValue()[0], e.getValue()[1],
          e.getValue()[2], peak));
    }
    out.sort(Comparator.comparing((FlowLogs.Pair p) -> ipKey(p.srcAddr())).thenComparing(p -> ipKey(p.dstAddr()))
        .thenComparingInt(FlowLogs.Pair::port));
    expected = new FlowLogs("files", Instant.ofEpochSecond(minStart), Instant.ofEpochSecond(maxEnd),
        new FlowLogs.Counts(records, accepted, rejected, noData, skipData, ipv6, 0, 0), out);
  }

  private static long ipKey(String ip) {
    String[] p = ip.split("\\.");
    return (Long.parseLong(p[0]) << 24) | (Long.parseLong(p[1]) << 16) | (Long.parseLong(p[2]) << 8)
        | Long.parseLong(p[3]);
  }

  private void addExpected(String key, int hour, long bytes, long packets) {
    long[] t = pairs.computeIfAbsent(key, k -> new long[3]);
    t[0] += bytes;
    t[1] += packets;
    t[2]++;
    pairHours.computeIfAbsent(key, k -> new long[24])[hour] += bytes;
  }

  private static double share(double[] profileJst, int utcHour) {
    double sum = 0;
    for (double v : profileJst) {
      sum += v;
    }
    return profileJst[(utcHour + 9) % 24] / sum;
  }

  private Rec accept(Eni at, String src, String dst, int srcPort, int dstPort, long bytes, long packets, long start,
      long end, String direction) {
    accepted++;
    return line(at, start, src + " " + dst + " " + srcPort + " " + dstPort + " 6 " + packets + " " + bytes, end,
        "ACCEPT", "OK", direction);
  }

  /** {@code middle} = srcaddr dstaddr srcport dstport protocol packets bytes (or seven "-"). */
  private Rec line(Eni at, long start, String middle, long end, String action, String status, String direction) {
    records++;
    minStart = Math.min(minStart, start);
    maxEnd = Math.max(maxEnd, end);
    String[] m = middle.split(" ");
    if (TableappEstate.TOKYO.equals(at.region)) {
      return new Rec(start, at.region, "2 " + TableappEstate.ACCOUNT_ID + " " + at.id + " " + middle + " " + start
          + " " + end + " " + action + " " + status);
    }
    // version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport
    // pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status flow-direction
    // traffic-path
    boolean data = !"-".equals(m[0]);
    String line = String.join(" ", "5", at.vpcId, at.subnetId, at.instanceId == null ? "-" : at.instanceId, at.id,
        TableappEstate.ACCOUNT_ID, data ? "IPv4" : "-", m[0], m[1], m[2], m[3], m[0], m[1], m[4], m[6], m[5],
        Long.toString(start), Long.toString(end), action, data ? "19" : "-", status, direction,
        data && "egress".equals(direction) ? "8" : "-");
    return new Rec(start, at.region, line);
  }
}
