package dev.migrate.sampledata;

import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.Usage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Turns the simulated days (edge traffic) and smooth demand models (API, legacy ELB, NLB,
 * uploads bucket) into {@link Usage} records with one daily point per day.
 */
final class UsageModel {
  private static final double GIB = 1024.0 * 1024 * 1024;
  /** Mobile API requests per day on day 0 (before weekday and growth factors). */
  static final int API_BASE = 5_200_000;
  /** Old app versions still calling the classic ELB, requests per day on day 0. */
  static final int LEGACY_BASE = 38_000;

  private final List<EdgeTraffic.DayTraffic> days;
  private final TableappEstate.Names names;
  private final LocalDate first = LocalDate.ofInstant(TableappEstate.WINDOW_START, ZoneOffset.UTC);

  // smooth models, one value per day
  final long[] apiRequests = new long[TableappEstate.DAYS];
  final long[] apiBytes = new long[TableappEstate.DAYS];
  final long[] apiReceived = new long[TableappEstate.DAYS];
  final double[] apiPeak = new double[TableappEstate.DAYS];
  final double[] apiLcu = new double[TableappEstate.DAYS];
  final long[] legacyRequests = new long[TableappEstate.DAYS];
  final long[] legacyBytes = new long[TableappEstate.DAYS];
  final double[] legacyPeak = new double[TableappEstate.DAYS];
  final double[] nlbGib = new double[TableappEstate.DAYS];
  final double[] nlbLcu = new double[TableappEstate.DAYS];
  final long[] uploadGets = new long[TableappEstate.DAYS];
  final double[] uploadGib = new double[TableappEstate.DAYS];
  final long[] staticOtherGets = new long[TableappEstate.DAYS];

  UsageModel(List<EdgeTraffic.DayTraffic> days, TableappEstate.Names names) {
    this.days = days;
    this.names = names;
    SplittableRandom r = new SplittableRandom(TableappEstate.SEED + 7);
    for (int d = 0; d < TableappEstate.DAYS; d++) {
      LocalDate date = first.plusDays(d);
      double[] hours = EdgeTraffic.utcHourWeights(date);
      double hourSum = java.util.Arrays.stream(hours).sum();
      double maxHourShare = java.util.Arrays.stream(hours).max().orElse(1) / hourSum;

      apiRequests[d] = EdgeTraffic.demand(API_BASE, d, date, r);
      apiBytes[d] = Math.round(apiRequests[d] * (4_700 + 120 * EdgeTraffic.gaussian(r)));
      apiReceived[d] = Math.round(apiRequests[d] * (930 + 25 * EdgeTraffic.gaussian(r)));
      apiPeak[d] = TableappEstate.round(apiRequests[d] * maxHourShare / 3600 * (1.7 + 0.08 * EdgeTraffic.gaussian(r)), 1);
      double lcu = 0;
      for (int h = 0; h < 24; h++) {
        double share = hours[h] / hourSum;
        double rps = apiRequests[d] * share / 3600;
        double processedGibPerHour = (apiBytes[d] + apiReceived[d]) * share / GIB;
        double newConnPerSec = rps * 0.22; // mobile clients reconnect after idling
        double activeConn = newConnPerSec * 65;
        lcu += max(processedGibPerHour, newConnPerSec / 25, activeConn / 3000, rps * 3 / 1000);
      }
      apiLcu[d] = TableappEstate.round(lcu, 3);

      double legacyNoise = 1 + 0.03 * EdgeTraffic.gaussian(r);
      legacyRequests[d] = Math.round(LEGACY_BASE * StrictMath.pow(0.9975, d) * EdgeTraffic.dayFactor(date) * legacyNoise);
      legacyBytes[d] = Math.round(legacyRequests[d] * (3_150 + 90 * EdgeTraffic.gaussian(r)));
      legacyPeak[d] = TableappEstate.round(legacyRequests[d] * maxHourShare / 3600 * (2.1 + 0.15 * EdgeTraffic.gaussian(r)), 1);

      double load = StrictMath.pow(EdgeTraffic.DAILY_GROWTH, d) * EdgeTraffic.dayFactor(date);
      nlbGib[d] = TableappEstate.round(7.2 * load * (1 + 0.03 * EdgeTraffic.gaussian(r)), 6);
      double nlcu = 0;
      for (int h = 0; h < 24; h++) {
        double share = hours[h] / hourSum;
        double gibPerHour = nlbGib[d] * 1.15 * share; // processed = out plus client frames in
        double activeFlows = 3_100 * share * 24 * load; // websocket connections open that hour
        double newTlsPerSec = activeFlows / 900; // reconnects every ~15 minutes
        nlcu += max(gibPerHour, newTlsPerSec / 50, activeFlows / 3000);
      }
      nlbLcu[d] = TableappEstate.round(nlcu, 3);

      uploadGets[d] = Math.round(420_000 * load * (1 + 0.03 * EdgeTraffic.gaussian(r)));
      uploadGib[d] = TableappEstate.round(uploadGets[d] * 97_000.0 / GIB, 6);
      staticOtherGets[d] = 150 + r.nextInt(120); // deploy pipeline checks, link checker
    }
  }

  private static double max(double... v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  private static double gib6(long bytes) {
    return TableappEstate.round(bytes / GIB, 6);
  }

  /** Web ALB LCU-hours of one day from its hourly requests and bytes. */
  private static double webAlbLcu(EdgeTraffic.Day alb) {
    double lcu = 0;
    for (int h = 0; h < 24; h++) {
      double rps = alb.hourRequests[h] / 3600.0;
      double gib = alb.hourBytes[h] * 1.08 / GIB; // plus request bytes
      double newConnPerSec = rps * 0.12; // CloudFront keeps its origin connections alive
      double activeConn = 160 + newConnPerSec * 20;
      lcu += max(gib, newConnPerSec / 25, activeConn / 3000, rps * 2 / 1000);
    }
    return TableappEstate.round(lcu, 3);
  }

  /** Bytes the web ALB sent to CloudFront over the window (free: AWS origin to CloudFront). */
  double originBytesOfSite() {
    return days.stream().mapToLong(d -> d.site().originBytes).sum() / GIB;
  }

  // ------------------------------------------------------------------ instances

  /** What an instance's usage depends on. */
  record InstanceSpec(String id, String name, String driver, java.time.Instant launch, double cpuBase,
      double cpuPeakRatio, boolean agent, Double memAvg, double netOutPerDay, double netInPerDay,
      int fleetSize, boolean running) {}

  List<Usage> instanceUsage(List<InstanceSpec> specs) {
    List<Usage> result = new ArrayList<>();
    double meanWeb = days.stream().mapToLong(d -> d.webAlb().requests).average().orElse(1);
    double meanApi = java.util.Arrays.stream(apiRequests).average().orElse(1);
    double meanLegacy = java.util.Arrays.stream(legacyRequests).average().orElse(1);
    double meanNlb = java.util.Arrays.stream(nlbGib).average().orElse(1);
    for (InstanceSpec s : specs) {
      if (!s.running()) {
        continue; // stopped instances report no metrics
      }
      SplittableRandom r = new SplittableRandom(TableappEstate.SEED ^ s.id().hashCode());
      List<Usage.Daily> daily = new ArrayList<>();
      double cpuSum = 0;
      double cpuMax = 0;
      double netOut = 0;
      double netIn = 0;
      int n = 0;
      LocalDate launchDay = LocalDate.ofInstant(s.launch(), ZoneOffset.UTC);
      for (int d = 0; d < TableappEstate.DAYS; d++) {
        LocalDate date = first.plusDays(d);
        if (date.isBefore(launchDay)) {
          continue;
        }
        double partial = date.equals(launchDay) ? 1 - s.launch().atZone(ZoneOffset.UTC).getHour() / 24.0 : 1;
        EdgeTraffic.Day alb = days.get(d).webAlb();
        double load;
        double out;
        double in;
        switch (s.driver()) {
          case "web" -> {
            load = alb.requests / meanWeb;
            out = alb.bytesOut * 1.03 / s.fleetSize() / GIB + 0.08;
            in = alb.bytesIn / (double) s.fleetSize() / GIB + out * 0.35;
          }
          case "api" -> {
            load = apiRequests[d] / meanApi;
            out = s.netOutPerDay() > 0 ? s.netOutPerDay() * load : apiBytes[d] * 1.03 / s.fleetSize() / GIB + 0.1;
            in = s.netInPerDay() > 0 ? s.netInPerDay() * load : apiReceived[d] / (double) s.fleetSize() / GIB + out * 0.5;
          }
          case "legacy" -> {
            load = legacyRequests[d] / meanLegacy;
            out = legacyBytes[d] * 1.03 / s.fleetSize() / GIB + 0.02;
            in = out * 0.4;
          }
          case "realtime" -> {
            load = nlbGib[d] / meanNlb;
            out = nlbGib[d] * 1.02 / s.fleetSize() + 0.05;
            in = out * 0.3;
          }
          case "batch" -> {
            load = 1 + 0.12 * EdgeTraffic.gaussian(r);
            out = s.netOutPerDay() * load;
            in = s.netInPerDay() * load;
          }
          default -> {
            load = 1 + 0.05 * EdgeTraffic.gaussian(r);
            out = s.netOutPerDay() * load;
            in = s.netInPerDay() * load;
          }
        }
        double avg = Math.max(0.2, s.cpuBase() * (0.55 + 0.45 * load) * (1 + 0.05 * EdgeTraffic.gaussian(r)));
        double max = Math.min(99.6, Math.max(avg * 1.2, avg * s.cpuPeakRatio() * (1 + 0.08 * EdgeTraffic.gaussian(r))));
        avg = TableappEstate.round(avg, 1);
        max = TableappEstate.round(max, 1);
        out = TableappEstate.round(out * partial, 3);
        in = TableappEstate.round(in * partial, 3);
        daily.add(new Usage.Daily(date, null, out, avg, max, null));
        cpuSum += avg;
        cpuMax = Math.max(cpuMax, max);
        netOut += out;
        netIn += in;
        n++;
      }
      double cpuAvg = TableappEstate.round(cpuSum / n, 1);
      double p95 = TableappEstate.round(Math.max(cpuAvg * 1.1,
          Math.min(cpuMax * 0.9, cpuAvg * (1 + 0.4 * (s.cpuPeakRatio() - 1)))), 1);
      Double memAvg = s.agent() ? TableappEstate.round(s.memAvg() + 1.5 * EdgeTraffic.gaussian(r), 1) : null;
      Double memP95 = s.agent() ? TableappEstate.round(memAvg + 2.5 + 2 * r.nextDouble(), 1) : null;
      result.add(new Usage(s.id(), "ec2", "cloudwatch", cpuAvg, p95, cpuMax, memAvg, memP95,
          TableappEstate.round(netIn, 3), TableappEstate.round(netOut, 3), null, null, null, null, null,
          null, null, daily));
    }
    return result;
  }

  // ------------------------------------------------------------------ managed databases and caches

  /**
   * What a managed database's or cache's usage depends on: CPU and network follow the mobile API's
   * demand day by day (the app's requests are what query it); the other figures are the window's.
   *
   * @param kind     rds (DB instance) or elasticache (cache id)
   * @param metrics  the window's datastore figures, as CloudWatch reports them
   */
  record DatastoreSpec(String id, String kind, double cpuBase, double cpuPeakRatio, double netOutPerDay,
      double netInPerDay, DatastoreMetrics metrics) {}

  List<Usage> datastoreUsage(List<DatastoreSpec> specs) {
    List<Usage> result = new ArrayList<>();
    double meanApi = java.util.Arrays.stream(apiRequests).average().orElse(1);
    for (DatastoreSpec s : specs) {
      SplittableRandom r = new SplittableRandom(TableappEstate.SEED ^ s.id().hashCode());
      List<Usage.Daily> daily = new ArrayList<>();
      double cpuSum = 0;
      double cpuMax = 0;
      double netOut = 0;
      double netIn = 0;
      for (int d = 0; d < TableappEstate.DAYS; d++) {
        double load = apiRequests[d] / meanApi;
        double avg = TableappEstate.round(s.cpuBase() * (0.55 + 0.45 * load) * (1 + 0.05 * EdgeTraffic.gaussian(r)), 1);
        double max = TableappEstate.round(Math.min(99.6,
            avg * s.cpuPeakRatio() * (1 + 0.08 * EdgeTraffic.gaussian(r))), 1);
        double out = TableappEstate.round(s.netOutPerDay() * load, 3);
        double in = TableappEstate.round(s.netInPerDay() * load, 3);
        daily.add(new Usage.Daily(first.plusDays(d), null, out, avg, max, null));
        cpuSum += avg;
        cpuMax = Math.max(cpuMax, max);
        netOut += out;
        netIn += in;
      }
      double cpuAvg = TableappEstate.round(cpuSum / TableappEstate.DAYS, 1);
      double p95 = TableappEstate.round(Math.max(cpuAvg * 1.1,
          Math.min(cpuMax * 0.9, cpuAvg * (1 + 0.4 * (s.cpuPeakRatio() - 1)))), 1);
      Double hitRatio = s.metrics().hitRatio() == null ? null : TableappEstate.round(s.metrics().hitRatio(), 4);
      result.add(new Usage(s.id(), s.kind(), "cloudwatch", cpuAvg, p95, cpuMax, null, null,
          TableappEstate.round(netIn, 3), TableappEstate.round(netOut, 3), null, null, null, null, hitRatio,
          null, null, daily, s.metrics()));
    }
    return result;
  }

  // ------------------------------------------------------------------ load balancers

  List<Usage> loadBalancerUsage() {
    List<Usage> out = new ArrayList<>();
    // web ALB: from the simulation, which the shipped access logs match.
    {
      List<Usage.Daily> daily = new ArrayList<>();
      long req = 0;
      double gib = 0;
      double lcu = 0;
      double peak = 0;
      for (EdgeTraffic.DayTraffic d : days) {
        EdgeTraffic.Day a = d.webAlb();
        double g = gib6(a.bytesOut);
        daily.add(new Usage.Daily(a.date, a.requests, g, null, null, (double) a.peakRps()));
        req += a.requests;
        gib += g;
        lcu += webAlbLcu(a);
        peak = Math.max(peak, a.peakRps());
      }
      out.add(new Usage(names.webAlbArn(), "elb", "both", null, null, null, null, null, null, null, req,
          TableappEstate.round(gib, 6), TableappEstate.round(lcu, 3), peak, null, null, null, daily));
    }
    out.add(lbUsage(names.apiAlbArn(), apiRequests, apiBytes, apiPeak, apiLcu));
    out.add(lbUsage(names.legacyElbName(), legacyRequests, legacyBytes, legacyPeak, null));
    {
      List<Usage.Daily> daily = new ArrayList<>();
      double gib = 0;
      double lcu = 0;
      for (int d = 0; d < TableappEstate.DAYS; d++) {
        daily.add(new Usage.Daily(first.plusDays(d), null, nlbGib[d], null, null, null));
        gib += nlbGib[d];
        lcu += nlbLcu[d];
      }
      out.add(new Usage(names.realtimeNlbArn(), "elb", "cloudwatch", null, null, null, null, null, null,
          null, null, TableappEstate.round(gib, 6), TableappEstate.round(lcu, 3), null, null, null, null, daily));
    }
    return out;
  }

  private Usage lbUsage(String id, long[] requests, long[] bytes, double[] peak, double[] lcuPerDay) {
    List<Usage.Daily> daily = new ArrayList<>();
    long req = 0;
    double gib = 0;
    double lcu = 0;
    double maxPeak = 0;
    for (int d = 0; d < TableappEstate.DAYS; d++) {
      double g = gib6(bytes[d]);
      daily.add(new Usage.Daily(first.plusDays(d), requests[d], g, null, null, peak[d]));
      req += requests[d];
      gib += g;
      lcu += lcuPerDay == null ? 0 : lcuPerDay[d];
      maxPeak = Math.max(maxPeak, peak[d]);
    }
    return new Usage(id, "elb", "cloudwatch", null, null, null, null, null, null, null, req,
        TableappEstate.round(gib, 6), lcuPerDay == null ? null : TableappEstate.round(lcu, 3), maxPeak, null,
        null, null, daily);
  }

  // ------------------------------------------------------------------ CloudFront

  List<Usage> distributionUsage() {
    return List.of(distribution(names.siteDistributionId(), true), distribution(names.staticDistributionId(), false));
  }

  private Usage distribution(String id, boolean site) {
    List<Usage.Daily> daily = new ArrayList<>();
    long req = 0;
    long hits = 0;
    double gib = 0;
    double peak = 0;
    long[] geoReq = new long[EdgeTraffic.GEOS.size()];
    long[] geoBytes = new long[EdgeTraffic.GEOS.size()];
    for (EdgeTraffic.DayTraffic d : days) {
      EdgeTraffic.Day x = site ? d.site() : d.stat();
      double g = gib6(x.bytesOut);
      daily.add(new Usage.Daily(x.date, x.requests, g, null, null, (double) x.peakRps()));
      req += x.requests;
      hits += x.hits;
      gib += g;
      peak = Math.max(peak, x.peakRps());
      for (int i = 0; i < geoReq.length; i++) {
        geoReq[i] += x.geoRequests[i];
        geoBytes[i] += x.geoBytes[i];
      }
    }
    Map<String, Long> byGeo = new TreeMap<>();
    Map<String, Double> bytesByGeo = new TreeMap<>();
    for (int i = 0; i < geoReq.length; i++) {
      if (geoReq[i] > 0) {
        byGeo.put(EdgeTraffic.GEOS.get(i), geoReq[i]);
        bytesByGeo.put(EdgeTraffic.GEOS.get(i), gib6(geoBytes[i]));
      }
    }
    return new Usage(id, "cloudfront", "both", null, null, null, null, null, null, null, req,
        TableappEstate.round(gib, 6), null, peak, TableappEstate.round(hits / (double) req, 4), byGeo, bytesByGeo,
        daily);
  }

  // ------------------------------------------------------------------ S3

  List<Usage> bucketUsage() {
    List<Usage.Daily> staticDaily = new ArrayList<>();
    List<Usage.Daily> uploadsDaily = new ArrayList<>();
    long staticReq = 0;
    double staticGib = 0;
    long upReq = 0;
    double upGib = 0;
    for (int d = 0; d < TableappEstate.DAYS; d++) {
      EdgeTraffic.Day b = days.get(d).staticBucket();
      long gets = b.requests + staticOtherGets[d];
      double g = gib6(b.bytesOut + staticOtherGets[d] * 2_000L);
      staticDaily.add(new Usage.Daily(b.date, gets, g, null, null, null));
      staticReq += gets;
      staticGib += g;
      uploadsDaily.add(new Usage.Daily(first.plusDays(d), uploadGets[d], uploadGib[d], null, null, null));
      upReq += uploadGets[d];
      upGib += uploadGib[d];
    }
    return List.of(
        new Usage(names.staticBucket(), "s3", "cloudwatch", null, null, null, null, null, null, null, staticReq,
            TableappEstate.round(staticGib, 6), null, null, null, null, null, staticDaily),
        new Usage(names.uploadsBucket(), "s3", "cloudwatch", null, null, null, null, null, null, null, upReq,
            TableappEstate.round(upGib, 6), null, null, null, null, null, uploadsDaily));
  }
}
