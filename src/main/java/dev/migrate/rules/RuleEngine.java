package dev.migrate.rules;

import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.Effort;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import dev.migrate.plan.Tiers;
import dev.migrate.plan.Unmapped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Maps every inventory item of a snapshot to a Google Cloud target with the strongest rule
 * that matches it (highest priority, then load order), or lists it as unmapped with the reason.
 * A pure function of snapshot, rules and options.
 *
 * <p>Items are decided in this order, because later kinds look at earlier decisions: auto
 * scaling groups, instances, volumes (where did my instance go?), load balancers (do my
 * backends run on GKE?), distributions, buckets, then RDS DB instances (not Aurora members: they
 * fold into their cluster), Aurora clusters and ElastiCache caches.
 */
public final class RuleEngine {
  private final RuleSet rules;
  private final Catalog catalog;
  private final Rightsizer sizer;
  private final Map<ItemKind, List<Rule>> byKind;
  /** {@link #byKind} with each condition's slot for its attribute's value (see {@link Matcher}). */
  private final Map<ItemKind, Matcher> matchers = new java.util.EnumMap<>(ItemKind.class);

  public RuleEngine(RuleSet rules) {
    this(rules, Catalogs.BUILT_IN);
  }

  public RuleEngine(RuleSet rules, Catalog catalog) {
    this.rules = rules;
    this.catalog = catalog;
    this.sizer = new Rightsizer(catalog);
    this.byKind = rules.index();
    byKind.forEach((k, list) -> matchers.put(k, new Matcher(list)));
  }

  public RuleSet rules() {
    return rules;
  }

  /** The plan for a snapshot. */
  public MigrationPlan plan(Snapshot s, PlanOptions options) {
    return plan(Topology.of(s), options);
  }

  /** The plan for a snapshot already indexed (the run's one index, shared with the cost model and the what-if). */
  public MigrationPlan plan(Topology index, PlanOptions options) {
    Run run = new Run(index, options, false);
    run.all();
    // Per kind, in snapshot order (already sorted by id, so the sort below is a linear pass).
    List<Mapping> mappings = new ArrayList<>(run.mappedCount);
    for (ItemKind k : ItemKind.values()) {
      List<Mapping> ofKind = run.mappedInOrder.get(k);
      ofKind.sort(Comparator.comparing(Mapping::itemId));
      mappings.addAll(ofKind);
    }
    List<Unmapped> unmapped = new ArrayList<>(run.unmapped);
    unmapped.sort(Comparator.comparing(Unmapped::kind).thenComparing(Unmapped::itemId));
    return new MigrationPlan(mappings, unmapped, run.usedRegions(), rules.origin());
  }

  /** Which rules matched one item, which won and why; empty when the snapshot has no such item. */
  public java.util.Optional<Explanation> explain(Snapshot s, String itemId, PlanOptions options) {
    Run run = new Run(Topology.of(s), options, true);
    run.all();
    Facts f = run.facts.get(itemId);
    if (f == null) {
      return java.util.Optional.empty();
    }
    List<Explanation.Check> checks = new ArrayList<>();
    for (Rule r : byKind.get(f.kind)) {
      List<String> passed = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      evaluate(r, f, passed, failed);
      checks.add(new Explanation.Check(r.id(), r.location(), r.priority(), failed.isEmpty(), passed, failed));
    }
    Mapping m = run.mapped.get(itemId);
    Unmapped u = run.unmapped.stream().filter(x -> x.itemId().equals(itemId)).findFirst().orElse(null);
    return java.util.Optional.of(new Explanation(itemId, f.kind, f.name, checks, m, u));
  }

  // ---- matching ----

  /** Fills the conditions that held and those that failed (an unmet 'any' counts as one failure). */
  private static void evaluate(Rule r, Facts f, List<String> passed, List<String> failed) {
    // Each attribute is read once per condition: testing it and quoting it use the same value.
    for (Condition c : r.all()) {
      Object actual = c.actual(f);
      (c.test(actual) ? passed : failed).add(c.withActual(actual));
    }
    if (!r.any().isEmpty()) {
      List<String> anyPassed = new ArrayList<>();
      for (Condition c : r.any()) {
        Object actual = c.actual(f);
        if (c.test(actual)) {
          anyPassed.add(c.withActual(actual));
        }
      }
      if (anyPassed.isEmpty()) {
        failed.add("none of: " + r.any().stream().map(c -> c.withActual(f)).collect(Collectors.joining("; ")));
      } else {
        passed.add("any of: " + String.join("; ", anyPassed));
      }
    }
  }

  /**
   * The rules of one kind, strongest first, with a slot per attribute their conditions read: an item's attribute is
   * worked out once (some walk the index: a volume's host and where it went) however many rules test it, and the
   * winning rule's reason quotes the values its conditions were tested with.
   */
  private static final class Matcher {
    final List<Rule> rules;
    final int[][] allSlots;
    final int[][] anySlots;
    final int slots;

    Matcher(List<Rule> rules) {
      this.rules = rules;
      this.allSlots = new int[rules.size()][];
      this.anySlots = new int[rules.size()][];
      Map<String, Integer> slotOf = new HashMap<>();
      for (int i = 0; i < rules.size(); i++) {
        allSlots[i] = slots(rules.get(i).all(), slotOf);
        anySlots[i] = slots(rules.get(i).any(), slotOf);
      }
      this.slots = slotOf.size();
    }

    /** Conditions on one attribute (by name, within a kind) read the same value. */
    private static int[] slots(List<Condition> conditions, Map<String, Integer> slotOf) {
      int[] out = new int[conditions.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = slotOf.computeIfAbsent(conditions.get(i).attribute(), k -> slotOf.size());
      }
      return out;
    }
  }

  /** An attribute value not worked out yet for the item at hand. */
  private static final Object UNREAD = new Object();
  /** In a reason's key: an {@code any} condition that did not hold (its value is not quoted). */
  private static final Object FAILED = new Object();
  /** Distinct reasons remembered per plan run (a reason quotes values, which may be as many as items). */
  private static final int REASON_LIMIT = 16_384;

  /**
   * What a winning rule's reason depends on: the rule and the values it quotes (each {@code all} condition's, each
   * {@code any} condition's that held). Fleet members, their volumes and hosts sharing a Role tag share one reason.
   */
  private record ReasonKey(Rule rule, Object[] quoted) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ReasonKey k && k.rule == rule && java.util.Arrays.equals(k.quoted, quoted);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(rule) * 31 + java.util.Arrays.hashCode(quoted);
    }
  }

  /** One plan computation. */
  private final class Run {
    final Snapshot s;
    final PlanOptions options;
    final Topology index;
    final Map<String, String> regionMap;
    /**
     * Mappings by item id of the kinds other items look up (groups and instances: where did my host or backend
     * go?), or of every kind for explain.
     */
    final Map<String, Mapping> mapped;
    int mappedCount;
    /** Attribute values of the item being decided, by its kind's {@link Matcher} slot. */
    Object[] values = new Object[0];
    Matcher matcher;
    Facts current;
    final Map<ReasonKey, String> reasons = new HashMap<>();
    /** Sizing parameters per rule: the rule's and the run's, the same for every item the rule takes. */
    final Map<Rule, Rightsizer.Params> params = new java.util.IdentityHashMap<>();
    /** Machine series per (family, architecture, region, rule series), with the warnings choosing them gave. */
    final Map<List<Object>, Rightsizer.Series> series = new HashMap<>();
    /** {@code 1x m5.large}: the instance types of a single host. */
    final Map<String, String> oneHostTypes = new HashMap<>();
    /** {@link RuleEngine#fmt} texts by rounded value: node sizes, needs and headroom repeat across the items. */
    final Map<Double, String> numbers = new HashMap<>();

    /** {@link RuleEngine#fmt}, one text per distinct value (bounded). */
    String num(double v) {
      double r = Rightsizer.round3(v);
      if (r >= 0 && r < COUNTS.length && r == Math.rint(r)) {
        return COUNTS[(int) r];
      }
      String text = numbers.get(r);
      if (text == null) {
        text = fmt(r);
        if (numbers.size() < 65_536) {
          numbers.put(r, text);
        }
      }
      return text;
    }
    String lastRegion;
    final Map<ItemKind, List<Mapping>> mappedInOrder = new java.util.EnumMap<>(ItemKind.class);
    final List<Unmapped> unmapped = new ArrayList<>();
    /** Facts by item id, kept only for explain (a plan does not need them). */
    final Map<String, Facts> facts = new HashMap<>();
    final boolean keepFacts;
    final java.util.Set<String> itemRegions = new java.util.HashSet<>();

    Run(Topology index, PlanOptions options, boolean keepFacts) {
      Snapshot s = index.snapshot();
      this.s = s;
      this.options = options;
      this.keepFacts = keepFacts;
      int items = keepFacts ? s.instances().size() + s.volumes().size() + s.autoScalingGroups().size()
          + s.loadBalancers().size() + s.distributions().size() + s.buckets().size() + s.dbInstances().size()
          + s.dbClusters().size() + s.cacheClusters().size() : s.instances().size() + s.autoScalingGroups().size();
      this.mapped = new HashMap<>((int) (items / 0.75f) + 1);
      for (ItemKind k : ItemKind.values()) {
        mappedInOrder.put(k, new ArrayList<>());
      }
      this.index = index;
      Map<String, String> regions = new TreeMap<>(catalog.regionMap());
      regions.putAll(options.regionOverrides());
      this.regionMap = regions;
    }

    void all() {
      for (AutoScalingGroup g : s.autoScalingGroups()) {
        decide(Facts.of(g, index, mapped));
      }
      for (Ec2Instance i : s.instances()) {
        decide(Facts.of(i, index, mapped));
      }
      for (EbsVolume v : s.volumes()) {
        decide(Facts.of(v, index, mapped));
      }
      for (LoadBalancer lb : s.loadBalancers()) {
        decide(Facts.of(lb, index, mapped));
      }
      for (Distribution d : s.distributions()) {
        decide(Facts.of(d, index, mapped));
      }
      for (S3Bucket b : s.buckets()) {
        decide(Facts.of(b, index, mapped));
      }
      for (DbInstance d : s.dbInstances()) {
        if (!d.auroraMember()) {
          decide(Facts.of(d, index, mapped));
        }
      }
      for (DbCluster c : s.dbClusters()) {
        decide(Facts.of(c, index, mapped));
      }
      for (CacheCluster c : s.cacheClusters()) {
        decide(Facts.of(c, index, mapped));
      }
    }

    /** The regions the snapshot uses (scanned regions and item regions) with their Google Cloud region, sorted. */
    Map<String, String> usedRegions() {
      TreeSet<String> used = new TreeSet<>(s.regions());
      used.addAll(itemRegions);
      used.addAll(options.regionOverrides().keySet());
      Map<String, String> out = new TreeMap<>();
      for (String r : used) {
        String g = regionMap.get(r);
        if (g != null) {
          out.put(r, g);
        }
      }
      return out;
    }

    void decide(Facts f) {
      if (keepFacts) {
        facts.put(f.id, f);
      }
      if (f.region != lastRegion) { // items come in runs of one region
        itemRegions.add(f.region);
        lastRegion = f.region;
      }
      Matcher x = matchers.get(f.kind);
      List<Rule> candidates = x.rules;
      start(f, x);
      for (int i = 0; i < candidates.size(); i++) {
        Rule r = candidates.get(i);
        if (holds(r.all(), x.allSlots[i], true) && (r.any().isEmpty() || holds(r.any(), x.anySlots[i], false))) {
          try {
            Mapping m = map(r, f, i);
            if (keepFacts || f.kind == ItemKind.EC2_INSTANCE || f.kind == ItemKind.AUTO_SCALING_GROUP) {
              mapped.put(f.id, m);
            }
            mappedCount++;
            mappedInOrder.get(f.kind).add(m);
          } catch (Rightsizer.SizingException e) {
            unmapped.add(new Unmapped(f.id, f.kind, f.name, f.region, "rule '" + r.id() + "' matched but: " + e.getMessage()));
          }
          return;
        }
      }
      unmapped.add(new Unmapped(f.id, f.kind, f.name, f.region, noMatch(f, candidates)));
    }

    Rightsizer.Params params(Rule r) {
      return params.computeIfAbsent(r, x -> Rightsizer.Params.resolve(x.sizing(), options));
    }

    /** {@link Rightsizer#series}, worked out once per family, architecture, region and rule series. */
    List<String> series(Rightsizer.Need need, String region, Rightsizer.Params p, List<String> warnings) {
      Rightsizer.Series s = series.computeIfAbsent(java.util.Arrays.asList(need.family(), need.arch(), region,
          p.series()), k -> {
            List<String> said = new ArrayList<>();
            return new Rightsizer.Series(sizer.series(need, region, p, said), List.copyOf(said));
          });
      warnings.addAll(s.warnings());
      return s.series();
    }

    /** Starts an item: none of its attributes read yet. */
    void start(Facts f, Matcher x) {
      current = f;
      matcher = x;
      if (values.length < x.slots) {
        values = new Object[x.slots];
      }
      java.util.Arrays.fill(values, 0, x.slots, UNREAD);
    }

    /** The current item's value of a condition's attribute, read once per item. */
    Object value(Condition c, int slot) {
      Object v = values[slot];
      if (v == UNREAD) {
        v = c.actual(current);
        values[slot] = v;
      }
      return v;
    }

    /** All conditions hold ({@code all}), or one does ({@code any}). */
    boolean holds(List<Condition> conditions, int[] slots, boolean all) {
      for (int j = 0; j < slots.length; j++) {
        Condition c = conditions.get(j);
        if (c.test(value(c, slots[j])) != all) {
          return !all;
        }
      }
      return all;
    }

    String noMatch(Facts f, List<Rule> candidates) {
      if (candidates.isEmpty()) {
        return "no rule for kind " + f.kind.wire() + " in " + rules.origin() + " rules";
      }
      Rule closest = null;
      List<String> closestFailed = null;
      for (Rule r : candidates) {
        List<String> failed = new ArrayList<>();
        evaluate(r, f, new ArrayList<>(), failed);
        if (closestFailed == null || failed.size() < closestFailed.size()) {
          closest = r;
          closestFailed = failed;
        }
      }
      return "no rule matched; closest is '" + closest.id() + "', which needs " + String.join("; ", closestFailed);
    }

    String gcpRegion(Facts f) {
      String g = regionMap.get(f.region);
      if (g == null) {
        throw new Rightsizer.SizingException("no Google Cloud region for AWS region '" + f.region
            + "'; pass --region-map " + f.region + "=<gcp-region>");
      }
      return g;
    }

    Mapping map(Rule r, Facts f, int rank) {
      List<String> warnings = new ArrayList<>();
      List<String> blockers = new ArrayList<>();
      Map<String, String> sizing = new TreeMap<>();
      Target target = switch (r.target().type()) {
        case "gke-workload" -> gke(r, f, warnings, sizing);
        case "compute-engine" -> f.kind == ItemKind.RDS_INSTANCE ? dbVm(r, f, warnings, sizing) : vm(r, f, warnings, sizing);
        case "memorystore" -> f.kind == ItemKind.ELASTICACHE_CLUSTER ? cache(r, f, warnings, blockers, sizing)
            : memorystore(r, f, warnings, sizing);
        case "cloud-sql" -> cloudSql(r, f, warnings, blockers, sizing);
        case "alloydb" -> alloyDb(r, f, warnings, blockers, sizing);
        case "persistent-disk" -> disk(r, f, warnings, sizing);
        case "cloud-load-balancing" -> loadBalancer(r, f, warnings, sizing);
        case "cloud-cdn" -> cdn(r, f, warnings, blockers, sizing);
        case "cloud-storage" -> storage(r, f, warnings, sizing);
        case "retire" -> retire(r, f);
        default -> throw new IllegalStateException("target type " + r.target().type());
      };
      warnings.addAll(r.warnings());
      blockers.addAll(r.blockers());
      Effort effort = blockers.isEmpty() ? r.effort() : Effort.REFACTOR;
      return new Mapping(f.id, f.kind, f.name, f.region, target, r.id(), reason(r, f, rank), effort,
          dedupe(blockers), dedupe(warnings), sizing, tier(r, f, target));
    }

    /**
     * Why the rule of this rank (in the item's kind) took the current item: its conditions with the values they
     * were tested with, as {@link RuleEngine#evaluate} words them (one string shared by the items it is the same for).
     */
    String reason(Rule r, Facts f, int rank) {
      int[] allSlots = matcher.allSlots[rank];
      int[] anySlots = matcher.anySlots[rank];
      Object[] quoted = new Object[allSlots.length + anySlots.length];
      for (int j = 0; j < allSlots.length; j++) {
        quoted[j] = value(r.all().get(j), allSlots[j]);
      }
      for (int j = 0; j < anySlots.length; j++) {
        Condition c = r.any().get(j);
        Object v = value(c, anySlots[j]);
        quoted[allSlots.length + j] = c.test(v) ? v : FAILED;
      }
      ReasonKey key = new ReasonKey(r, quoted);
      String known = reasons.get(key);
      if (known != null) {
        return known;
      }
      List<String> passed = new ArrayList<>(allSlots.length + 1);
      for (int j = 0; j < allSlots.length; j++) {
        passed.add(r.all().get(j).withActual(quoted[j]));
      }
      List<String> anyPassed = new ArrayList<>(anySlots.length);
      for (int j = 0; j < anySlots.length; j++) {
        if (quoted[allSlots.length + j] != FAILED) {
          anyPassed.add(r.any().get(j).withActual(quoted[allSlots.length + j]));
        }
      }
      if (!anyPassed.isEmpty()) {
        passed.add("any of: " + String.join("; ", anyPassed));
      }
      String why = passed.isEmpty() ? "matches every " + f.kind.wire() : String.join("; ", passed);
      String reason = "rule '" + r.id() + "' (priority " + r.priority() + "): " + why;
      if (reasons.size() < REASON_LIMIT) {
        reasons.put(key, reason);
      }
      return reason;
    }

    // ---- targets ----

    List<Ec2Instance> hosts(Facts f) {
      if (f.kind == ItemKind.AUTO_SCALING_GROUP) {
        List<Ec2Instance> members = index.members(f.id);
        List<Ec2Instance> running = members.stream().filter(Ec2Instance::running).toList();
        return running.isEmpty() ? members : running;
      }
      return List.of(f.instance());
    }

    /** The tier the rule states ({@code appTier}), else the target's for an item behind a load balancer or not. */
    String tier(Rule r, Facts f, Target target) {
      String stated = r.target().string("appTier", "auto");
      if (!stated.equals("auto")) {
        return stated;
      }
      boolean behindLb = switch (f.kind) {
        case AUTO_SCALING_GROUP -> index.groupBehindLoadBalancer(f.id);
        case EC2_INSTANCE -> index.instanceBehindLoadBalancer(f.id);
        default -> false;
      };
      return Tiers.of(f.kind, target, behindLb);
    }

    Target gke(Rule r, Facts f, List<String> warnings, Map<String, String> sizing) {
      String region = gcpRegion(f);
      Rightsizer.Params p = params(r);
      List<Ec2Instance> hosts = hosts(f);
      Rightsizer.Need need = sizer.need(hosts, index::usage, p, false);
      warnings.addAll(need.warnings());
      List<String> series = series(need, region, p, warnings);
      String kind = r.target().string("workloadKind", "Deployment");
      int replicas = hosts.size();
      Rightsizer.Pool pool = sizer.pool(need, replicas, series, p.minNodes());
      String name = workloadName(f);
      String alternative = null;
      String alt = r.target().string("alternative", "none");
      if (alt.startsWith("memorystore")) {
        String engine = alt.equals("memorystore") ? cacheEngine(f, hosts) : alt.substring("memorystore-".length());
        alternative = "Memorystore for " + (engine.equals("redis") ? "Redis" : "Memcached") + " (standard tier, "
            + num(Math.max(1, Math.ceil(need.memoryGib()))) + " GiB)";
      }
      if (r.target().bool("autopilot", false)) {
        sizing.put("pricing", "autopilot (per pod resources)");
      }
      sizeFacts(sizing, p, need, hosts);
      sizing.put("machineType", pool.machine().name());
      sizing.put("nodes", count(pool.nodes()));
      sizing.put("minNodes", count(p.minNodes()));
      sizing.put("nodeAllocatableVcpu", num(pool.allocatableCpu()));
      sizing.put("nodeAllocatableMemoryGib", num(pool.allocatableMemoryGib()));
      return new Target.GkeWorkload(kind, name, r.target().string("cluster", Target.GkeWorkload.DEFAULT_CLUSTER),
          r.target().string("nodePool", name + "-pool"), pool.machine().name(), pool.nodes(), replicas,
          pool.podCpu(), pool.podMemoryGib(), r.target().bool("autopilot", false), region, alternative);
    }

    void sizeFacts(Map<String, String> sizing, Rightsizer.Params p, Rightsizer.Need need, List<Ec2Instance> hosts) {
      sizing.put("strategy", p.strategy());
      if ("measured".equals(p.strategy())) {
        sizing.put("cpuPercentile", p.percentile() == 100 ? "max" : p.percentile() == 95 ? "p95" : "p" + p.percentile());
        sizing.put("headroom", num(p.headroom()));
        sizing.put("cpuMeasured", ofCount(need.cpuMeasured(), need.instances()));
        sizing.put("memoryMeasured", ofCount(need.memoryMeasured(), need.instances()));
        if (need.memoryMeasured() > 0) {
          sizing.put("memoryHeadroom", num(p.memoryHeadroom()));
        }
      }
      sizing.put("neededVcpu", num(need.vcpu()));
      sizing.put("neededMemoryGib", num(need.memoryGib()));
      if (hosts.size() == 1) {
        sizing.put("awsInstanceTypes", oneHostTypes.computeIfAbsent(hosts.get(0).instanceType(), t -> "1x " + t));
        return;
      }
      Map<String, Integer> types = new TreeMap<>();
      for (Ec2Instance h : hosts) {
        types.merge(h.instanceType(), 1, Integer::sum);
      }
      StringBuilder text = new StringBuilder();
      types.forEach((t, n) -> text.append(text.length() == 0 ? "" : ", ").append(n).append("x ").append(t));
      sizing.put("awsInstanceTypes", text.toString());
    }

    Target vm(Rule r, Facts f, List<String> warnings, Map<String, String> sizing) {
      String region = gcpRegion(f);
      Ec2Instance i = f.instance();
      Rightsizer.Params p = params(r);
      boolean stopped = !i.running();
      if (stopped) {
        p = new Rightsizer.Params("as-is", p.percentile(), p.headroom(), p.memoryHeadroom(), p.minNodes(), p.series());
        warnings.add("instance is " + i.state() + ": sized as-is, no VM hours until it is started; its disks are kept");
      }
      Rightsizer.Need need = sizer.need(List.of(i), index::usage, p, stopped);
      warnings.addAll(need.warnings());
      List<String> series = series(need, region, p, warnings);
      Catalog.MachineType m = sizer.vm(need, series, "as-is".equals(p.strategy()));
      String os = "windows".equalsIgnoreCase(i.platform()) ? "windows" : "linux";
      if (os.equals("windows")) {
        warnings.add("Windows Server: Compute Engine adds a per-vCPU licence fee for premium images "
            + "(or bring your own licence on sole-tenant nodes)");
      }
      sizeFacts(sizing, p, need, List.of(i));
      sizing.put("machineType", m.name());
      return new Target.ComputeEngineVm(m.name(), m.arch(), os, i.running(), region);
    }

    Target memorystore(Rule r, Facts f, List<String> warnings, Map<String, String> sizing) {
      String region = gcpRegion(f);
      Rightsizer.Params p = params(r);
      List<Ec2Instance> hosts = hosts(f);
      Rightsizer.Need need = sizer.need(hosts, index::usage, p, false);
      warnings.addAll(need.warnings().stream().filter(w -> w.startsWith("memory")).toList());
      String engine = r.target().string("engine", "auto");
      if (engine.equals("auto")) {
        engine = cacheEngine(f, hosts);
      }
      double capacity = Math.max(1, Math.ceil(need.memoryGib()));
      sizeFacts(sizing, p, need, hosts);
      sizing.put("capacityGib", fmt(capacity));
      String tier = r.target().string("tier", "auto");
      return new Target.Memorystore(engine, tier.equals("auto") ? "standard" : tier, capacity, region);
    }

    // ---- managed databases and caches ----

    /**
     * A database as the sizing sees it: engine family and major version, today's shape, what was
     * measured, storage, Multi-AZ and readers.
     */
    record Db(String family, String major, String awsShape, double vcpu, double memoryGib, Double cpuPct, Double freeMinGib,
        long allocatedGib, Double usedGib, boolean multiAz, int readers, boolean serverless) {}

    Db db(Facts f, Rightsizer.Params p, List<String> warnings, Map<String, String> sizing) {
      boolean max = p.percentile() == 100;
      if (f.kind == ItemKind.RDS_INSTANCE) {
        DbInstance d = f.db();
        Catalog.DbShape c = catalog.dbClass(d.instanceClass()).orElseThrow(() -> new Rightsizer.SizingException(
            "instance class '" + d.instanceClass() + "' of " + d.id() + " is not in the RDS class catalogue "
                + "(catalog/rds_instance_classes.csv): no size to start from; map it with a rule of your own"));
        String family = Datastores.engineFamily(d.engine());
        return new Db(family, Datastores.majorVersion(family, d.engineVersion()), d.instanceClass(), c.vcpu(), c.memoryGib(),
            Datastores.usage(index, Datastores.RDS, d.id(), max ? Usage::cpuMaxPct : Usage::cpuP95Pct),
            Datastores.metric(index, Datastores.RDS, d.id(), DatastoreMetrics::freeableMemoryMinGib), d.allocatedStorageGib(),
            Datastores.metric(index, Datastores.RDS, d.id(), DatastoreMetrics::storageUsedGib), d.multiAz(), 0, false);
      }
      DbCluster c = f.cluster();
      String family = Datastores.engineFamily(c.engine());
      String major = Datastores.majorVersion(family, c.engineVersion());
      int readers = Datastores.readers(c, index);
      Double used = Datastores.metric(index, Datastores.AURORA, c.id(), DatastoreMetrics::storageUsedGib);
      if (Datastores.serverless(c)) {
        Double peak = Datastores.metric(index, Datastores.AURORA, c.id(), DatastoreMetrics::capacityAcuMax);
        boolean measured = "measured".equals(p.strategy()) && peak != null;
        Double acu = measured ? peak : c.serverlessMaxAcu();
        if (acu == null) {
          throw new Rightsizer.SizingException("Aurora Serverless cluster " + c.id() + " has neither a measured capacity "
              + "(ServerlessDatabaseCapacity) nor a maximum capacity to size from");
        }
        warnings.add("Aurora Serverless: sized from the " + (measured ? "highest measured" : "maximum") + " capacity, "
            + fmt(acu) + " ACU (about " + fmt(DbSizer.GIB_PER_ACU) + " GiB and " + fmt(DbSizer.VCPU_PER_ACU)
            + " vCPU each); the target has a fixed shape, so quiet hours cost as much as busy ones");
        sizing.put(measured ? "capacityAcuMax" : "maxAcu", fmt(acu));
        return new Db(family, major, "serverless " + (c.serverlessMinAcu() == null ? "" : fmt(c.serverlessMinAcu()) + "-")
            + (c.serverlessMaxAcu() == null ? "" : fmt(c.serverlessMaxAcu())) + " ACU", acu * DbSizer.VCPU_PER_ACU,
            acu * DbSizer.GIB_PER_ACU, null, null, 0, used, c.multiAz(), readers, true);
      }
      DbInstance w = Datastores.writer(c, index);
      if (w == null) {
        throw new Rightsizer.SizingException("cluster " + c.id() + " has no member instances in the snapshot to size from");
      }
      Catalog.DbShape shape = catalog.dbClass(w.instanceClass()).orElseThrow(() -> new Rightsizer.SizingException(
          "instance class '" + w.instanceClass() + "' of writer " + w.id() + " is not in the RDS class catalogue "
              + "(catalog/rds_instance_classes.csv): no size to start from; map it with a rule of your own"));
      return new Db(family, major, w.instanceClass(), shape.vcpu(), shape.memoryGib(),
          Datastores.clusterUsage(index, c, max ? Usage::cpuMaxPct : Usage::cpuP95Pct),
          Datastores.clusterMetric(index, c, DatastoreMetrics::freeableMemoryMinGib), 0, used, c.multiAz(), readers, false);
    }

    DbSizer.Need dbNeed(Db db, Rightsizer.Params p, List<String> warnings, Map<String, String> sizing) {
      sizing.put("awsClass", db.awsShape());
      sizing.put("awsVcpu", fmt(db.vcpu()));
      sizing.put("awsMemoryGib", fmt(db.memoryGib()));
      if (db.serverless()) {
        // already sized from its capacity (measured peak, else maximum): no CPU or memory figures to apply
        sizing.put("strategy", sizing.containsKey("capacityAcuMax") ? "measured" : "as-is");
        sizing.put("neededVcpu", fmt(db.vcpu()));
        sizing.put("neededMemoryGib", fmt(db.memoryGib()));
        return new DbSizer.Need(db.vcpu(), db.memoryGib());
      }
      boolean measured = "measured".equals(p.strategy());
      return DbSizer.need(db.vcpu(), db.memoryGib(), db.cpuPct(), db.freeMinGib(), p, measured, warnings, sizing);
    }

    /** Warnings and blockers every database mapping shares: replicas, Aurora features without a counterpart. */
    void dbNotes(Facts f, String gcpRegion, List<String> warnings, List<String> blockers) {
      if (f.kind == ItemKind.RDS_INSTANCE && f.db().clusterId() != null) {
        warnings.add("member of Multi-AZ DB cluster " + f.db().clusterId() + ": each member is mapped to its own "
            + "instance here; one regional (HA) instance, with a read replica if readers use the standbys, usually "
            + "replaces the cluster");
      }
      if (f.kind == ItemKind.RDS_INSTANCE && f.db().readReplica()) {
        DbInstance d = f.db();
        if (Datastores.crossRegionReplica(d)) {
          warnings.add("cross-region read replica of " + d.readReplicaSourceId() + ": becomes a cross-region read replica "
              + "in " + gcpRegion + " of the migrated primary (replication across regions is billed as network egress)");
        } else {
          warnings.add("read replica of " + d.readReplicaSourceId() + ": becomes a read replica of the migrated primary, "
              + "priced here as its own instance");
        }
      }
      if (f.kind == ItemKind.AURORA_CLUSTER) {
        DbCluster c = f.cluster();
        if (c.globalClusterId() != null) {
          blockers.add("Aurora Global Database " + c.globalClusterId() + ": no like-for-like counterpart (storage-level "
              + "replication with managed cross-region failover); plan cross-region replicas (Cloud SQL) or a secondary "
              + "cluster (AlloyDB), their failover runbook and the second region's cost");
        }
        if (c.backtrackWindowHours() > 0) {
          warnings.add("Aurora Backtrack (" + fmt(c.backtrackWindowHours()) + " h window): no counterpart; point-in-time "
              + "recovery restores into a new instance instead of rewinding this one");
        }
      }
    }

    String sourceEngine(Db db) {
      return switch (db.family()) {
        case "mysql", "mariadb" -> "mysql";
        case "postgres" -> "postgres";
        case "sqlserver" -> "sqlserver";
        default -> null;
      };
    }

    boolean ha(Rule r, Db db) {
      String ha = r.target().string("highAvailability", "auto");
      return ha.equals("auto") ? db.multiAz() : Boolean.parseBoolean(ha);
    }

    Target cloudSql(Rule r, Facts f, List<String> warnings, List<String> blockers, Map<String, String> sizing) {
      String region = gcpRegion(f);
      Rightsizer.Params p = params(r);
      Db db = db(f, p, warnings, sizing);
      String engine = r.target().string("engine", "auto");
      String natural = sourceEngine(db);
      if (engine.equals("auto")) {
        if (natural == null) {
          throw new Rightsizer.SizingException("Cloud SQL has no " + db.family() + " engine (it runs MySQL, PostgreSQL and "
              + "SQL Server); map it with a rule that names its target");
        }
        engine = natural;
      } else if (!engine.equals(natural)) {
        warnings.add("engine conversion " + Datastores.engineName(db.family()) + " -> " + Datastores.engineName(engine) + ": schema, code and data types change "
            + "(Database Migration Service conversion workspaces help for some pairs)");
      }
      if (engine.equals(db.family())) {
        versionCheck(Datastores.engineName(db.family()), db.major(), "cloud-sql-" + engine, "Cloud SQL", warnings, blockers);
      }
      String edition = r.target().string("edition", "enterprise");
      DbSizer.Need need = dbNeed(db, p, warnings, sizing);
      DbSizer.Shape shape = DbSizer.cloudSql(need, edition, warnings, blockers);
      double headroom = r.sizing().storageHeadroom() != null ? r.sizing().storageHeadroom() : DbSizer.DEFAULT_STORAGE_HEADROOM;
      long storage = DbSizer.cloudSqlStorage(db.allocatedGib(), db.usedGib(), headroom, "measured".equals(p.strategy()),
          warnings, blockers, sizing);
      sizing.put("machineType", shape.machineType());
      dbNotes(f, region, warnings, blockers);
      return new Target.CloudSql(engine, edition, shape.vcpu(), shape.memoryGib(), storage,
          r.target().string("storageType", "ssd"), ha(r, db), f.kind == ItemKind.AURORA_CLUSTER ? db.readers() : 0, region);
    }

    void versionCheck(String what, String major, String target, String targetName, List<String> warnings,
        List<String> blockers) {
      Datastores.VersionCheck v = Datastores.checkVersion(what.trim(), major, catalog.targetVersions(target), targetName);
      if (v != null) {
        (v.blocker() ? blockers : warnings).add(v.message());
      }
    }

    Target alloyDb(Rule r, Facts f, List<String> warnings, List<String> blockers, Map<String, String> sizing) {
      String region = gcpRegion(f);
      Rightsizer.Params p = params(r);
      Db db = db(f, p, warnings, sizing);
      if (db.family().equals("postgres")) {
        versionCheck("PostgreSQL", db.major(), "alloydb", "AlloyDB", warnings, blockers);
      } else {
        warnings.add("engine conversion " + Datastores.engineName(db.family()) + " -> PostgreSQL (AlloyDB): schema, code and data types change "
            + "(Database Migration Service conversion workspaces help for some pairs)");
      }
      DbSizer.Need need = dbNeed(db, p, warnings, sizing);
      DbSizer.Shape shape = DbSizer.n2(need);
      if (shape == null) {
        blockers.add(DbSizer.beyond(need, "AlloyDB", 128, 864));
        shape = new DbSizer.Shape(128, 864, "n2-highmem-128");
      }
      double stored;
      if (db.usedGib() != null) {
        stored = Rightsizer.round3(db.usedGib());
      } else if (db.allocatedGib() > 0) {
        stored = db.allocatedGib();
        warnings.add("storage used not measured: AlloyDB storage (billed as used) taken as allocated today, "
            + db.allocatedGib() + " GiB");
      } else {
        stored = 0;
        warnings.add("storage used not measured (no VolumeBytesUsed): no AlloyDB storage is counted, so its cost is "
            + "missing from the plan");
      }
      sizing.put("storageGib", fmt(stored));
      sizing.put("machineType", shape.machineType());
      int pool = r.target().string("readPool", "auto").equals("none") || f.kind != ItemKind.AURORA_CLUSTER ? 0 : db.readers();
      if (pool > 0) {
        sizing.put("readPoolNodes", Integer.toString(pool));
      }
      dbNotes(f, region, warnings, blockers);
      return new Target.AlloyDb(shape.vcpu(), shape.memoryGib(), stored, ha(r, db), pool, region);
    }

    /** A self-managed database on a Compute Engine VM of about the same shape (Oracle, Db2). */
    Target dbVm(Rule r, Facts f, List<String> warnings, Map<String, String> sizing) {
      String region = gcpRegion(f);
      Rightsizer.Params p = params(r);
      Db db = db(f, p, warnings, sizing);
      DbSizer.Need need = dbNeed(db, p, warnings, sizing);
      // Oracle and Db2 run on x86_64: the VM stays x86 even for a Graviton class
      String family = catalog.dbClass(f.db().instanceClass()).map(Catalog.DbShape::family).orElse("");
      Rightsizer.Need vmNeed = new Rightsizer.Need(need.vcpu(), need.memoryGib(), 1, 0, 0, family, "x86_64", List.of());
      List<String> series = series(vmNeed, region, p, warnings);
      Catalog.MachineType m = sizer.vm(vmNeed, series, "as-is".equals(p.strategy()));
      sizing.put("machineType", m.name());
      sizing.put("dataDiskGib", Long.toString(db.allocatedGib()));
      warnings.add("the database's storage (" + db.allocatedGib() + " GiB allocated today) needs a Persistent Disk or "
          + "Hyperdisk that this mapping does not include or price");
      if ("license-included".equals(f.db().licenseModel())) {
        warnings.add("the " + Datastores.engineName(db.family()) + " licence is included in the RDS price today; "
            + "on Compute Engine bring your own");
      }
      dbNotes(f, region, warnings, new ArrayList<>());
      return new Target.ComputeEngineVm(m.name(), m.arch(), "linux", !"stopped".equals(f.db().status()), region);
    }

    Target cache(Rule r, Facts f, List<String> warnings, List<String> blockers, Map<String, String> sizing) {
      String region = gcpRegion(f);
      CacheCluster c = f.cache();
      Rightsizer.Params p = params(r);
      String source = Datastores.engineFamily(c.engine());
      String engine = r.target().string("engine", "auto");
      if (engine.equals("auto")) {
        engine = switch (source) {
          case "memcached" -> "memcached";
          case "valkey" -> "valkey";
          default -> c.clusterMode() ? "redis-cluster" : "redis";
        };
      }
      if (source.equals("memcached") != engine.equals("memcached")) {
        throw new Rightsizer.SizingException("a " + source + " cache cannot become Memorystore " + engine
            + " (different protocols); map it to " + (source.equals("memcached") ? "memcached" : "redis, redis-cluster or valkey"));
      }
      String major = Datastores.majorVersion(source, c.engineVersion());
      if (engine.equals(source)) {
        // Memorystore for Redis Cluster has no version table here: its versions were not looked up
        versionCheck(Datastores.engineName(source), major, "memorystore-" + engine,
            "Memorystore for " + Datastores.engineName(engine), warnings, blockers);
      } else if (source.equals("redis") && engine.equals("valkey")) {
        warnings.add("Redis OSS -> Valkey: Valkey is a fork of Redis OSS 7.2 and speaks its protocol; test the client "
            + "and any module or command the application relies on");
      }
      // Capacity: memory for data today (primaries only: replicas hold copies), then what was used.
      double capacity;
      boolean measured = "measured".equals(p.strategy());
      Double dataGib = Datastores.metric(index, Datastores.CACHE, c.id(), DatastoreMetrics::storageUsedGib);
      Double usedPct = Datastores.metric(index, Datastores.CACHE, c.id(), DatastoreMetrics::memoryUsedMaxPct);
      if (c.serverless()) {
        if (dataGib != null) {
          capacity = dataGib * p.memoryHeadroom();
          sizing.put("dataGib", fmt(dataGib));
          sizing.put("memoryHeadroom", fmt(p.memoryHeadroom()));
          warnings.add("ElastiCache Serverless: sized from the data stored (" + fmt(dataGib) + " GiB) x memory headroom "
              + fmt(p.memoryHeadroom()) + "; Memorystore bills provisioned capacity, not data stored and ECPUs");
        } else if (c.serverlessMaxDataGib() != null) {
          capacity = c.serverlessMaxDataGib();
          warnings.add("ElastiCache Serverless: data stored not measured; sized at its data limit, "
              + fmt(c.serverlessMaxDataGib()) + " GiB");
        } else {
          throw new Rightsizer.SizingException("serverless cache " + c.id() + " has neither measured data nor a data "
              + "limit to size from");
        }
        sizing.put("awsNodeType", "serverless");
      } else {
        Catalog.DbShape node = catalog.cacheNodeType(c.nodeType()).orElseThrow(() -> new Rightsizer.SizingException(
            "node type '" + c.nodeType() + "' of " + c.id() + " is not in the ElastiCache node catalogue "
                + "(catalog/elasticache_node_types.csv): no size to start from; map it with a rule of your own"));
        double total = node.memoryGib() * Math.max(1, c.shards());
        sizing.put("awsNodeType", c.nodeType());
        sizing.put("awsMemoryGib", fmt(total));
        capacity = total;
        if (measured) {
          Double used = usedPct != null ? Double.valueOf(total * usedPct / 100.0) : dataGib;
          if (used != null) {
            // never above today's memory: a cache fills what it has and evicts
            capacity = Math.min(total, used * p.memoryHeadroom());
            sizing.put(usedPct != null ? "memoryUsedMaxPct" : "dataGib", fmt(usedPct != null ? usedPct : used));
            sizing.put("memoryHeadroom", fmt(p.memoryHeadroom()));
          } else {
            warnings.add("cache memory use not measured: sized as-is");
          }
        }
      }
      sizing.put("strategy", measured ? "measured" : "as-is");
      capacity = Math.max(1, Math.ceil(capacity - 1e-9));
      sizing.put("capacityGib", fmt(capacity));
      int shards = Math.max(1, c.shards());
      int replicas = c.serverless() ? 1 : c.replicasPerShard();
      if (c.globalReplicationGroupId() != null) {
        warnings.add("Global Datastore " + c.globalReplicationGroupId() + ": plan cross-region replication on the "
            + "target and price the second region");
      }
      String tier = r.target().string("tier", "auto");
      if (tier.equals("auto")) {
        tier = replicas > 0 ? "standard" : "basic";
      }
      switch (engine) {
        case "redis" -> {
          if (capacity > DbSizer.MEMORYSTORE_REDIS_MAX_GIB) {
            blockers.add("needs " + fmt(capacity) + " GiB, above Memorystore for Redis's 300 GB instance limit: use "
                + "Memorystore for Redis Cluster or Valkey (clients must speak cluster mode)");
          }
          if (shards > 1) {
            blockers.add(shards + " shards (cluster mode): Memorystore for Redis is one primary; use redis-cluster or valkey");
          }
          if (replicas > 1) {
            warnings.add(replicas + " replicas today: the Standard Tier keeps one failover replica; add read replicas "
                + "if the application reads from them");
          }
          return new Target.Memorystore("redis", tier, capacity, 1, 0, region);
        }
        case "memcached" -> {
          int nodes = shards;
          if (nodes > DbSizer.MEMCACHED_MAX_NODES) {
            blockers.add(nodes + " nodes, above Memorystore for Memcached's 20 per instance: split it into instances");
          }
          if (capacity / nodes > DbSizer.MEMCACHED_MAX_NODE_GIB) {
            blockers.add(fmt(capacity / nodes) + " GiB per node, above Memorystore for Memcached's 256 GB: add nodes");
          }
          sizing.put("nodes", Integer.toString(nodes));
          return new Target.Memorystore("memcached", "basic", capacity, nodes, 0, region);
        }
        default -> {
          sizing.put("shards", Integer.toString(shards));
          sizing.put("replicasPerShard", Integer.toString(replicas));
          return new Target.Memorystore(engine, tier, capacity, shards, replicas, region);
        }
      }
    }


    Target disk(Rule r, Facts f, List<String> warnings, Map<String, String> sizing) {
      String region = gcpRegion(f);
      EbsVolume v = f.volume();
      String type = r.target().string("diskType", "pd-balanced");
      boolean iopsPriced = type.equals("pd-extreme") || type.startsWith("hyperdisk");
      boolean throughputPriced = type.equals("hyperdisk-balanced") || type.equals("hyperdisk-throughput");
      Ec2Instance host = f.host();
      if (host == null) {
        warnings.add("unattached volume: kept as a disk; snapshot it and delete it if nothing uses it");
      } else if (!host.running()) {
        warnings.add("host " + host.id() + " is " + host.state() + ": disk kept");
      }
      sizing.put("awsVolumeType", v.volumeType());
      sizing.put("sizeGib", Integer.toString(v.sizeGib()));
      if (v.iops() != null) {
        sizing.put("awsIops", v.iops().toString());
      }
      return new Target.PersistentDisk(type, v.sizeGib(), iopsPriced ? v.iops() : null,
          throughputPriced ? v.throughputMibps() : null, region);
    }

    Target loadBalancer(Rule r, Facts f, List<String> warnings, Map<String, String> sizing) {
      LoadBalancer lb = f.lb();
      String type = r.target().string("lbType", "global-external-application");
      String region = type.startsWith("global") ? "global" : gcpRegion(f);
      if (type.startsWith("global")) {
        gcpRegion(f); // the backends still need a region
      }
      TreeSet<String> protocols = new TreeSet<>();
      lb.listeners().forEach(l -> protocols.add(l.protocol()));
      int rules = Math.max(1, protocols.size());
      String ingress = r.target().string("gkeIngress", "auto");
      boolean gke = ingress.equals("auto") ? backsGke(lb) : Boolean.parseBoolean(ingress);
      if (type.contains("passthrough") && (protocols.contains("TLS") || protocols.contains("SSL"))) {
        warnings.add("TLS listener: a passthrough Network Load Balancer does not terminate TLS; "
            + "terminate it in the backends or use a proxy Network Load Balancer");
      }
      long certs = lb.listeners().stream().mapToLong(l -> l.certificateIds().size()).sum();
      if (certs > 0) {
        sizing.put("certificates", Long.toString(certs));
      }
      sizing.put("listenerProtocols", String.join(", ", protocols));
      sizing.put("forwardingRules", Integer.toString(rules));
      return new Target.CloudLoadBalancer(type, rules, gke, region);
    }

    boolean backsGke(LoadBalancer lb) {
      for (String g : index.groupsOf(lb.id())) {
        Mapping m = mapped.get(g);
        if (m != null && m.target() instanceof Target.GkeWorkload) {
          return true;
        }
      }
      for (String id : lb.backendInstanceIds()) {
        Mapping m = mapped.get(id);
        if (m != null && m.target() instanceof Target.Retire rt && rt.foldedInto() != null) {
          m = mapped.get(rt.foldedInto());
        }
        if (m != null && m.target() instanceof Target.GkeWorkload) {
          return true;
        }
      }
      return false;
    }

    Target cdn(Rule r, Facts f, List<String> warnings, List<String> blockers, Map<String, String> sizing) {
      Distribution d = f.distribution();
      for (Distribution.CacheBehavior b : d.allBehaviors()) {
        for (Distribution.EdgeFunction fn : b.functions()) {
          String what = fn.kind().equals("lambda-edge") ? "Lambda@Edge" : "CloudFront Function";
          blockers.add(what + " " + fn.arn() + " (" + fn.eventType() + ", path " + b.pathPattern()
              + "): Cloud CDN runs no code at the edge; move the logic to the origin, a Service Extension or Cloud Run");
        }
      }
      if (d.fieldLevelEncryption()) {
        blockers.add("field-level encryption: Cloud CDN has no equivalent; encrypt sensitive fields in the application");
      }
      if (d.allBehaviors().stream().anyMatch(Distribution.CacheBehavior::signedUrls)) {
        warnings.add("signed URLs/cookies: Cloud CDN has its own signed URL and cookie format and keys; "
            + "the signing code and keys change");
      }
      boolean armor = d.webAclId() != null;
      if (armor) {
        warnings.add("AWS WAF web ACL -> Cloud Armor security policy: the rules must be rewritten");
      }
      if (!"none".equals(d.geoRestriction())) {
        armor = true;
        warnings.add("geo restriction (" + d.geoRestriction() + " " + String.join(",", d.geoLocations())
            + ") -> Cloud Armor rule on origin.region_code");
      }
      if (!"PriceClass_All".equals(d.priceClass())) {
        warnings.add(d.priceClass() + ": Cloud CDN has no price classes; it serves from every edge location");
      }
      Distribution.Origin origin = Topology.defaultOrigin(d);
      String backend;
      if (origin == null) {
        backend = "unknown";
      } else if (origin.kind().equals("s3")) {
        String bucket = Topology.bucketName(Topology.dnsHost(origin.domainName()));
        backend = "backend-bucket:" + (bucket != null ? bucket : origin.domainName());
      } else if (origin.kind().equals("elb")) {
        LoadBalancer lb = index.originLoadBalancer(origin);
        String name = lb != null ? lb.name() : origin.domainName();
        backend = "backend-service:" + name;
      } else {
        backend = "internet-neg:" + origin.domainName();
        warnings.add("custom origin " + origin.domainName() + ": served through an internet network endpoint group");
      }
      sizing.put("behaviors", Integer.toString(d.allBehaviors().size()));
      sizing.put("origins", Integer.toString(d.origins().size()));
      return new Target.CloudCdn(backend, r.target().string("cacheMode", "CACHE_ALL_STATIC"), armor, "global");
    }

    Target storage(Rule r, Facts f, List<String> warnings, Map<String, String> sizing) {
      String region = gcpRegion(f);
      S3Bucket b = f.bucket();
      @SuppressWarnings("unchecked")
      Map<String, String> overrides = (Map<String, String>) r.target().params().getOrDefault("classMap", Map.of());
      List<Target.ClassMapping> classes = new ArrayList<>();
      double total = 0;
      for (S3Bucket.StorageClassUsage c : b.storage()) {
        String gcs = overrides.getOrDefault(c.storageClass(), DEFAULT_CLASSES.getOrDefault(c.storageClass(), "STANDARD"));
        double gib = Rightsizer.round3(c.gib());
        total += c.gib();
        classes.add(new Target.ClassMapping(c.storageClass(), gcs, gib));
        if (c.bytes() > 0 && (c.storageClass().equals("GLACIER") || c.storageClass().equals("DEEP_ARCHIVE"))) {
          warnings.add(c.storageClass() + " objects must be restored before Storage Transfer Service can copy them "
              + "(restore fees and hours to days)");
        }
        if (c.bytes() > 0 && c.storageClass().equals("INTELLIGENT_TIERING")) {
          warnings.add("INTELLIGENT_TIERING: consider Cloud Storage Autoclass for the same effect");
        }
      }
      String location = switch (r.target().string("location", "region")) {
        case "multi-region" -> multiRegion(region);
        case "dual-region" -> "dual-region:" + multiRegion(region);
        default -> region;
      };
      sizing.put("transferService", "storage-transfer-service");
      sizing.put("oneOffTransferGib", fmt(Rightsizer.round3(total)));
      if (b.totalObjects() != null) {
        sizing.put("objects", b.totalObjects().toString());
      }
      return new Target.CloudStorage(location, classes, region);
    }

    Target retire(Rule r, Facts f) {
      String into = r.target().string("foldInto", "none");
      String region = regionMap.get(f.region);
      switch (into) {
        case "auto-scaling-group" -> {
          String g = f.kind == ItemKind.EC2_INSTANCE ? f.instance().autoScalingGroup() : null;
          if (g == null) {
            throw new Rightsizer.SizingException("it folds into its auto scaling group, but it has none");
          }
          Mapping gm = mapped.get(g);
          if (gm == null || gm.target() instanceof Target.Retire) {
            throw new Rightsizer.SizingException("it folds into auto scaling group '" + g + "', which is not mapped to a target");
          }
          return new Target.Retire(g, region);
        }
        case "host" -> {
          Ec2Instance host = f.kind == ItemKind.EBS_VOLUME ? f.host() : null;
          if (host == null) {
            throw new Rightsizer.SizingException("it folds into its instance, but it is not attached to one");
          }
          Mapping hm = mapped.get(host.id());
          if (hm == null) {
            throw new Rightsizer.SizingException("it folds into instance " + host.id() + ", which is not mapped");
          }
          String target = hm.target() instanceof Target.Retire rt && rt.foldedInto() != null ? rt.foldedInto() : host.id();
          return new Target.Retire(target, region);
        }
        default -> {
          return new Target.Retire(null, region);
        }
      }
    }
  }

  /** S3 to Cloud Storage classes by minimum storage duration and access pattern (documented in rules/README.md). */
  static final Map<String, String> DEFAULT_CLASSES = defaultClasses();

  private static Map<String, String> defaultClasses() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("STANDARD", "STANDARD");
    m.put("REDUCED_REDUNDANCY", "STANDARD");
    m.put("EXPRESS_ONEZONE", "STANDARD");
    m.put("INTELLIGENT_TIERING", "STANDARD");
    m.put("STANDARD_IA", "NEARLINE");
    m.put("ONEZONE_IA", "NEARLINE");
    m.put("GLACIER_IR", "COLDLINE");
    m.put("GLACIER", "COLDLINE");
    m.put("DEEP_ARCHIVE", "ARCHIVE");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static String multiRegion(String gcpRegion) {
    if (gcpRegion.startsWith("europe")) {
      return "EU";
    }
    if (gcpRegion.startsWith("asia") || gcpRegion.startsWith("australia")) {
      return "ASIA";
    }
    return "US";
  }

  /** redis or memcached, from tags, name and ports; redis when nothing says memcached. */
  private static String cacheEngine(Facts f, List<Ec2Instance> hosts) {
    StringBuilder text = new StringBuilder(f.name.toLowerCase(Locale.ROOT));
    f.tags.values().forEach(v -> text.append(' ').append(v.toLowerCase(Locale.ROOT)));
    boolean memcachePort = false;
    for (Ec2Instance h : hosts) {
      memcachePort |= f.index.ports(h.id()).contains(11211);
    }
    return text.indexOf("memcache") >= 0 || memcachePort ? "memcached" : "redis";
  }

  /**
   * A Kubernetes name from the item's name (group name or Name tag) without a trailing
   * "-asg"/"-group", as a DNS-1123 label. (App tags name the application, not the component,
   * so several workloads would share them.)
   */
  private static final java.util.regex.Pattern GROUP_SUFFIX =
      java.util.regex.Pattern.compile("(?i)[-_](asg|autoscaling|auto-scaling-group|group)$");
  private static final java.util.regex.Pattern NOT_DNS = java.util.regex.Pattern.compile("[^a-z0-9-]+");
  private static final java.util.regex.Pattern EDGE_DASHES = java.util.regex.Pattern.compile("^-+|-+$");

  private static String workloadName(Facts f) {
    if (plainLabel(f.name)) {
      // already a DNS-1123 label without a group suffix: the steps below would keep it as it is
      return f.name.length() > 40 ? f.name.substring(0, 40).replaceAll("-+$", "") : f.name;
    }
    String raw = GROUP_SUFFIX.matcher(f.name).replaceAll("");
    String name = EDGE_DASHES.matcher(NOT_DNS.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("-")).replaceAll("");
    if (name.isEmpty()) {
      name = "workload";
    }
    return name.length() > 40 ? name.substring(0, 40).replaceAll("-+$", "") : name;
  }

  /**
   * Lower-case ASCII letters, digits and inner dashes, not ending in {@code -asg}, {@code -autoscaling},
   * {@code -auto-scaling-group} or {@code -group}.
   */
  private static boolean plainLabel(String name) {
    int n = name.length();
    if (n == 0 || name.charAt(0) == '-' || name.charAt(n - 1) == '-') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return false;
      }
    }
    return !(name.endsWith("-asg") || name.endsWith("-autoscaling") || name.endsWith("-auto-scaling-group")
        || name.endsWith("-group"));
  }

  private static List<String> dedupe(List<String> list) {
    // most mappings have no warning or blocker, or one
    return list.size() < 2 ? List.copyOf(list) : List.copyOf(new java.util.LinkedHashSet<>(list));
  }

  /** {@code 1/1}, {@code 0/1}, {@code 3/4}: measured of counted (the one-host texts shared). */
  private static String ofCount(int measured, int of) {
    if (of == 1 && (measured == 0 || measured == 1)) {
      return measured == 0 ? "0/1" : "1/1";
    }
    return measured + "/" + of;
  }

  private static final String[] COUNTS = new String[64];

  static {
    java.util.Arrays.setAll(COUNTS, Integer::toString);
  }

  /** {@link Integer#toString}, small counts (nodes of a pool) shared. */
  private static String count(int n) {
    return n >= 0 && n < COUNTS.length ? COUNTS[n] : Integer.toString(n);
  }

  /** A number rounded to 3 decimals without trailing zeros: 2, 0.5, 11.52. */
  static String fmt(double v) {
    double r = Rightsizer.round3(v);
    if (r == Math.rint(r) && Math.abs(r) < 1e15) {
      return Long.toString((long) r);
    }
    return java.math.BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
  }
}
