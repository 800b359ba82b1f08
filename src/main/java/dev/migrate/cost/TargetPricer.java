package dev.migrate.cost;

import dev.migrate.cost.CostLine.Driver;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.WebAcl;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Target;
import dev.migrate.pricing.Geography;
import dev.migrate.pricing.Price;
import dev.migrate.pricing.PriceKey;
import dev.migrate.pricing.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prices the Google Cloud side (TARGET) from the plan: each mapping's target, sized as the rules
 * engine sized it, with traffic taken from the usage of the AWS item it replaces.
 */
final class TargetPricer {
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final int FLAT_FORWARDING_RULES = 5;

  private final Estate estate;
  private final MigrationPlan plan;
  private final CostOptions options;
  private final Ledger ledger;
  private final List<String> warnings;
  /** cluster name -> (region, first workload's item) for the cluster fee, in plan order. */
  private final Map<String, String> clusters = new LinkedHashMap<>();
  /** forwarding rules already counted per region (or global): the first 5 are one flat charge. */
  private final Map<String, Integer> forwardingRules = new HashMap<>();
  /** Web ACLs whose Cloud Armor policy is already charged (one policy per AWS WAF web ACL). */
  private final Set<String> armorPolicies = new TreeSet<>();
  /** Cloud SQL, AlloyDB and Memorystore targets. */
  private final DatastoreTargetPricer datastores;

  TargetPricer(Estate estate, MigrationPlan plan, CostOptions options, Ledger ledger,
      List<String> warnings) {
    this.estate = estate;
    this.plan = plan;
    this.options = options;
    this.ledger = ledger;
    this.warnings = warnings;
    this.datastores = new DatastoreTargetPricer(estate, options, ledger, warnings);
  }

  void price() {
    for (Mapping m : plan.mappings()) {
      Ledger.Item item = new Ledger.Item(m.itemId(), m.itemName() == null ? m.itemId() : m.itemName(),
          estate.appOf(m.kind(), m.itemId()));
      Target t = m.target();
      if (t instanceof Target.GkeWorkload g) {
        gke(m, item, g);
      } else if (t instanceof Target.ComputeEngineVm vm) {
        vm(m, item, vm);
      } else if (t instanceof Target.PersistentDisk d) {
        disk(m, item, d);
      } else if (t instanceof Target.CloudLoadBalancer lb) {
        loadBalancer(m, item, lb);
      } else if (t instanceof Target.CloudCdn cdn) {
        cdn(m, item);
        if (cdn.cloudArmor()) {
          cloudArmor(m, item);
        }
      } else if (t instanceof Target.CloudStorage gcs) {
        storage(m, item, gcs);
      } else if (t instanceof Target.Memorystore ms) {
        datastores.memorystore(item, ms, region(m, ms.gcpRegion()));
      } else if (t instanceof Target.CloudSql sql) {
        datastores.cloudSql(item, sql, region(m, sql.gcpRegion()));
      } else if (t instanceof Target.AlloyDb alloy) {
        datastores.alloyDb(item, alloy, region(m, alloy.gcpRegion()));
      }
      // Target.Retire: no Google Cloud cost of its own (decommissioned or folded into another target).
    }
    clusterFees();
  }

  /** The region a target is priced in: its own, or the plan's mapping of the AWS region for global targets. */
  private String region(Mapping m, String targetRegion) {
    if (targetRegion != null && !"global".equals(targetRegion)) {
      return targetRegion;
    }
    String mapped = m.awsRegion() == null ? null : plan.regionMap().get(m.awsRegion());
    if (mapped != null) {
      return mapped;
    }
    String home = plan.regionMap().get(estate.homeRegion());
    return home != null ? home : "global";
  }

  // ------------------------------------------------------------------ compute

  private void gke(Mapping m, Ledger.Item item, Target.GkeWorkload g) {
    String region = region(m, g.gcpRegion());
    clusters.putIfAbsent(g.cluster(), region);
    boolean autopilot = switch (options.gkeMode()) {
      case AS_PLANNED -> g.autopilot();
      case STANDARD -> false;
      case AUTOPILOT -> true;
    };
    if (autopilot) {
      autopilot(item, g, region);
    } else {
      BigDecimal count = BigDecimal.valueOf(g.nodeCount());
      nodes(item, Services.GKE, g.machineType(), region, count, "node pool " + g.nodePool() + ": ");
      if (options.gkeNodeBootDiskGib() > 0) {
        // Every node VM has a boot disk (GKE default: 100 GB pd-balanced), billed as Persistent Disk.
        ledger.flat(item, Services.PERSISTENT_DISK, Driver.STORAGE, "node boot disks (" + count.stripTrailingZeros().toPlainString() + " x "
            + options.gkeNodeBootDiskGib() + " GiB pd-balanced)", count.multiply(BigDecimal.valueOf(options.gkeNodeBootDiskGib())),
            PriceKey.gcp("disk", "pd-balanced:capacity", region));
      }
    }
  }

  private void autopilot(Ledger.Item item, Target.GkeWorkload g, String region) {
    BigDecimal replicas = BigDecimal.valueOf(g.replicas());
    BigDecimal vcpuHours = replicas.multiply(BigDecimal.valueOf(g.podCpu())).multiply(estate.hoursPerMonth);
    BigDecimal gibHours = replicas.multiply(BigDecimal.valueOf(g.podMemoryGib())).multiply(estate.hoursPerMonth);
    switch (options.targetPricing()) {
      case ON_DEMAND -> {
        ledger.flat(item, Services.GKE, Driver.COMPUTE_ON_DEMAND, "Autopilot Pod vCPU (" + g.replicas() + " x " + g.podCpu() + " vCPU)", vcpuHours,
            PriceKey.gcp("gke", "autopilot-vcpu", region));
        ledger.flat(item, Services.GKE, Driver.COMPUTE_ON_DEMAND, "Autopilot Pod memory (" + g.replicas() + " x " + g.podMemoryGib() + " GiB)", gibHours,
            PriceKey.gcp("gke", "autopilot-memory", region));
      }
      case SPOT_SHARE -> {
        BigDecimal spot = options.spotShare();
        BigDecimal od = BigDecimal.ONE.subtract(spot);
        ledger.flat(item, Services.GKE, Driver.COMPUTE_ON_DEMAND, "Autopilot Pod vCPU, on-demand share", vcpuHours.multiply(od), PriceKey.gcp("gke", "autopilot-vcpu", region));
        ledger.flat(item, Services.GKE, Driver.COMPUTE_ON_DEMAND, "Autopilot Pod memory, on-demand share", gibHours.multiply(od), PriceKey.gcp("gke", "autopilot-memory", region));
        ledger.flat(item, Services.GKE, Driver.COMPUTE_SPOT, "Autopilot Spot Pod vCPU", vcpuHours.multiply(spot), PriceKey.gcp("gke", "autopilot-vcpu-spot", region));
        ledger.flat(item, Services.GKE, Driver.COMPUTE_SPOT, "Autopilot Spot Pod memory", gibHours.multiply(spot), PriceKey.gcp("gke", "autopilot-memory-spot", region));
      }
      case CUD_1Y, CUD_3Y -> {
        String term = options.targetPricing() == CostOptions.TargetPricing.CUD_1Y ? "cud-1y" : "cud-3y";
        ledger.flat(item, Services.GKE, Driver.COMMITTED, "Autopilot Pod vCPU, committed use", vcpuHours, PriceKey.gcp("gke", "autopilot-vcpu:" + term, region));
        ledger.flat(item, Services.GKE, Driver.COMMITTED, "Autopilot Pod memory, committed use", gibHours, PriceKey.gcp("gke", "autopilot-memory:" + term, region));
      }
    }
  }

  /**
   * VM hours for {@code count} machines of one type, bought as the options say. On-demand hours
   * get the sustained-use discount of their series as a separate negative line.
   */
  private void nodes(Ledger.Item item, String service, String machineType, String region, BigDecimal count, String label) {
    String what = label + count.stripTrailingZeros().toPlainString() + " x " + machineType;
    switch (options.targetPricing()) {
      case ON_DEMAND -> onDemand(item, service, machineType, region, count, what);
      case SPOT_SHARE -> {
        BigDecimal spot = count.multiply(options.spotShare());
        onDemand(item, service, machineType, region, count.subtract(spot), what + ", on-demand share");
        ledger.machine(item, service, Driver.COMPUTE_SPOT, machineType, "Spot VM hours (" + what + ", spot share " + options.spotShare().toPlainString() + ")",
            spot.multiply(estate.hoursPerMonth), PriceKey.gcp("compute", machineType + ":spot", region));
      }
      case CUD_1Y, CUD_3Y -> {
        String term = options.targetPricing() == CostOptions.TargetPricing.CUD_1Y ? "cud-1y" : "cud-3y";
        // The book's committed-use price is per machine-month of 730 h.
        ledger.machine(item, service, Driver.COMMITTED, machineType, (term.equals("cud-1y") ? "1-year" : "3-year") + " committed use (" + what + ")",
            count, PriceKey.gcp("compute", machineType + ":" + term, region));
      }
    }
  }

  private void onDemand(Ledger.Item item, String service, String machineType, String region, BigDecimal count, String what) {
    OnDemand od = onDemand(machineType, region);
    BigDecimal amount = ledger.machine(item, service, Driver.COMPUTE_ON_DEMAND, machineType, "VM hours (" + what + ")", count.multiply(estate.hoursPerMonth),
        od.key);
    if (amount == null || amount.signum() == 0) {
      return;
    }
    Price sud = od.sud;
    if (sud == null) {
      return; // the series earns no sustained-use discount (E2, N4, C3, T2D, ... : no sud row in the book)
    }
    Tier t = sud.flat();
    ledger.add(item, service, Driver.SUSTAINED_USE, machineType, od.sudComponent,
        amount, "USD of on-demand", ledger.text(sud.key()), t.usd().negate(), t.source(), t.asOf(), amount.multiply(t.usd()).negate(),
        od.estimated);
  }

  /**
   * What the on-demand hours of one machine type in one region are priced with: the key, the series' sustained-use
   * discount (null when it earns none) and its line's text, and whether the price is estimated from another region.
   */
  private static final class OnDemand {
    final PriceKey key;
    final Price sud;
    final String sudComponent;
    final boolean estimated;

    OnDemand(Ledger ledger, String machineType, String region) {
      this.key = PriceKey.gcp("compute", machineType + ":ondemand", region);
      String series = machineType.contains("-") ? machineType.substring(0, machineType.indexOf('-')) : machineType;
      if (machineType.startsWith("custom-")) {
        series = "custom";
      }
      this.sud = ledger.book().find(PriceKey.gcp("compute", "sud:" + series, "all")).orElse(null);
      if (sud == null) {
        this.sudComponent = null;
        this.estimated = false;
        return;
      }
      BigDecimal pct = sud.flat().usd().movePointRight(2).stripTrailingZeros();
      this.sudComponent = "sustained-use discount " + pct.toPlainString() + "% (" + series + ", full month)";
      // The discount of an estimated on-demand price is an estimate too.
      this.estimated = ledger.book().lookup(key).map(Price::estimated).orElse(false);
    }
  }

  /** Machine type -> region -> its {@link OnDemand}: an estate has few, its VMs and node pools many. */
  private final Map<String, Map<String, OnDemand>> onDemands = new HashMap<>();

  private OnDemand onDemand(String machineType, String region) {
    return onDemands.computeIfAbsent(machineType, t -> new HashMap<>())
        .computeIfAbsent(region, r -> new OnDemand(ledger, machineType, r));
  }

  private void vm(Mapping m, Ledger.Item item, Target.ComputeEngineVm vm) {
    if (!vm.running()) {
      return; // stopped today: disks only (their own mappings)
    }
    String region = region(m, vm.gcpRegion());
    nodes(item, Services.COMPUTE_ENGINE, vm.machineType(), region, BigDecimal.ONE, "");
    if ("windows".equalsIgnoreCase(vm.os())) {
      // The Windows Server premium image is billed per VM-hour on top of the machine type, whatever the
      // machine is bought as (on-demand, Spot or committed use): committed-use discounts do not cover licences.
      ledger.flat(item, Services.COMPUTE_ENGINE, Driver.FIXED, "Windows Server licence (" + vm.machineType() + ")", estate.hoursPerMonth,
          PriceKey.gcp("compute", vm.machineType() + ":windows-licence", region));
    }
  }

  private void clusterFees() {
    BigDecimal fees = BigDecimal.ZERO;
    Ledger.Item first = null;
    for (var e : clusters.entrySet()) {
      Ledger.Item item = new Ledger.Item("gke-cluster:" + e.getKey(), "GKE cluster " + e.getKey(), "(shared)");
      BigDecimal fee = ledger.flat(item, Services.GKE, Driver.FIXED, "cluster management fee", estate.hoursPerMonth,
          PriceKey.gcp("gke", "cluster-fee", e.getValue()));
      if (fee != null) {
        fees = fees.add(fee);
      }
      if (first == null) {
        first = item;
      }
    }
    if (options.gkeFreeTierCredit() && first != null && fees.signum() > 0) {
      Price credit = ledger.price(first, "GKE free-tier credit", PriceKey.gcp("gke", "free-tier-credit", "all"));
      if (credit != null) {
        Tier t = credit.flat();
        BigDecimal amount = t.usd().min(fees);
        ledger.add(first, Services.GKE, Driver.FIXED, "free-tier credit (one per billing account, zonal or Autopilot clusters)",
            BigDecimal.ONE, "month", credit.key().toString(), amount.negate(), t.source(), t.asOf(), amount.negate());
      }
    }
  }

  // ------------------------------------------------------------------ disks

  private void disk(Mapping m, Ledger.Item item, Target.PersistentDisk d) {
    String region = region(m, d.gcpRegion());
    ledger.flat(item, Services.PERSISTENT_DISK, Driver.STORAGE, "capacity (" + d.diskType() + ")", BigDecimal.valueOf(d.sizeGib()),
        PriceKey.gcp("disk", d.diskType() + ":capacity", region));
    if (d.iops() != null && d.iops() > 0 && (d.diskType().startsWith("hyperdisk") || d.diskType().equals("pd-extreme"))) {
      ledger.flat(item, Services.PERSISTENT_DISK, Driver.STORAGE, "provisioned IOPS (" + d.diskType() + ")", BigDecimal.valueOf(d.iops()),
          PriceKey.gcp("disk", d.diskType() + ":iops", region));
    }
    if (d.throughputMibps() != null && d.throughputMibps() > 0 && d.diskType().startsWith("hyperdisk")) {
      ledger.flat(item, Services.PERSISTENT_DISK, Driver.STORAGE, "provisioned throughput (" + d.diskType() + ")",
          BigDecimal.valueOf(d.throughputMibps()), PriceKey.gcp("disk", d.diskType() + ":throughput", region));
    }
  }

  // ------------------------------------------------------------------ load balancing

  private void loadBalancer(Mapping m, Ledger.Item item, Target.CloudLoadBalancer lb) {
    String scope = lb.gcpRegion() == null ? "global" : lb.gcpRegion();
    int used = forwardingRules.getOrDefault(scope, 0);
    int rules = Math.max(1, lb.forwardingRules());
    if (used == 0) {
      ledger.flat(item, Services.CLOUD_LB, Driver.FIXED, "forwarding rules 1-5 in " + scope + " (one flat charge)", estate.hoursPerMonth,
          PriceKey.gcp("load-balancing", "forwarding-rule-first-5", scope));
    }
    int additional = Math.max(0, used + rules - Math.max(FLAT_FORWARDING_RULES, used));
    if (additional > 0) {
      ledger.flat(item, Services.CLOUD_LB, Driver.FIXED, "forwarding rules beyond 5 in " + scope + " (" + additional + ")",
          BigDecimal.valueOf(additional).multiply(estate.hoursPerMonth),
          PriceKey.gcp("load-balancing", "forwarding-rule-additional", scope));
    }
    forwardingRules.put(scope, used + rules);
    String region = region(m, lb.gcpRegion());
    Usage u = estate.usageOf(m.itemId()).orElse(null);
    if (u == null || u.bytesOutGib() == null) {
      warnings.add("load balancer " + item.name() + ": processed bytes not measured; Cloud Load Balancing data processing is not modelled");
      return;
    }
    BigDecimal gib = estate.monthly(u.bytesOutGib());
    ledger.flat(item, Services.CLOUD_LB, Driver.TRAFFIC, "data processed", gib, PriceKey.gcp("load-balancing", "data-processed", region));
    LoadBalancer aws = estate.topology.loadBalancer(m.itemId());
    if (aws != null && aws.internetFacing() && !estate.topology.isOriginLoadBalancer(aws.id())) {
      egress(item, gib, region);
    }
  }

  /** Premium Tier internet egress from a region, tiers shared by everything leaving that region. */
  private void egress(Ledger.Item item, BigDecimal gib, String region) {
    String dest = ledger.book().geographies().ofRegion(region).map(Geography::gcpEgressDest)
        .orElse("worldwide_ex_china_australia");
    ledger.traffic(item, Services.NETWORKING, Driver.TRAFFIC, "internet egress, Premium Tier (" + dest + ")", gib, null, null,
        PriceKey.gcp("network", "internet-egress-premium:" + dest, region), "gcp-egress:" + region + ":" + dest);
  }

  // ------------------------------------------------------------------ CDN

  private void cdn(Mapping m, Ledger.Item item) {
    Distribution d = estate.topology.distribution(m.itemId());
    Usage u = estate.usageOf(m.itemId()).orElse(null);
    if (d == null || u == null || (u.bytesOutGib() == null && u.requests() == null)) {
      warnings.add("distribution " + m.itemId() + ": no traffic measured; its Cloud CDN charges are not modelled");
      return;
    }
    String home = estate.homeOf(d);
    Map<String, BigDecimal> bytes = Traffic.byGeography(u.bytesByGeographyGib(), u.bytesOutGib(), home,
        ledger.book().geographies(), estate);
    BigDecimal total = BigDecimal.ZERO;
    for (var e : bytes.entrySet()) {
      Geography g = ledger.book().geographies().resolve(e.getKey()).orElse(null);
      String dest = g == null ? e.getKey() : g.gcpCdn();
      ledger.traffic(item, Services.CLOUD_CDN, Driver.TRAFFIC, "cache egress (" + dest + ")", e.getValue(), null, null,
          PriceKey.gcp("cdn", "cache-egress", dest), "gcp-cdn:" + dest);
      total = total.add(e.getValue());
    }
    if (u.requests() != null) {
      BigDecimal per10k = estate.monthly(u.requests()).divide(TEN_THOUSAND, Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
      ledger.flat(item, Services.CLOUD_CDN, Driver.REQUESTS, "cache lookups", per10k, PriceKey.gcp("cdn", "cache-lookup", "global"));
    }
    if (total.signum() > 0) {
      BigDecimal hit = options.cacheHitRatioOverride() != null ? options.cacheHitRatioOverride()
          : u.cacheHitRatio() == null ? null : BigDecimal.valueOf(u.cacheHitRatio());
      String fillSku = options.cacheFill() == CostOptions.CacheFill.MAX ? "cache-fill-max" : "cache-fill-min";
      if (hit == null) {
        ledger.missing(item, "cache fill (cache hit ratio not measured; set a cache-hit-ratio override)",
            "usage:" + m.itemId() + "/cacheHitRatio");
      } else {
        // Cache fill is priced per origin -> destination pair where the book has the pair (fill from the origin's
        // geography into caches serving the destination); the rest at the chosen end of the published range.
        String ratio = hit.setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        BigDecimal miss = BigDecimal.ONE.subtract(hit);
        String origin = ledger.book().geographies().ofRegion(home).map(Geography::gcpCdn).orElse(null);
        Map<String, BigDecimal> byDest = new java.util.TreeMap<>();
        for (var e : bytes.entrySet()) {
          Geography g = ledger.book().geographies().resolve(e.getKey()).orElse(null);
          byDest.merge(g == null ? e.getKey() : g.gcpCdn(), e.getValue(), BigDecimal::add);
        }
        BigDecimal rest = BigDecimal.ZERO;
        for (var e : byDest.entrySet()) {
          PriceKey pair = origin == null ? null : PriceKey.gcp("cdn", "cache-fill:" + e.getKey(), origin);
          if (pair != null && ledger.book().find(pair).isPresent()) {
            BigDecimal fill = e.getValue().multiply(miss).setScale(Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
            ledger.flat(item, Services.CLOUD_CDN, Driver.TRAFFIC, "cache fill " + origin + " -> " + e.getKey()
                + " ((1 - hit ratio " + ratio + ") x egress)", fill, pair);
          } else {
            rest = rest.add(e.getValue());
          }
        }
        if (rest.signum() > 0) {
          BigDecimal fill = rest.multiply(miss).setScale(Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
          ledger.flat(item, Services.CLOUD_CDN, Driver.TRAFFIC, "cache fill ((1 - hit ratio "
              // The label shows 4 decimals; the quantity uses the full ratio.
              + ratio + ") x egress" + (rest.compareTo(total) == 0 ? "" : ", destinations without a per-pair price") + ")",
              fill, PriceKey.gcp("cdn", fillSku, "global"));
        }
      }
    }
  }

  /**
   * Cloud Armor Standard replacing the distribution's AWS WAF web ACL: one security policy per web ACL
   * with the same rules (charged once per web ACL, like AWS WAF) and every request the distribution serves.
   */
  private void cloudArmor(Mapping m, Ledger.Item item) {
    Distribution d = estate.topology.distribution(m.itemId());
    String acl = d == null || d.webAclId() == null ? m.itemId() : d.webAclId();
    if (armorPolicies.add(acl)) {
      ledger.flat(item, Services.CLOUD_ARMOR, Driver.FIXED, "Cloud Armor security policy (replaces AWS WAF web ACL)", BigDecimal.ONE,
          PriceKey.gcp("cloud-armor", "policy", "global"));
      // The same rules as the web ACL: its collected count, else the assumed one.
      Optional<WebAcl> collected = d == null ? Optional.empty() : estate.snapshot.webAcl(d.webAclId());
      int rules = collected.map(WebAcl::ruleCount).orElse(options.wafRulesPerAcl());
      ledger.flat(item, Services.CLOUD_ARMOR, Driver.FIXED, "Cloud Armor rules (" + rules + " per policy, as "
              + (collected.isPresent() ? "collected" : "assumed") + " for AWS WAF)",
          BigDecimal.valueOf(rules), PriceKey.gcp("cloud-armor", "rule", "global"));
    }
    Usage u = estate.usageOf(m.itemId()).orElse(null);
    if (u != null && u.requests() != null) {
      BigDecimal millions = estate.monthly(u.requests()).divide(MILLION, Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
      ledger.flat(item, Services.CLOUD_ARMOR, Driver.REQUESTS, "Cloud Armor requests", millions, PriceKey.gcp("cloud-armor", "requests", "global"));
    }
  }

  // ------------------------------------------------------------------ storage

  private void storage(Mapping m, Ledger.Item item, Target.CloudStorage gcs) {
    String location = gcs.location() != null && !gcs.location().isBlank() ? gcs.location() : region(m, gcs.gcpRegion());
    String mainClass = "STANDARD";
    double most = -1;
    for (Target.ClassMapping c : gcs.classes()) {
      String cls = c.gcsClass().toUpperCase(Locale.ROOT);
      ledger.flat(item, Services.CLOUD_STORAGE, Driver.STORAGE, "storage (" + cls + ", from S3 " + c.awsClass() + ")",
          BigDecimal.valueOf(c.gib()).setScale(Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN),
          PriceKey.gcp("storage", cls + ":storage", location));
      if (c.gib() > most) {
        most = c.gib();
        mainClass = cls;
      }
    }
    Usage u = estate.usageOf(m.itemId()).orElse(null);
    if (u != null && u.requests() != null) {
      BigDecimal thousands = estate.monthly(u.requests()).divide(THOUSAND, Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
      ledger.flat(item, Services.CLOUD_STORAGE, Driver.REQUESTS, "Class B operations (reads; measured S3 requests)", thousands,
          PriceKey.gcp("storage", mainClass + ":class-b-ops", location));
    }
    S3Bucket b = estate.topology.bucket(m.itemId());
    if (u != null && u.bytesOutGib() != null && b != null && !estate.topology.isOriginBucket(b.name())) {
      egress(item, estate.monthly(u.bytesOutGib()), region(m, gcs.gcpRegion()));
    }
  }
}
