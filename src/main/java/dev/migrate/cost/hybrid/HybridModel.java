package dev.migrate.cost.hybrid;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.Target;
import dev.migrate.plan.Tiers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One assessment indexed for the what-if engine, built once and reused by every scenario: the
 * estate grouped into move units (an item with everything folded into it), each unit's CURRENT
 * and TARGET cost split into the parts a scenario scales differently (fixed, traffic-driven,
 * on-demand compute), the traffic flows between units that cross the link when the two ends sit
 * in different clouds, and the one-off transfer cost of each bucket.
 */
public final class HybridModel {
  static final MathContext MC = MathContext.DECIMAL128;
  /** CDN cache hit ratio assumed when a distribution has no measured ratio (a typical static-heavy site). */
  static final double DEFAULT_CACHE_HIT_RATIO = 0.8;
  static final String SHARED = "(shared)";
  private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);
  /** A Google Cloud region name such as asia-northeast1 (not "global", not a multi-region). */
  private static final Pattern GCP_REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");
  /** One move unit and its cost split. Amounts are USD per month at today's traffic. */
  static final class Unit {
    final String id;
    String name;
    ItemKind kind;
    String tier = "other";
    String targetKind = "";
    String workloadKind = "";
    String awsRegion;
    /** Tags of the unit's items (only looked up by key, so a hash map). */
    final Map<String, String> tags = new HashMap<>();
    final java.util.TreeSet<String> apps = new TreeSet<>();
    int instances;
    BigDecimal curFixed = BigDecimal.ZERO;
    BigDecimal curTraffic = BigDecimal.ZERO;
    BigDecimal tgtFixed = BigDecimal.ZERO;
    BigDecimal tgtTraffic = BigDecimal.ZERO;
    /** Bill amounts no model covers (CostLine.Driver.CARRIED), as priced on each side (the same amount). */
    BigDecimal curCarried = BigDecimal.ZERO;
    BigDecimal tgtCarried = BigDecimal.ZERO;
    /** TARGET on-demand compute at list price, and the same weighted by each series' CUD/spot factor. */
    BigDecimal computeList = BigDecimal.ZERO;
    BigDecimal computeList1y = BigDecimal.ZERO;
    BigDecimal computeList3y = BigDecimal.ZERO;
    BigDecimal computeListSpot = BigDecimal.ZERO;
    /** Sustained-use discount lines (negative), which committed or spot hours do not earn. */
    BigDecimal computeSud = BigDecimal.ZERO;
    /** Bucket or database/cache data to copy out of AWS, GiB, and its AWS data-transfer-out price (null = missing). */
    BigDecimal transferGib = BigDecimal.ZERO;
    BigDecimal transferUsd;
    /** cache/db tiers: bytes sent to / received from their clients per month, GiB. */
    BigDecimal clientOutGib = BigDecimal.ZERO;
    BigDecimal clientInGib = BigDecimal.ZERO;
    /** AWS data transfer out, USD/GiB, in the unit's region; null when the price is missing. */
    BigDecimal awsRate;
    /** index of the unit's class, -1 for the shared unit */
    int classIndex = -1;
    /** Flow logs saw this unit talk to another unit: its pairs with other covered units are measured, not assumed. */
    boolean covered;
    /** Application group of the unit's items as measured from flows, or null. */
    String group;

    Unit(String id) {
      this.id = id;
      this.name = id;
    }

    String role() {
      return Topology.tag(tags, "role");
    }

    boolean isClient() {
      return tier.equals("web") || tier.equals("batch");
    }
  }

  /** The additive figures of a set of units (a class, or a scenario's group). */
  static final class Sums {
    BigDecimal curFixed = BigDecimal.ZERO;
    BigDecimal curTraffic = BigDecimal.ZERO;
    BigDecimal tgtFixed = BigDecimal.ZERO;
    BigDecimal tgtTraffic = BigDecimal.ZERO;
    BigDecimal computeList = BigDecimal.ZERO;
    BigDecimal computeList1y = BigDecimal.ZERO;
    BigDecimal computeList3y = BigDecimal.ZERO;
    BigDecimal computeListSpot = BigDecimal.ZERO;
    BigDecimal computeSud = BigDecimal.ZERO;
    BigDecimal transferUsd = BigDecimal.ZERO;
    /** cache/db traffic to and from clients, GiB, and the same weighted by the sender's AWS rate */
    BigDecimal clientOutGib = BigDecimal.ZERO;
    BigDecimal clientOutAwsUsd = BigDecimal.ZERO;
    BigDecimal clientInGib = BigDecimal.ZERO;
    BigDecimal clientInAwsUsd = BigDecimal.ZERO;
    /** the part of the cache/db client traffic whose data stores flows cover (measured toward covered clients) */
    BigDecimal coveredOutGib = BigDecimal.ZERO;
    BigDecimal coveredOutAwsUsd = BigDecimal.ZERO;
    BigDecimal coveredInGib = BigDecimal.ZERO;
    BigDecimal coveredInAwsUsd = BigDecimal.ZERO;
    /** client weight (instances of web and batch units), and the part flows do not cover */
    long clients;
    long uncoveredClients;
    int units;

    void add(Unit u) {
      curFixed = curFixed.add(u.curFixed);
      curTraffic = curTraffic.add(u.curTraffic);
      tgtFixed = tgtFixed.add(u.tgtFixed);
      tgtTraffic = tgtTraffic.add(u.tgtTraffic);
      computeList = computeList.add(u.computeList);
      computeList1y = computeList1y.add(u.computeList1y);
      computeList3y = computeList3y.add(u.computeList3y);
      computeListSpot = computeListSpot.add(u.computeListSpot);
      computeSud = computeSud.add(u.computeSud);
      if (u.transferUsd != null) {
        transferUsd = transferUsd.add(u.transferUsd);
      }
      if (u.clientOutGib.signum() != 0 || u.clientInGib.signum() != 0) {
        clientOutGib = clientOutGib.add(u.clientOutGib);
        clientInGib = clientInGib.add(u.clientInGib);
        if (u.awsRate != null) {
          clientOutAwsUsd = clientOutAwsUsd.add(u.clientOutGib.multiply(u.awsRate, MC));
          clientInAwsUsd = clientInAwsUsd.add(u.clientInGib.multiply(u.awsRate, MC));
        }
        if (u.covered) {
          coveredOutGib = coveredOutGib.add(u.clientOutGib);
          coveredInGib = coveredInGib.add(u.clientInGib);
          if (u.awsRate != null) {
            coveredOutAwsUsd = coveredOutAwsUsd.add(u.clientOutGib.multiply(u.awsRate, MC));
            coveredInAwsUsd = coveredInAwsUsd.add(u.clientInGib.multiply(u.awsRate, MC));
          }
        }
      }
      if (u.isClient()) {
        clients += Math.max(1, u.instances);
        if (!u.covered) {
          uncoveredClients += Math.max(1, u.instances);
        }
      }
      units++;
    }

    void add(Sums o) {
      curFixed = curFixed.add(o.curFixed);
      curTraffic = curTraffic.add(o.curTraffic);
      tgtFixed = tgtFixed.add(o.tgtFixed);
      tgtTraffic = tgtTraffic.add(o.tgtTraffic);
      computeList = computeList.add(o.computeList);
      computeList1y = computeList1y.add(o.computeList1y);
      computeList3y = computeList3y.add(o.computeList3y);
      computeListSpot = computeListSpot.add(o.computeListSpot);
      computeSud = computeSud.add(o.computeSud);
      transferUsd = transferUsd.add(o.transferUsd);
      clientOutGib = clientOutGib.add(o.clientOutGib);
      clientOutAwsUsd = clientOutAwsUsd.add(o.clientOutAwsUsd);
      clientInGib = clientInGib.add(o.clientInGib);
      clientInAwsUsd = clientInAwsUsd.add(o.clientInAwsUsd);
      coveredOutGib = coveredOutGib.add(o.coveredOutGib);
      coveredOutAwsUsd = coveredOutAwsUsd.add(o.coveredOutAwsUsd);
      coveredInGib = coveredInGib.add(o.coveredInGib);
      coveredInAwsUsd = coveredInAwsUsd.add(o.coveredInAwsUsd);
      clients += o.clients;
      uncoveredClients += o.uncoveredClients;
      units += o.units;
    }
  }

  /**
   * Units that every selector treats alike (same tier, role, apps, target kind and workload kind),
   * summed once so that a scenario costs O(classes), not O(units). Selection by item id splits a
   * unit out of its class.
   *
   * @param sample   one member, for its attributes
   * @param members  unit indexes, ascending
   * @param sums     the members' figures
   */
  record UnitClass(Unit sample, int[] members, Sums sums) {}

  /** What makes units alike for every selector; apps is the unit's (no longer changing) sorted set. */
  private record ClassKey(String tier, String role, Set<String> apps, String targetKind, String workloadKind) {
    String text() {
      return tier + "|" + role + "|" + apps + "|" + targetKind + "|" + workloadKind;
    }

    // Written out: a record's generated equals/hashCode go through method handles, slow on a cold JVM.
    @Override
    public boolean equals(Object o) {
      return o instanceof ClassKey k && java.util.Objects.equals(tier, k.tier) && java.util.Objects.equals(role, k.role)
          && java.util.Objects.equals(targetKind, k.targetKind) && java.util.Objects.equals(workloadKind, k.workloadKind)
          && apps.equals(k.apps);
    }

    @Override
    public int hashCode() {
      int h = java.util.Objects.hashCode(tier);
      h = 31 * h + java.util.Objects.hashCode(role);
      h = 31 * h + java.util.Objects.hashCode(targetKind);
      h = 31 * h + java.util.Objects.hashCode(workloadKind);
      return 31 * h + apps.hashCode();
    }
  }

  /**
   * Bytes a sender unit sends a receiver unit per month at today's traffic.
   *
   * @param cdn  true for a CDN's origin fetches, which scale with (1 - cache hit ratio)
   * @param missRatio  for CDN flows, measured 1 - hit ratio (or the default); 1 otherwise
   */
  record Flow(int src, int dst, BigDecimal gib, boolean cdn, BigDecimal missRatio, String what) {}

  /**
   * Bytes one unit sent another as measured by flow logs, per month at today's traffic (the window's
   * bytes scaled to the month's hours), and the pair's busiest hour as a rate.
   *
   * @param gib       GiB per month
   * @param peakGbps  the pair's busiest clock hour, Gbps (bytes x 8 / 3600 s / 1e9)
   */
  record MeasuredFlow(int src, int dst, BigDecimal gib, double peakGbps) {}

  /** Index of the on-premises site in a {@link MeasuredFlow} of {@link #onPremises(List)}. */
  static final int SITE = -1;

  /** AWS data transfer out rate of a unit's region (null = missing), for flows it sends. */
  BigDecimal awsRate(int unit) {
    return units.get(unit).awsRate;
  }

  final Assessment assessment;
  /** Hours in a billing month, as the assessment was priced ({@code --cost-option hours-per-month}). */
  final BigDecimal hoursPerMonth;
  final HybridPrices prices;
  final List<Unit> units;
  final List<UnitClass> classes;
  /** AWS regions whose data-transfer-out price is missing */
  final java.util.SortedSet<String> missingAwsRates;
  final Map<String, Integer> index;
  final int shared;
  final List<Flow> flows;
  /** Flows measured between units (both ends covered), empty without flow logs. */
  final List<MeasuredFlow> measured;
  /** Where the measured flows came from, or null without flow logs. */
  final String measuredSource;
  /** Application groups were measured (flow logs grouped the items), not taken from tags and tiers. */
  final boolean groupsMeasured;
  final String planRegion;
  final Double measuredPeakToAverage;
  final List<String> warnings;
  final boolean baseHasCommitments;
  final long monthlyRequests;
  /** Item id to the id of its move unit. */
  final Map<String, String> itemUnit;
  /** The on-premises ranges of the run ({@code --on-premises}), which a scenario uses unless it names its own. */
  final List<String> onPremisesCidrs;
  /** The flows measured with the run's options, or null without flow logs. */
  private final MeasuredTraffic traffic;
  /** Units' measured traffic with the on-premises site, per list of ranges (a scenario may name other ranges). */
  private final Map<List<String>, List<MeasuredFlow>> onPremises = new HashMap<>();

  private HybridModel(Assessment a, HybridPrices prices, List<Unit> units, int shared, List<Flow> flows,
      List<MeasuredFlow> measured, MeasuredTraffic traffic, String planRegion, Double p2a, List<String> warnings,
      boolean baseHasCommitments, Map<String, String> itemUnit) {
    this.itemUnit = itemUnit;
    this.traffic = traffic;
    this.onPremisesCidrs = a.options().onPremisesCidrs();
    this.measured = List.copyOf(measured);
    this.measuredSource = traffic == null ? null : traffic.source();
    this.groupsMeasured = traffic != null && !traffic.groups().isEmpty();
    this.assessment = a;
    this.hoursPerMonth = a.options().hoursPerMonth();
    this.prices = prices;
    this.units = List.copyOf(units);
    Map<String, Integer> idx = new HashMap<>(units.size() * 2);
    Map<ClassKey, List<Integer>> byClass = new HashMap<>();
    java.util.SortedSet<String> missing = new TreeSet<>();
    for (int i = 0; i < units.size(); i++) {
      index(units.get(i), i, i == shared, idx, byClass, missing);
    }
    // Classes in the order of their key text (and merged should two keys print alike), as reports expect.
    Map<String, List<Integer>> byKey = new TreeMap<>();
    byClass.forEach((k, members) -> byKey.merge(k.text(), members, (x, y) -> {
      List<Integer> both = new ArrayList<>(x);
      both.addAll(y);
      both.sort(null);
      return both;
    }));
    List<UnitClass> cls = new ArrayList<>();
    for (List<Integer> members : byKey.values()) {
      Sums sums = new Sums();
      int[] m = new int[members.size()];
      for (int k = 0; k < m.length; k++) {
        m[k] = members.get(k);
        addToClass(units.get(m[k]), cls.size(), sums);
      }
      cls.add(new UnitClass(units.get(m[0]), m, sums));
    }
    this.classes = List.copyOf(cls);
    this.index = idx;
    this.shared = shared;
    this.flows = List.copyOf(flows);
    this.planRegion = planRegion;
    this.measuredPeakToAverage = p2a;
    for (Flow f : flows) {
      if (units.get(f.src()).awsRate == null) {
        missing.add(units.get(f.src()).awsRegion);
      }
    }
    for (MeasuredFlow f : measured) {
      if (units.get(f.src()).awsRate == null) {
        missing.add(units.get(f.src()).awsRegion);
      }
    }
    this.missingAwsRates = java.util.Collections.unmodifiableSortedSet(missing);
    this.warnings = List.copyOf(warnings);
    this.baseHasCommitments = baseHasCommitments;
    this.monthlyRequests = a.requests() == null ? 0 : a.requests().monthlyRequests();
  }

  /** Indexes unit i by id, files it under its class key and notes a missing AWS rate it needs. */
  private static void index(Unit u, int i, boolean isShared, Map<String, Integer> idx,
      Map<ClassKey, List<Integer>> byClass, Set<String> missing) {
    idx.put(u.id, i);
    if (isShared) {
      return;
    }
    byClass.computeIfAbsent(new ClassKey(u.tier, u.role(), u.apps, u.targetKind, u.workloadKind),
        k -> new ArrayList<>()).add(i);
    if (u.awsRate == null && (u.clientOutGib.signum() != 0 || u.clientInGib.signum() != 0)) {
      missing.add(u.awsRegion);
    }
  }

  private static void addToClass(Unit u, int classIndex, Sums sums) {
    u.classIndex = classIndex;
    sums.add(u);
  }

  /** Indexes an assessment with the link, transfer and factor prices of the bundled price book. */
  public static HybridModel of(Assessment a) {
    return of(a, HybridPrices.bundled());
  }

  /** Indexes an assessment with the link, transfer and factor prices of the book the assessment was priced with. */
  public static HybridModel of(Assessment a, dev.migrate.pricing.PriceBook book) {
    return of(a, HybridPrices.of(book));
  }

  /**
   * Indexes an assessment with the given prices; when its snapshot has VPC Flow Logs, the traffic they
   * measured between items replaces the assumptions where it covers both ends of a pair.
   */
  public static HybridModel of(Assessment a, HybridPrices prices) {
    return new Builder(a, prices, MeasuredTraffic.of(a.topology(), dependencyOptions(a, a.options().onPremisesCidrs())))
        .build();
  }

  /** How the dependency graph reads the flows: the assessment's application tag, and these on-premises ranges. */
  private static dev.migrate.deps.DependencyOptions dependencyOptions(Assessment a, List<String> onPremisesCidrs) {
    return dev.migrate.deps.DependencyOptions.DEFAULTS.withAppTagKey(a.options().appTagKey())
        .withOnPremises(onPremisesCidrs);
  }

  /**
   * Each unit's measured traffic with the on-premises site the ranges declare, per month at today's traffic: flows
   * from a unit to {@link #SITE} and from the site to a unit (the shared unit's and unknown items' left out); empty
   * without flow logs or ranges. The run's ranges reuse its flows; other ranges attribute the flow logs again (once).
   */
  synchronized List<MeasuredFlow> onPremises(List<String> cidrs) {
    if (cidrs.isEmpty()) {
      return List.of();
    }
    return onPremises.computeIfAbsent(List.copyOf(cidrs), k -> {
      MeasuredTraffic t = k.equals(onPremisesCidrs) && traffic != null ? traffic
          : assessment.snapshot().flowLogs() == null ? null
          : MeasuredTraffic.of(assessment.topology(), dependencyOptions(assessment, k));
      if (t == null) {
        return List.of();
      }
      BigDecimal perMonth = hoursPerMonth.divide(BigDecimal.valueOf(t.windowHours()), MC);
      // key: unit index x 2 + direction (0: unit to the site, 1: site to the unit), sorted for a stable order
      Map<Integer, BigDecimal> gib = new TreeMap<>();
      Map<Integer, Double> peak = new HashMap<>();
      for (MeasuredTraffic.ItemFlow f : t.onPremises()) {
        boolean toSite = f.dstItem().equals(MeasuredTraffic.ON_PREMISES);
        String unit = itemUnit.get(toSite ? f.srcItem() : f.dstItem());
        if (unit == null || unit.equals(SHARED) || f.bytes() <= 0) {
          continue;
        }
        int key = index.get(unit) * 2 + (toSite ? 0 : 1);
        gib.merge(key, BigDecimal.valueOf(f.bytes()).divide(GIB, MC).multiply(perMonth, MC), BigDecimal::add);
        peak.merge(key, f.peakHourBytes() * 8.0 / 3600 / 1e9, Double::sum);
      }
      List<MeasuredFlow> out = new ArrayList<>();
      gib.forEach((key, g) -> out.add(key % 2 == 0 ? new MeasuredFlow(key / 2, SITE, g, peak.get(key))
          : new MeasuredFlow(SITE, key / 2, g, peak.get(key))));
      return List.copyOf(out);
    });
  }

  /**
   * Indexes an assessment with the prices of {@code book} and traffic measured between its items
   * (null when no flows were measured): crossing traffic between units the flows cover is then
   * priced from the measurement instead of the assumptions.
   */
  public static HybridModel of(Assessment a, dev.migrate.pricing.PriceBook book, MeasuredTraffic measured) {
    return new Builder(a, HybridPrices.of(book), measured).build();
  }

  /** As {@link #of(Assessment, dev.migrate.pricing.PriceBook, MeasuredTraffic)}, with the given prices. */
  public static HybridModel of(Assessment a, HybridPrices prices, MeasuredTraffic measured) {
    return new Builder(a, prices, measured).build();
  }

  /** True when flow logs measured traffic between at least two units. */
  public boolean hasMeasuredFlows() {
    return !measured.isEmpty();
  }

  /** Number of move units (for reports and tests). */
  public int unitCount() {
    return units.size() - (shared >= 0 ? 1 : 0);
  }

  /** The move unit an item belongs to (e.g. an instance's auto scaling group), or "(shared)". */
  public String unitOf(String itemId) {
    return itemUnit.getOrDefault(itemId, SHARED);
  }

  /** The tier a unit was classified into (edge, lb, web, cache, db, batch, storage, other). */
  public String tierOf(String unitId) {
    Integer i = index.get(unitId);
    return i == null ? null : units.get(i).tier;
  }

  private static final class Builder {
    final Assessment a;
    final Snapshot s;
    final HybridPrices prices;
    final MeasuredTraffic traffic;
    final BigDecimal monthFactor;
    // Maps sized up front for the estate: rehashing 100,000-entry maps as they grow is a good
    // part of a cold what-if run.
    final Map<String, Mapping> mappings;
    final Topology topology;
    final Map<String, String> resolved;
    final Map<String, Unit> units;
    final List<String> warnings = new ArrayList<>();
    /** AWS region to its data-transfer-out price (empty when missing) */
    final Map<String, java.util.Optional<BigDecimal>> awsRates = new HashMap<>();
    /** machine series to its committed-use and Spot factors */
    final Map<String, SeriesFactors> seriesFactors = new HashMap<>();
    /** item id to its unit (cache of unit(resolve(id))) */
    final Map<String, Unit> itemUnits;

    Builder(Assessment a, HybridPrices prices, MeasuredTraffic traffic) {
      this.a = a;
      this.s = a.snapshot();
      this.prices = prices;
      this.traffic = traffic;
      this.monthFactor = a.options().hoursPerMonth().divide(BigDecimal.valueOf(s.window().hours()), MC);
      this.topology = a.topology();
      int items = topology.itemCount();
      mappings = sized(a.plan().mappings().size());
      resolved = sized(items);
      units = sized(items);
      itemUnits = sized(items);
      a.plan().mappings().forEach(m -> mappings.put(m.itemId(), m));
    }

    /** A map that holds {@code n} entries without rehashing (HashMap.newHashMap is Java 19+). */
    private static <K, V> Map<K, V> sized(int n) {
      return new HashMap<>((int) (n / 0.75f) + 1);
    }

    boolean known(String id) {
      return mappings.containsKey(id) || topology.contains(id);
    }

    /** The move unit of an item: follow folds (plan), group membership and volume attachment. */
    String resolve(String id) {
      String r = resolved.get(id);
      if (r != null) {
        return r;
      }
      String cur = id;
      int depth = 0;
      for (; depth < MAX_HOPS; depth++) {
        Mapping m = mappings.get(cur);
        if (m != null && m.target() instanceof Target.Retire ret && ret.foldedInto() != null && known(ret.foldedInto())) {
          cur = ret.foldedInto();
          continue;
        }
        AutoScalingGroup group = topology.groupOf(cur);
        if (group != null) {
          cur = group.name();
          continue;
        }
        Ec2Instance host = topology.host(cur);
        if (host != null) {
          cur = host.id();
          // A volume's instance is usually resolved already (instances come first): from here the walk is the
          // instance's, one hop later, and it ends the same when the instance's walk ended by itself within the
          // hops left. Its walk was a whole one (an item with no host of its own takes no short cut), so it took no
          // more hops than the longest whole walk.
          if (depth == 0 && 1 + longestWalk <= MAX_HOPS - 1 && !walksCut) {
            String viaHost = resolved.get(cur);
            if (viaHost != null && topology.host(cur) == null) {
              resolved.put(id, viaHost);
              return viaHost;
            }
          }
          continue;
        }
        DbInstance member = topology.dbInstance(cur);
        if (member != null && member.auroraMember() && topology.dbCluster(member.clusterId()) != null) {
          cur = member.clusterId();
          continue;
        }
        break;
      }
      if (depth == MAX_HOPS) {
        walksCut = true;
      } else if (depth > longestWalk) {
        longestWalk = depth;
      }
      String out = known(cur) ? cur : SHARED;
      resolved.put(id, out);
      return out;
    }

    /** Hops a walk may take (folds, groups, hosts, clusters); a longer chain (a cycle of folds) stops there. */
    private static final int MAX_HOPS = 8;
    /** The most hops a whole walk took (one that ended by itself, not through a resolved instance). */
    private int longestWalk;
    /** A walk stopped at {@link #MAX_HOPS}. */
    private boolean walksCut;

    Unit unit(String id) {
      return units.computeIfAbsent(id, Unit::new);
    }

    /** The unit of an item, cached: cost lines name the same items over and over. */
    Unit unitOfItem(String itemId) {
      Unit u = itemUnits.get(itemId);
      if (u == null) {
        u = unit(resolve(itemId));
        itemUnits.put(itemId, u);
      }
      return u;
    }

    /**
     * What a scenario's pricing choice makes of one machine series' on-demand hours, worked out once
     * per series (an estate has few).
     *
     * @param cud1y  the series' 1-year committed-use factor (1 when missing)
     * @param cud3y  the same, 3-year
     * @param spot   the same, Spot
     */
    record SeriesFactors(BigDecimal cud1y, BigDecimal cud3y, BigDecimal spot) {}

    SeriesFactors seriesFactors(String series) {
      return new SeriesFactors(factor(prices.cudFactor("1y", series)), factor(prices.cudFactor("3y", series)),
          factor(prices.spotFactor(series)));
    }

    BigDecimal monthly(Double windowTotal) {
      return windowTotal == null ? BigDecimal.ZERO : BigDecimal.valueOf(windowTotal).multiply(monthFactor, MC);
    }

    HybridModel build() {
      // Every item of the snapshot and plan belongs to a unit, priced or not, so that waves can select it.
      // Through the item cache: the cost lines, instances and usage looked up below then find their unit at once.
      s.instances().forEach(i -> unitOfItem(i.id()));
      s.volumes().forEach(v -> unitOfItem(v.id()));
      s.autoScalingGroups().forEach(g -> unitOfItem(g.name()));
      s.loadBalancers().forEach(l -> unitOfItem(l.id()));
      s.distributions().forEach(d -> unitOfItem(d.id()));
      s.buckets().forEach(b -> unitOfItem(b.name()));
      s.dbInstances().forEach(d -> unitOfItem(d.id()));
      s.dbClusters().forEach(c -> unitOfItem(c.id()));
      s.cacheClusters().forEach(c -> unitOfItem(c.id()));
      a.plan().mappings().forEach(m -> unitOfItem(m.itemId()));
      // Loop bodies over items, lines and units are methods throughout: the JIT compiles a method
      // after a few hundred calls, while a loop inside one long-running method runs interpreted
      // until on-stack replacement (tens of thousands of iterations), which is most of a cold run.
      a.current().lines().forEach(this::addCurrent);
      boolean commitments = false;
      for (CostLine l : a.target().lines()) {
        commitments |= addTarget(l);
      }
      // Every unit exists now; sorted by id once, for describing, for flow indexes and for the model.
      List<Unit> list = new ArrayList<>(units.values());
      list.sort(java.util.Comparator.comparing(u -> u.id));
      describeUnits(list);
      Map<String, Integer> pos = new HashMap<>(list.size() * 2);
      for (int i = 0; i < list.size(); i++) {
        pos.put(list.get(i).id, i);
      }
      List<MeasuredFlow> measured = measured(list, pos);
      List<Flow> flows = new ArrayList<>();
      for (Flow f : flows(pos)) {
        // A pair the flow logs cover at both ends is measured: the assumption gives way.
        if (!(list.get(f.src()).covered && list.get(f.dst()).covered)) {
          flows.add(f);
        }
      }
      int shared = -1;
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).id.equals(SHARED)) {
          shared = i;
        }
      }
      if (commitments) {
        warnings.add("the base assessment already prices some target compute as Spot or committed use; scenario "
            + "pricing choices apply only to its on-demand lines");
      }
      return new HybridModel(a, prices, list, shared, flows, measured, traffic, planRegion(), peakToAverage(), warnings,
          commitments, resolved); // the builder is discarded: no copy needed
    }

    /** The item of the line added last and its unit: an item's lines come one after the other, sharing its id. */
    private String lastItem;
    private Unit lastUnit;

    /** {@link #unitOfItem} of a line's item, looked up once per run of the item's lines. */
    private Unit unitOfLine(CostLine l) {
      if (l.itemId() != lastItem || lastUnit == null) {
        lastUnit = unitOfItem(l.itemId());
        lastItem = l.itemId();
      }
      return lastUnit;
    }

    private void addCurrent(CostLine l) {
      Unit u = unitOfLine(l);
      addApp(u, l.app());
      if (l.driver() == CostLine.Driver.CARRIED) {
        u.curCarried = u.curCarried.add(l.monthlyUsd());
      } else if (l.driver().traffic()) {
        u.curTraffic = u.curTraffic.add(l.monthlyUsd());
      } else {
        u.curFixed = u.curFixed.add(l.monthlyUsd());
      }
    }

    /** Adds a TARGET line to its unit; true when the line is already priced as committed use or Spot. */
    private boolean addTarget(CostLine l) {
      Unit u = unitOfLine(l);
      addApp(u, l.app());
      // Machine hours bought on demand are what a scenario's pricing choice re-prices; compute not
      // bought per machine (Autopilot Pods) has no series factors and stays as priced.
      boolean machine = l.machineType() != null;
      if (machine && l.driver() == CostLine.Driver.COMPUTE_ON_DEMAND) {
        SeriesFactors f = seriesFactors.computeIfAbsent(series(l.machineType()), this::seriesFactors);
        BigDecimal amt = l.monthlyUsd();
        u.computeList = u.computeList.add(amt);
        u.computeList1y = u.computeList1y.add(amt.multiply(f.cud1y(), MC));
        u.computeList3y = u.computeList3y.add(amt.multiply(f.cud3y(), MC));
        u.computeListSpot = u.computeListSpot.add(amt.multiply(f.spot(), MC));
        return false;
      }
      if (l.driver() == CostLine.Driver.SUSTAINED_USE) {
        u.computeSud = u.computeSud.add(l.monthlyUsd());
        return false;
      }
      if (l.driver() == CostLine.Driver.CARRIED) {
        u.tgtCarried = u.tgtCarried.add(l.monthlyUsd());
        return false;
      }
      if (l.driver().traffic()) {
        u.tgtTraffic = u.tgtTraffic.add(l.monthlyUsd());
      } else {
        u.tgtFixed = u.tgtFixed.add(l.monthlyUsd());
      }
      return machine && (l.driver() == CostLine.Driver.COMMITTED || l.driver() == CostLine.Driver.COMPUTE_SPOT);
    }

    private static void addApp(Unit u, String app) {
      if (app != null && u.apps.size() == 1 && u.apps.first().equals(app)) {
        return; // the common case: one app per unit, seen on every line
      }
      if (app != null && !app.isBlank() && !app.equals("(untagged)")) {
        u.apps.add(app);
      }
    }

    private BigDecimal factor(java.util.Optional<HybridPrices.Price> p) {
      return p.map(HybridPrices.Price::value).orElse(BigDecimal.ONE);
    }

    /**
     * Machine series of a Compute Engine machine type (n2-standard-8 -> n2), as the committed-use and
     * Spot factors are keyed; custom machine types (custom-4-16384) are N1 custom machines.
     */
    static String series(String machineType) {
      if (machineType.startsWith("custom-")) {
        return "n1";
      }
      int dash = machineType.indexOf('-');
      return dash > 0 ? machineType.substring(0, dash) : machineType;
    }

    private void describeUnits(List<Unit> sorted) {
      s.instances().forEach(this::countInstance);
      for (Unit u : sorted) {
        describe(u);
      }
    }

    private void countInstance(Ec2Instance i) {
      Unit u = unitOfItem(i.id());
      u.instances++;
      i.tags().forEach(u.tags::putIfAbsent);
      if (u.awsRegion == null) {
        u.awsRegion = i.region();
      }
    }

    private void describe(Unit u) {
      if (u.id.equals(SHARED)) {
        u.tier = "shared";
        return;
      }
      Mapping m = mappings.get(u.id);
      Target t = m == null ? null : m.target();
      if (m != null) {
        u.kind = m.kind();
        u.name = m.itemName() == null ? u.id : m.itemName();
        u.targetKind = targetKind(t);
        if (t instanceof Target.GkeWorkload g) {
          u.workloadKind = g.workloadKind();
        }
        if (u.awsRegion == null) {
          u.awsRegion = m.awsRegion();
        }
      }
      AutoScalingGroup g = topology.group(u.id);
      if (g != null) {
        g.tags().forEach(u.tags::put);
        u.kind = ItemKind.AUTO_SCALING_GROUP;
        u.awsRegion = g.region();
      }
      Ec2Instance inst = topology.instance(u.id);
      if (inst != null) {
        inst.tags().forEach(u.tags::put);
        u.kind = ItemKind.EC2_INSTANCE;
        if (m == null) {
          u.name = inst.name();
        }
      }
      LoadBalancer lb = topology.loadBalancer(u.id);
      if (lb != null) {
        u.kind = ItemKind.LOAD_BALANCER;
        u.awsRegion = lb.region();
        lb.tags().forEach(u.tags::put);
      }
      Distribution d = topology.distribution(u.id);
      if (d != null) {
        u.kind = ItemKind.CLOUDFRONT_DISTRIBUTION;
        d.tags().forEach(u.tags::put);
        u.awsRegion = "us-east-1"; // CloudFront is global; its metrics and billing home is us-east-1
      }
      S3Bucket b = topology.bucket(u.id);
      if (b != null) {
        u.kind = ItemKind.S3_BUCKET;
        u.awsRegion = b.region();
        b.tags().forEach(u.tags::put);
        u.transferGib = BigDecimal.valueOf(b.totalBytes()).divide(GIB, MC);
        var price = prices.awsDataOutGib(b.region());
        if (price.isPresent()) {
          u.transferUsd = u.transferGib.multiply(price.get().value(), MC);
        } else if (u.transferGib.signum() > 0) {
          warnings.add("MISSING PRICE: AWS data transfer out in " + b.region() + " (copying bucket " + b.name()
              + " to Cloud Storage is not priced)");
        }
      }
      EbsVolume v = topology.volume(u.id);
      if (v != null) {
        u.kind = ItemKind.EBS_VOLUME;
        u.awsRegion = v.region();
      }
      describeDataStore(u);
      String app = Topology.tag(u.tags, a.options().appTagKey());
      if (app != null) {
        u.apps.add(app);
      }
      u.tier = m != null && m.tier() != null ? m.tier() : Tiers.of(u.kind, t, behindLoadBalancer(u));
      u.awsRate = awsRates.computeIfAbsent(u.awsRegion == null ? "us-east-1" : u.awsRegion,
          r -> prices.awsDataOutGib(r).map(HybridPrices.Price::value)).orElse(null);
    }

    /**
     * A database or cache unit: its kind, region and tags, and the one-off copy of its data to Google
     * Cloud in the wave that moves it, priced as AWS data transfer out of its region (the data a
     * database holds: storage used as measured, else its allocated storage, none for a read replica;
     * a cache: the data it holds as measured, none when not measured, as a cache can also be warmed
     * on the new side).
     */
    private void describeDataStore(Unit u) {
      DbInstance db = topology.dbInstance(u.id);
      DbCluster cluster = topology.dbCluster(u.id);
      CacheCluster cache = topology.cache(u.id);
      Double dataGib = null;
      String region = null;
      if (db != null) {
        u.kind = ItemKind.RDS_INSTANCE;
        region = db.region();
        db.tags().forEach(u.tags::put);
        Usage used = topology.usage("rds", db.id());
        // A read replica is built again from its primary on Google Cloud: its data is not copied a second time.
        dataGib = db.readReplica() ? null
            : used != null && used.datastore() != null && used.datastore().storageUsedGib() != null
            ? used.datastore().storageUsedGib() : (double) db.allocatedStorageGib();
      } else if (cluster != null) {
        u.kind = ItemKind.AURORA_CLUSTER;
        region = cluster.region();
        cluster.tags().forEach(u.tags::put);
        Usage used = topology.usage("aurora", cluster.id());
        dataGib = used != null && used.datastore() != null ? used.datastore().storageUsedGib() : null;
        if (dataGib == null) {
          warnings.add("copying Aurora cluster " + cluster.id() + " is not priced: its volume size (VolumeBytesUsed) "
              + "was not measured");
        }
      } else if (cache != null) {
        u.kind = ItemKind.ELASTICACHE_CLUSTER;
        region = cache.region();
        cache.tags().forEach(u.tags::put);
        Usage used = topology.usage("elasticache", cache.id());
        dataGib = used != null && used.datastore() != null ? used.datastore().storageUsedGib() : null;
      }
      if (region == null) {
        return;
      }
      u.awsRegion = region;
      if (dataGib == null || dataGib <= 0) {
        return;
      }
      u.transferGib = BigDecimal.valueOf(dataGib);
      var price = prices.awsDataOutGib(region);
      if (price.isPresent()) {
        u.transferUsd = u.transferGib.multiply(price.get().value(), MC);
      } else {
        warnings.add("MISSING PRICE: AWS data transfer out in " + region + " (copying " + u.kind.wire() + " "
            + u.id + " to Google Cloud is not priced)");
      }
    }

    /** A load balancer sends the unit's item traffic (for the tier of a unit the plan does not state). */
    private boolean behindLoadBalancer(Unit u) {
      if (u.kind == ItemKind.AUTO_SCALING_GROUP) {
        return topology.groupBehindLoadBalancer(u.id);
      }
      return u.kind == ItemKind.EC2_INSTANCE && topology.instanceBehindLoadBalancer(u.id);
    }

    /** Target class to its JSON type name: the annotation is read once per class, not per unit. */
    private final Map<Class<?>, String> targetKinds = new HashMap<>();

    String targetKind(Target t) {
      return t == null ? "" : targetKinds.computeIfAbsent(t.getClass(), c -> targetKindOf(t));
    }

    static String targetKindOf(Target t) {
      var ann = Target.class.getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class);
      for (var type : ann.value()) {
        if (type.value().equals(t.getClass())) {
          return type.name();
        }
      }
      return t.getClass().getSimpleName();
    }

    /**
     * The measured flows between units: each item flow goes to the units of its two ends (flows inside
     * one unit, and ends outside the estate's units, do not cross between waves); bytes over the window
     * become GiB per month at the assessment's hours per month. A unit that sends or receives any of
     * them is covered; application groups are taken from the items (the unit's own item first).
     */
    private List<MeasuredFlow> measured(List<Unit> sorted, Map<String, Integer> pos) {
      if (traffic == null) {
        return List.of();
      }
      BigDecimal perMonth = a.options().hoursPerMonth().divide(BigDecimal.valueOf(traffic.windowHours()), MC);
      Map<Long, BigDecimal> gib = new TreeMap<>();
      Map<Long, Double> peak = new HashMap<>();
      for (MeasuredTraffic.ItemFlow f : traffic.flows()) {
        if (!known(f.srcItem()) || !known(f.dstItem())) {
          continue;
        }
        String su = resolve(f.srcItem());
        String du = resolve(f.dstItem());
        if (su.equals(SHARED) || du.equals(SHARED) || su.equals(du) || f.bytes() <= 0) {
          continue;
        }
        int si = pos.get(su);
        int di = pos.get(du);
        sorted.get(si).covered = true;
        sorted.get(di).covered = true;
        long key = (long) si * sorted.size() + di;
        gib.merge(key, BigDecimal.valueOf(f.bytes()).divide(GIB, MC).multiply(perMonth, MC), BigDecimal::add);
        peak.merge(key, f.peakHourBytes() * 8.0 / 3600 / 1e9, Double::sum);
      }
      for (Unit u : sorted) {
        u.group = traffic.groups().get(u.id);
      }
      // Then units whose own id has no group take the first group of an item folded into them (sorted: stable).
      for (var e : new TreeMap<>(traffic.groups()).entrySet()) {
        if (known(e.getKey())) {
          Unit u = sorted.get(pos.get(resolve(e.getKey())));
          if (u.group == null && !u.id.equals(SHARED)) {
            u.group = e.getValue();
          }
        }
      }
      List<MeasuredFlow> out = new ArrayList<>();
      gib.forEach((key, g) -> out.add(new MeasuredFlow((int) (key / sorted.size()), (int) (key % sorted.size()), g,
          peak.get(key))));
      return out;
    }

    /** Flows between units, indexed by {@code pos} (unit id to its index). */
    private List<Flow> flows(Map<String, Integer> pos) {
      List<Flow> out = new ArrayList<>();
      // Load balancer to its backends: the processed bytes, split by backend instance count.
      for (LoadBalancer lb : s.loadBalancers()) {
        Usage u = topology.usage(lb.id());
        if (u == null || u.bytesOutGib() == null || u.bytesOutGib() <= 0) {
          continue;
        }
        Map<String, Integer> weight = new TreeMap<>();
        lb.backendInstanceIds().forEach(id -> weight.merge(resolve(id), 1, Integer::sum));
        for (String name : topology.groupsOf(lb.id())) {
          weight.putIfAbsent(resolve(name), Math.max(1, topology.group(name).instanceIds().size()));
        }
        weight.remove(SHARED);
        int total = weight.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
          continue;
        }
        BigDecimal bytes = monthly(u.bytesOutGib());
        int dst = pos.get(resolve(lb.id()));
        for (var e : weight.entrySet()) {
          BigDecimal share = bytes.multiply(BigDecimal.valueOf(e.getValue()), MC)
              .divide(BigDecimal.valueOf(total), MC);
          out.add(new Flow(pos.get(e.getKey()), dst, share, false, BigDecimal.ONE,
              "load balancer " + lb.name() + " <- backend " + e.getKey()));
        }
      }
      // CDN origin fetches: (1 - hit ratio) x bytes served, from the default origin.
      for (Distribution d : s.distributions()) {
        Usage u = topology.usage(d.id());
        if (u == null || u.bytesOutGib() == null || u.bytesOutGib() <= 0) {
          continue;
        }
        Distribution.Origin origin = Topology.defaultOrigin(d);
        if (origin == null) {
          continue;
        }
        String originUnit = originUnit(origin);
        if (originUnit == null || originUnit.equals(SHARED)) {
          continue;
        }
        double hit = u.cacheHitRatio() == null ? DEFAULT_CACHE_HIT_RATIO : u.cacheHitRatio();
        out.add(new Flow(pos.get(originUnit), pos.get(resolve(d.id())), monthly(u.bytesOutGib()), true,
            BigDecimal.valueOf(1 - hit), "distribution " + d.id() + " <- origin " + originUnit));
      }
      // Cache and database tiers talk to the web and batch tiers: their network bytes.
      s.instances().forEach(this::addClientTraffic);
      // Managed databases and caches: their CloudWatch network bytes (an Aurora member's count for its cluster).
      s.dbInstances().forEach(d -> addClientTraffic(d.id(), topology.usage("rds", d.id())));
      s.cacheClusters().forEach(c -> addClientTraffic(c.id(), topology.usage("elasticache", c.id())));
      return out;
    }

    private void addClientTraffic(String itemId, Usage u) {
      Unit unit = unitOfItem(itemId);
      if (u == null || !(unit.tier.equals("cache") || unit.tier.equals("db"))) {
        return;
      }
      unit.clientOutGib = unit.clientOutGib.add(monthly(u.networkOutGib()));
      unit.clientInGib = unit.clientInGib.add(monthly(u.networkInGib()));
    }

    private void addClientTraffic(Ec2Instance i) {
      addClientTraffic(i.id(), topology.usage(i.id()));
    }

    /** The unit of the load balancer or bucket an origin names, or null. */
    private String originUnit(Distribution.Origin o) {
      LoadBalancer lb = topology.originLoadBalancer(o);
      if (lb != null) {
        return resolve(lb.id());
      }
      S3Bucket b = topology.originBucket(o);
      return b == null ? null : resolve(b.name());
    }

    private static void countRegion(Mapping m, Map<String, int[]> count) {
      String r = m.target().gcpRegion();
      if (r != null) {
        count.computeIfAbsent(r, k -> new int[1])[0]++;
      }
    }

    /** The Google Cloud region most mappings target (ties: alphabetical), or null. */
    private String planRegion() {
      // Counted per distinct name first: String.matches would compile the pattern once per mapping.
      Map<String, int[]> all = new HashMap<>();
      a.plan().mappings().forEach(m -> countRegion(m, all));
      Map<String, Integer> count = new TreeMap<>();
      all.forEach((r, c) -> {
        if (!r.equals("global") && GCP_REGION.matcher(r).matches()) {
          count.put(r, c[0]);
        }
      });
      String best = null;
      int n = 0;
      for (var e : count.entrySet()) {
        if (e.getValue() > n) {
          best = e.getKey();
          n = e.getValue();
        }
      }
      if (best == null && !a.plan().regionMap().isEmpty()) {
        best = a.plan().regionMap().values().iterator().next();
      }
      return best;
    }

    /**
     * Peak over average request rate of the entry points (load balancers, distributions): the
     * measured per-second peak against the window's mean rate. Null when nothing measured both.
     */
    /** A resource's measured peak over its mean request rate, 0 when not measured. */
    private static double peakToAverage(Usage u, double seconds) {
      if (u.peakRequestsPerSecond() != null && u.requests() != null && u.requests() > 0) {
        double avg = u.requests() / seconds;
        return u.peakRequestsPerSecond() / avg;
      }
      return 0;
    }

    private Double peakToAverage() {
      double best = 0;
      double seconds = s.window().hours() * 3600;
      for (Usage u : s.usage()) {
        best = Math.max(best, peakToAverage(u, seconds));
      }
      return best <= 0 ? null : Math.min(20, Math.max(1, best));
    }
  }
}
