package dev.migrate.report;

import dev.migrate.cost.AccountTotals;
import dev.migrate.cost.Assessment;
import dev.migrate.cost.Assumption;
import dev.migrate.cost.BillCoverage;
import dev.migrate.cost.CommitmentCoverage;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.MissingPrice;
import dev.migrate.cost.Reconciliation;
import dev.migrate.cost.RequestCosts;
import dev.migrate.cost.Timeline;
import dev.migrate.deps.DependencyExport;
import dev.migrate.deps.DependencyGraph;
import dev.migrate.deps.DependencyOptions;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DatastoreMetrics;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.Target;
import dev.migrate.plan.Unmapped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What every report shows, derived once from an {@link Assessment}: the headline figures,
 * the rows of each table, and the reason for every figure that is not available. The
 * workbook, the JSON, the CSV and the console all read this one value, so they agree to the
 * cent. When anonymising, identifying values are already replaced here.
 *
 * <p>Money stays full-precision {@link BigDecimal}; only writers round, and only for display.
 */
public final class ReportModel {
  /** Shown (and written to JSON) when no what-if scenario produced a timeline. */
  public static final String NO_TIMELINE = "not available: no what-if scenario run";
  /** Shown when the snapshot has no request counts. */
  public static final String NO_REQUESTS = "not measured: the snapshot has no request counts";
  /** Shown when the snapshot has no billing history. */
  public static final String NO_BILLING = "not available: the snapshot has no billing history";
  /** Shown when the snapshot has no Cost Explorer coverage of reserved instances and savings plans. */
  public static final String NO_COVERAGE =
      "not available: the snapshot has no Cost Explorer reserved-instance or savings-plan coverage";
  /** Shown when today's AWS cost is zero, so a percentage has no base. */
  public static final String NO_BASE = "not available: today's AWS cost is zero";

  private final Assessment a;
  private final Anonymizer anon;
  private final Figures figures;
  private final List<InventoryRow> inventory;
  private final List<MappingRow> mappings;
  private final List<CostLine> costLines;
  private final List<WarningRow> warnings;
  private final List<BillMonth> billMonths;
  private final List<AccountRow> accounts;
  private final YearMonth accountBillMonth;
  /** Shown item id to shown account id when anonymising (empty for one account); null without pseudonyms. */
  private final Map<String, String> accountOfShownId;
  private final DependencyGraph dependencies;
  /**
   * Monthly USD by service per side: added up once here, as the JSON, the Summary's chart and the console each show it
   * (each sum is a pass over every cost line of the side, 400,000 in a 200,000-instance estate).
   */
  private final SortedMap<String, BigDecimal> currentByService;
  private final SortedMap<String, BigDecimal> targetByService;

  private ReportModel(Assessment a, Anonymizer anon) {
    this.a = a;
    this.anon = anon;
    // The per-account totals (a pass over every cost line with a lookup of its account, a quarter of this build in a
    // 200,000-instance estate) read only the assessment: they are added up on a second thread while this one makes
    // the rows. Nothing else runs yet (the outputs start after this model), so the second core is free.
    var totalsTask = new java.util.concurrent.FutureTask<>(() -> AccountTotals.of(a));
    Thread totalsThread = new Thread(totalsTask, "migrate-report-model");
    totalsThread.setDaemon(true);
    totalsThread.start();
    this.inventory = inventoryRows(a.snapshot(), anon);
    this.mappings = mappingRows(a, anon);
    this.costLines = costLines(a, anon);
    this.currentByService = Collections.unmodifiableSortedMap(new TreeMap<>(a.current().byService()));
    this.targetByService = Collections.unmodifiableSortedMap(new TreeMap<>(a.target().byService()));
    this.warnings = warningRows(a, anon);
    this.billMonths = billMonths(a.snapshot().billing());
    this.dependencies = DependencyGraph.of(a.snapshot(), a.topology(),
        DependencyOptions.DEFAULTS.withAppTagKey(a.options().appTagKey()).withOnPremises(a.options().onPremisesCidrs()));
    this.figures = figures(a, mappings, warnings, billMonths);
    AccountTotals totals = joined(totalsTask);
    List<AccountTotals.Row> byCost = new ArrayList<>(totals.rows());
    // Largest AWS cost first (what page 1 shows when there are many), then by id; the shared row last.
    byCost.sort(java.util.Comparator.comparing((AccountTotals.Row r) -> r.accountId() == null)
        .thenComparing(AccountTotals.Row::awsMonthlyUsd, java.util.Comparator.reverseOrder())
        .thenComparing(r -> r.accountId() == null ? "" : r.accountId()));
    this.accounts = byCost.stream().map(r -> new AccountRow(anon.id(r.accountId()),
        r.accountId() == null ? r.name() : anon.id(r.name()), r.items(), r.awsMonthlyUsd(), r.gcpMonthlyUsd(),
        r.savingsUsd(), r.savingsPct(), r.billUsd(), r.billCoveredPct())).toList();
    this.accountBillMonth = totals.billMonth();
    // Without pseudonyms a shown id is the id, and the topology already maps ids to accounts: a second map of every
    // item id (457,500 in a 200,000-instance estate) would be built here and held through all the writing.
    this.accountOfShownId = anon.enabled() ? new HashMap<>() : null;
    if (anon.enabled()) {
      for (dev.migrate.inventory.MemberAccount member : a.snapshot().members()) {
        String shown = anon.id(member.account().id());
        member.resourceIds().forEach(id -> accountOfShownId.putIfAbsent(anon.id(id), shown));
      }
    }
  }

  /** The result of a task of this build, its failure rethrown as it was. */
  private static <T> T joined(java.util.concurrent.FutureTask<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while adding up the accounts' totals", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  public static ReportModel of(Assessment a, Anonymizer anon) {
    return new ReportModel(a, anon);
  }

  public static ReportModel of(Assessment a) {
    return new ReportModel(a, Anonymizer.none());
  }

  // ----------------------------------------------------------------------------- rows

  /**
   * One inventory item.
   *
   * @param kind       ec2-instance, ebs-volume, auto-scaling-group, load-balancer, cloudfront-distribution, s3-bucket,
   *                   rds-instance, aurora-cluster, elasticache-cluster
   * @param type       instance type, volume type, DB instance class, cache node type, ...
   * @param cpuP95Pct  CPU p95 over the window, percent, or null when not measured
   * @param requests   requests over the window, or null when not measured
   * @param sizeGib    provisioned (volume, DB instance) or stored (bucket, Aurora cluster, cache) GiB, or null
   */
  public record InventoryRow(String kind, String id, String name, String region, String type,
      Double sizeGib, String state, String details, Double cpuP95Pct, Long requests) {}

  /**
   * One mapped or unmapped item.
   *
   * @param category  target category for counts, e.g. "GKE Deployment", "Compute Engine", "Unmapped"
   * @param size      the target's sizing in a few words
   * @param effort    rehost, replatform, refactor, or null when unmapped
   * @param target    the target record (null when unmapped), for the JSON
   */
  public record MappingRow(String kind, String itemId, String itemName, String awsRegion,
      String category, String targetLabel, String gcpRegion, String size, String ruleId,
      String reason, String effort, List<String> blockers, List<String> warnings,
      Map<String, String> sizing, Target target) {}

  /** One warning or blocker: where it comes from, the item it is about (or ""), the message. */
  public record WarningRow(String severity, String source, String item, String message) {}

  /** One month of the AWS bill. */
  public record BillMonth(YearMonth month, boolean estimated, BigDecimal totalUsd,
      SortedMap<String, BigDecimal> services) {}

  /**
   * The headline figures. A null figure is not available; {@link #notAvailable} says why.
   *
   * @param savingsPct        (AWS - GCP) / AWS x 100
   * @param paybackMonths     months from the first month of the timeline to the payback month, inclusive
   * @param oneOffUsd         one-off migration costs over the primary timeline
   * @param billGrowthPct     growth of the AWS bill from the first to the last complete month of the last 12
   * @param notAvailable      figure name to the reason it is absent, sorted by name
   */
  public record Figures(
      BigDecimal awsMonthlyUsd,
      BigDecimal gcpMonthlyUsd,
      BigDecimal savingsUsd,
      BigDecimal savingsPct,
      Long monthlyRequests,
      String requestsSource,
      BigDecimal awsPerMillionUsd,
      BigDecimal gcpPerMillionUsd,
      String scenario,
      YearMonth peakHybridMonth,
      BigDecimal peakHybridMonthUsd,
      YearMonth paybackMonth,
      Integer paybackMonths,
      BigDecimal oneOffUsd,
      YearMonth billFirstMonth,
      YearMonth billLastMonth,
      BigDecimal billFirstUsd,
      BigDecimal billLastUsd,
      BigDecimal billGrowthPct,
      int billMonthsCompared,
      SortedMap<String, Integer> countsByTarget,
      SortedMap<String, Integer> countsByEffort,
      int items,
      int mapped,
      int unmapped,
      int warnings,
      int blockers,
      int itemsWithBlockers,
      int missingPrices,
      int gaps,
      SortedMap<String, String> notAvailable,
      BigDecimal awsEstimatedUsd,
      BigDecimal gcpEstimatedUsd,
      long estimatedLines,
      String savingsBound) {

    /** Estimated share of Google Cloud after, percent (2 decimals), or null when that total is zero. */
    public BigDecimal gcpEstimatedPct() {
      return gcpMonthlyUsd.signum() == 0 ? null
          : gcpEstimatedUsd.multiply(BigDecimal.valueOf(100)).divide(gcpMonthlyUsd, 2, RoundingMode.HALF_EVEN);
    }
  }

  // ----------------------------------------------------------------------------- accessors

  public Assessment assessment() {
    return a;
  }

  /**
   * One account of an estate, or the row of costs no one account carries, with ids and names as shown.
   *
   * @param accountId      account id, or null for the shared row
   * @param name           the account's name (organization name, else alias), or null; the shared row's label
   * @param billUsd        the account's own bill of {@link #accountBillMonth()}, or null when not known
   * @param billCoveredPct modelled AWS cost as a percentage of that bill, or null
   */
  public record AccountRow(String accountId, String name, int items, BigDecimal awsMonthlyUsd,
      BigDecimal gcpMonthlyUsd, BigDecimal savingsUsd, BigDecimal savingsPct, BigDecimal billUsd,
      BigDecimal billCoveredPct) {
    /** "111122223333 (prod)", the id alone, or the shared row's label. */
    public String label() {
      return accountId == null ? name : name == null ? accountId : accountId + " (" + name + ")";
    }
  }

  /** True for an estate of several accounts assessed together (the reports then show accounts). */
  public boolean estate() {
    return !a.snapshot().members().isEmpty();
  }

  /** Per-account totals of an estate, largest AWS cost first then by id, the shared row last; empty for one account. */
  public List<AccountRow> accounts() {
    return accounts;
  }

  /** The bill month of the accounts' bills, or null. */
  public YearMonth accountBillMonth() {
    return accountBillMonth;
  }

  /** The (shown) account id of an item by its shown id, or null (one account, or an estate-wide figure). */
  public String accountOf(String shownItemId) {
    if (shownItemId == null) {
      return null;
    }
    if (accountOfShownId != null) {
      return accountOfShownId.get(shownItemId);
    }
    dev.migrate.inventory.MemberAccount member = a.topology().account(shownItemId);
    return member == null ? null : member.account().id();
  }

  public Anonymizer anonymizer() {
    return anon;
  }

  /** The dependencies the snapshot's VPC Flow Logs measure (empty, not measured, without flow logs). */
  public DependencyGraph dependencies() {
    return dependencies;
  }

  /** How the dependency sheets and JSON write ids, names and tags: through the pseudonyms when anonymising. */
  public DependencyExport.Names dependencyNames() {
    if (!anon.enabled()) {
      return DependencyExport.Names.AS_IS;
    }
    return new DependencyExport.Names() {
      @Override
      public String id(String id) {
        return anon.id(id);
      }

      @Override
      public String name(String name) {
        return anon.id(name);
      }

      @Override
      public String app(String app) {
        return anon.known(app);
      }

      @Override
      public String text(String text) {
        return anon.text(text);
      }
    };
  }

  public Figures figures() {
    return figures;
  }

  public String accountId() {
    return anon.id(a.snapshot().account().id());
  }

  /** Alias, or null. */
  public String accountAlias() {
    return anon.id(a.snapshot().account().alias());
  }

  /** "123456789012 (alias)" or the id alone. */
  public String accountLabel() {
    String alias = accountAlias();
    return alias == null ? accountId() : accountId() + " (" + alias + ")";
  }

  public Instant generatedAt() {
    return a.generatedAt();
  }

  /** UTC date of generation, used in file names and the title block. */
  public LocalDate generatedDate() {
    return a.generatedAt().atZone(ZoneOffset.UTC).toLocalDate();
  }

  public LocalDate priceBookDate() {
    return a.priceBookDate();
  }

  /** "2026-10-01 to 2026-10-31 (30 days)": start inclusive, end exclusive shown as its last day. */
  public String windowLabel() {
    var w = a.snapshot().window();
    LocalDate start = w.start().atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate lastDay = w.end().minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
    return start + " to " + lastDay + " (" + w.days() + " days)";
  }

  public String rulesSource() {
    return a.plan().rulesSource();
  }

  public List<InventoryRow> inventory() {
    return inventory;
  }

  public List<MappingRow> mappings() {
    return mappings;
  }

  /** The inventory's rows counted by kind, sorted by kind. */
  public SortedMap<String, Integer> countsByKind() {
    var counts = new TreeMap<String, Integer>();
    // From the sections' sizes: the rows themselves are made only when read.
    var rows = (InventoryRows) inventory;
    for (int k = 0; k < InventoryRows.KINDS.size(); k++) {
      if (rows.count(k) > 0) {
        counts.merge(InventoryRows.KINDS.get(k), rows.count(k), Integer::sum);
      }
    }
    rows.dataStores().forEach(r -> counts.merge(r.kind(), 1, Integer::sum));
    return Collections.unmodifiableSortedMap(counts);
  }

  /** The inventory rows of managed databases and caches (RDS instances, Aurora clusters, ElastiCache). */
  public List<InventoryRow> dataStores() {
    return ((InventoryRows) inventory).dataStores().stream().filter(r -> DATA_STORE_KINDS.contains(r.kind())).toList();
  }

  /** Inventory kinds of managed databases and caches. */
  static final List<String> DATA_STORE_KINDS = List.of("rds-instance", "aurora-cluster", "elasticache-cluster");

  /**
   * "1 RDS instance (Multi-AZ), 1 ElastiCache cache (2 nodes)": the managed databases and caches
   * in a few words, or null when the snapshot has none.
   */
  public String dataStoreSummary() {
    Snapshot s = a.snapshot();
    var parts = new ArrayList<String>();
    List<DbInstance> rds = s.dbInstances().stream().filter(d -> !d.auroraMember()).toList();
    if (!rds.isEmpty()) {
      long multiAz = rds.stream().filter(DbInstance::multiAz).count();
      long replicas = rds.stream().filter(DbInstance::readReplica).count();
      var notes = new ArrayList<String>();
      if (multiAz > 0) {
        notes.add(multiAz == rds.size() ? "Multi-AZ" : multiAz + " Multi-AZ");
      }
      if (replicas > 0) {
        notes.add(replicas + " read replica(s)");
      }
      parts.add(rds.size() + " RDS instance" + (rds.size() == 1 ? "" : "s")
          + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")"));
    }
    if (!s.dbClusters().isEmpty()) {
      int members = s.dbClusters().stream().mapToInt(c -> c.members().size()).sum();
      parts.add(s.dbClusters().size() + " Aurora cluster" + (s.dbClusters().size() == 1 ? "" : "s") + " (" + members
          + " instance" + (members == 1 ? "" : "s") + ")");
    }
    if (!s.cacheClusters().isEmpty()) {
      int nodes = s.cacheClusters().stream().mapToInt(CacheCluster::nodeCount).sum();
      long serverless = s.cacheClusters().stream().filter(CacheCluster::serverless).count();
      parts.add(s.cacheClusters().size() + " ElastiCache cache" + (s.cacheClusters().size() == 1 ? "" : "s") + " ("
          + nodes + " node" + (nodes == 1 ? "" : "s") + (serverless == 0 ? "" : ", " + serverless + " serverless") + ")");
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /** CURRENT lines first, then TARGET lines, each in the cost model's order. */
  public List<CostLine> costLines() {
    return costLines;
  }

  public int currentLineCount() {
    return a.current().lines().size();
  }

  public List<WarningRow> warnings() {
    return warnings;
  }

  /** The whole bill history, oldest first. */
  public List<BillMonth> billMonths() {
    return billMonths;
  }

  public SortedMap<String, BigDecimal> currentByService() {
    return currentByService;
  }

  public SortedMap<String, BigDecimal> targetByService() {
    return targetByService;
  }

  public List<MissingPrice> missingPrices() {
    if (!anon.enabled()) {
      return a.missingPrices();
    }
    return a.missingPrices().stream()
        .map(m -> new MissingPrice(m.phase(), anon.id(m.itemId()), anon.text(m.component()), m.priceKey()))
        .toList();
  }

  public List<Gap> gaps() {
    if (!anon.enabled()) {
      return a.snapshot().gaps();
    }
    return a.snapshot().gaps().stream()
        .map(g -> new Gap(g.service(), g.region(), g.errorCode(), anon.text(g.missing()), anon.text(g.message())))
        .toList();
  }

  /** The reconciliation, or null. */
  public Reconciliation reconciliation() {
    Reconciliation r = a.reconciliation();
    if (r == null || !anon.enabled()) {
      return r;
    }
    return new Reconciliation(r.billMonth(), r.rows(), r.modelledUsd(), r.billedUsd(), r.differencePct(),
        r.thresholdPct(), r.warnings().stream().map(anon::text).toList());
  }

  /** How much of AWS today is modelled, mapped or carried, or null (assessments built without it). */
  public BillCoverage billCoverage() {
    return a.billCoverage();
  }

  /** The saving on the part priced on both sides (AWS today minus carried), or null. */
  public BigDecimal pricedSavingsPct() {
    return a.pricedSavingsPct();
  }

  /** Reserved-instance and savings-plan coverage and the modelled saving, or null (see {@link #NO_COVERAGE}). */
  public CommitmentCoverage commitmentCoverage() {
    return a.commitmentCoverage();
  }

  /** Request costs, or null. */
  public RequestCosts requests() {
    return a.requests();
  }

  public List<Timeline> timelines() {
    if (!anon.enabled()) {
      return a.timelines();
    }
    return a.timelines().stream()
        .map(t -> new Timeline(t.scenario(), t.months(), t.peakMonth(), t.paybackMonth(),
            t.warnings().stream().map(anon::text).toList(), List.of(), anon.text(t.description()),
            t.waves().stream().map(w -> new Timeline.WaveTraffic(anon.text(w.wave()), w.lands(), w.units(),
                w.measuredGib(), w.assumedGib())).toList()))
        .toList();
  }

  /**
   * One what-if scenario in figures for the side-by-side comparison (Scenarios sheet, JSON
   * {@code scenarios[]}), all USD and derived from the scenario's timeline only. A field is null
   * when the timeline cannot give it (no months, no payback within the timeline, no requests).
   *
   * @param firstMonth         first month of the timeline ("month 0")
   * @param firstUsd           total of the first month
   * @param peakMonth          the month with the highest total
   * @param peakUsd            that month's total
   * @param lastMonth          last month of the timeline
   * @param lastUsd            that month's total
   * @param lastPerMillionUsd  last month's total per million requests, or null without requests
   * @param cumulativeUsd      sum of the monthly totals over the timeline
   * @param cumulativeStayUsd  sum of what staying on AWS would cost over the same months
   * @param savedUsd           cumulativeStayUsd - cumulativeUsd (negative: the migration costs more)
   * @param paybackMonth       first month where cumulative spend is below staying on AWS, or null
   * @param paybackMonths      months from the first month to the payback month, counting both, or null
   * @param blockers           warnings of the timeline that start with "BLOCKER:"
   * @param warnings           the other warnings of the timeline
   */
  public record ScenarioRow(String scenario, YearMonth firstMonth, BigDecimal firstUsd, YearMonth peakMonth,
      BigDecimal peakUsd, YearMonth lastMonth, BigDecimal lastUsd, BigDecimal lastPerMillionUsd,
      BigDecimal cumulativeUsd, BigDecimal cumulativeStayUsd, BigDecimal savedUsd, YearMonth paybackMonth,
      Integer paybackMonths, int blockers, int warnings) {}

  /** Prefix of a timeline warning that blocks the scenario (see {@link Timeline#warnings()}). */
  public static final String BLOCKER_PREFIX = "BLOCKER:";

  /** The scenarios side by side, in the order of {@link #timelines()} (the first is the Summary's). */
  public List<ScenarioRow> scenarios() {
    var rows = new ArrayList<ScenarioRow>();
    for (Timeline t : timelines()) {
      int blockers = (int) t.warnings().stream().filter(w -> w.startsWith(BLOCKER_PREFIX)).count();
      int warnings = t.warnings().size() - blockers;
      if (t.months().isEmpty()) {
        rows.add(new ScenarioRow(t.scenario(), null, null, null, null, null, null, null, null, null, null, null, null,
            blockers, warnings));
        continue;
      }
      Timeline.Month first = t.months().get(0);
      Timeline.Month last = t.months().get(t.months().size() - 1);
      Timeline.Month peak = null;
      for (Timeline.Month mo : t.months()) {
        if (t.peakMonth() != null ? mo.month().equals(t.peakMonth())
            : peak == null || mo.totalUsd().compareTo(peak.totalUsd()) > 0) {
          peak = mo;
        }
      }
      BigDecimal cum = t.months().stream().map(Timeline.Month::totalUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal stay = t.months().stream().map(Timeline.Month::stayOnAwsUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
      Integer paybackMonths = t.paybackMonth() == null ? null
          : (int) ChronoUnit.MONTHS.between(first.month(), t.paybackMonth()) + 1;
      rows.add(new ScenarioRow(t.scenario(), first.month(), first.totalUsd(), peak == null ? null : peak.month(),
          peak == null ? null : peak.totalUsd(), last.month(), last.totalUsd(), last.perMillionUsd(), cum, stay,
          stay.subtract(cum), t.paybackMonth(), paybackMonths, blockers, warnings));
    }
    return rows;
  }

  public List<Assumption> assumptions() {
    if (!anon.enabled()) {
      return a.assumptions();
    }
    return a.assumptions().stream()
        .map(x -> new Assumption(x.name(), anon.text(x.value()), x.source()))
        .toList();
  }

  /**
   * Every distinct unit price used by a cost line, sorted by price key.
   *
   * @param services  the services whose lines use it
   */
  public record UnitPrice(String priceKey, String unit, BigDecimal unitPriceUsd, String source,
      LocalDate asOf, String services) {}

  public List<UnitPrice> unitPrices() {
    var byKey = new TreeMap<String, CostLine>();
    var services = new HashMap<String, java.util.TreeSet<String>>();
    for (CostLine l : costLines) {
      if (l.priceKey() == null) {
        continue;
      }
      byKey.putIfAbsent(l.priceKey(), l);
      services.computeIfAbsent(l.priceKey(), k -> new java.util.TreeSet<>()).add(l.service());
    }
    var out = new ArrayList<UnitPrice>();
    byKey.forEach((k, l) -> out.add(new UnitPrice(k, l.unit(), l.unitPriceUsd(), l.priceSource(),
        l.priceAsOf(), String.join(", ", services.get(k)))));
    return out;
  }

  // ----------------------------------------------------------------------------- derivation

  private static List<CostLine> costLines(Assessment a, Anonymizer anon) {
    List<CostLine> cur = a.current().lines();
    List<CostLine> tgt = a.target().lines();
    int n = cur.size();
    // A view, not a copy: a 200,000-line estate should not be held twice.
    return new AbstractList<>() {
      @Override
      public CostLine get(int i) {
        CostLine l = i < n ? cur.get(i) : tgt.get(i - n);
        if (!anon.enabled()) {
          return l;
        }
        return new CostLine(l.phase(), anon.id(l.itemId()), anon.id(l.itemName()), anon.known(l.app()),
            l.service(), anon.text(l.component()), l.quantity(), l.unit(), fromSnapshot(l.priceKey(), anon),
            l.unitPriceUsd(), fromSnapshot(l.priceSource(), anon), l.priceAsOf(), l.monthlyUsd(), l.driver(),
            l.machineType(), l.estimated());
      }

      @Override
      public int size() {
        return n + tgt.size();
      }
    };
  }

  /**
   * Price keys and sources are public (price book rows) except those the snapshot priced itself,
   * e.g. {@code snapshot:commitment/<reservation id>/hourlyUsd}: those name the account's own
   * reserved instances and savings plans and are anonymised like any other text.
   */
  private static String fromSnapshot(String s, Anonymizer anon) {
    return s != null && s.startsWith("snapshot") ? anon.text(s) : s;
  }

  /**
   * The inventory as a list whose rows are made when read: every item's row would be held through all the writing
   * (457,500 rows with their detail texts in a 200,000-instance estate, about 65 MB), yet the Inventory sheet reads at
   * most its {@link WorkbookWriter#DETAIL_ROWS} and the JSON only the data stores. The data stores, few, are made once.
   * Sections in order: instances, volumes, auto scaling groups, load balancers, distributions, buckets, data stores.
   */
  private static List<InventoryRow> inventoryRows(Snapshot s, Anonymizer anon) {
    var usage = new HashMap<String, Usage>(s.usage().size() * 2);
    s.usage().forEach(u -> usage.put(u.resourceId(), u));
    var dataStores = new ArrayList<InventoryRow>();
    dataStoreRows(s, usage, anon, dataStores);
    return new InventoryRows(s, anon, usage, Collections.unmodifiableList(dataStores));
  }

  /** See {@link #inventoryRows}: read-only once made, so the writers may read it at the same time. */
  private static final class InventoryRows extends AbstractList<InventoryRow> implements java.util.RandomAccess {
    /** The kind of each section but the data stores (which have three). */
    static final List<String> KINDS = List.of("ec2-instance", "ebs-volume", "auto-scaling-group", "load-balancer",
        "cloudfront-distribution", "s3-bucket");
    private final Snapshot s;
    private final Anonymizer anon;
    private final Map<String, Usage> usage;
    private final List<InventoryRow> dataStores;
    /** Index after the last row of each section. */
    private final int[] ends = new int[KINDS.size() + 1];

    InventoryRows(Snapshot s, Anonymizer anon, Map<String, Usage> usage, List<InventoryRow> dataStores) {
      this.s = s;
      this.anon = anon;
      this.usage = usage;
      this.dataStores = dataStores;
      int[] sizes = {s.instances().size(), s.volumes().size(), s.autoScalingGroups().size(),
          s.loadBalancers().size(), s.distributions().size(), s.buckets().size(), dataStores.size()};
      int end = 0;
      for (int k = 0; k < sizes.length; k++) {
        end += sizes[k];
        ends[k] = end;
      }
    }

    @Override
    public int size() {
      return ends[ends.length - 1];
    }

    /** Rows of one section but the data stores. */
    int count(int section) {
      return ends[section] - (section == 0 ? 0 : ends[section - 1]);
    }

    List<InventoryRow> dataStores() {
      return dataStores;
    }

    @Override
    public InventoryRow get(int index) {
      java.util.Objects.checkIndex(index, size());
      int k = 0;
      while (index >= ends[k]) {
        k++;
      }
      int i = index - (k == 0 ? 0 : ends[k - 1]);
      return switch (k) {
        case 0 -> instance(s.instances().get(i));
        case 1 -> volume(s.volumes().get(i));
        case 2 -> group(s.autoScalingGroups().get(i));
        case 3 -> loadBalancer(s.loadBalancers().get(i));
        case 4 -> distribution(s.distributions().get(i));
        case 5 -> bucket(s.buckets().get(i));
        default -> dataStores.get(i);
      };
    }

    private InventoryRow instance(Ec2Instance i) {
      Usage u = usage.get(i.id());
      var details = new ArrayList<String>();
      details.add(i.platform() + "/" + i.architecture());
      details.add(i.lifecycle());
      if (i.autoScalingGroup() != null) {
        details.add("group " + anon.id(i.autoScalingGroup()));
      }
      if (!i.volumeIds().isEmpty()) {
        details.add(i.volumeIds().size() + " volume(s)");
      }
      String app = i.tags().get("app");
      if (app != null) {
        details.add("app " + anon.id(app));
      }
      return new InventoryRow("ec2-instance", anon.id(i.id()), anon.id(i.name()), i.region(),
          i.instanceType(), null, i.state(), String.join(", ", details),
          u == null ? null : u.cpuP95Pct(), u == null ? null : u.requests());
    }

    private InventoryRow volume(EbsVolume v) {
      String details = v.attachedTo() == null ? "not attached" : "attached to " + anon.id(v.attachedTo());
      if (v.iops() != null) {
        details += ", " + v.iops() + " IOPS";
      }
      return new InventoryRow("ebs-volume", anon.id(v.id()), anon.id(v.tags().getOrDefault("Name", v.id())),
          v.region(), v.volumeType(), (double) v.sizeGib(), v.state(), details, null, null);
    }

    private InventoryRow group(AutoScalingGroup g) {
      return new InventoryRow("auto-scaling-group", anon.id(g.name()), anon.id(g.name()), g.region(),
          "min " + g.minSize() + " / desired " + g.desiredCapacity() + " / max " + g.maxSize(), null, null,
          g.instanceIds().size() + " instance(s)" + (g.behindLoadBalancer() ? ", behind a load balancer" : ""),
          null, null);
    }

    private InventoryRow loadBalancer(LoadBalancer lb) {
      Usage u = usage.get(lb.id());
      return new InventoryRow("load-balancer", anon.id(lb.id()), anon.id(lb.name()), lb.region(),
          lb.type().toString().toLowerCase(Locale.ROOT), null, lb.scheme(),
          lb.listeners().size() + " listener(s), " + lb.backendInstanceIds().size() + " backend instance(s)"
              + (lb.accessLogs().enabled() ? ", access logs on" : ", access logs off"),
          null, u == null ? null : u.requests());
    }

    private InventoryRow distribution(Distribution d) {
      Usage u = usage.get(d.id());
      return new InventoryRow("cloudfront-distribution", anon.id(d.id()),
          anon.id(d.aliases().isEmpty() ? d.domainName() : d.aliases().get(0)), "global", d.priceClass(), null,
          d.enabled() ? "enabled" : "disabled",
          d.origins().size() + " origin(s), " + d.allBehaviors().size() + " behaviour(s)"
              + (d.webAclId() != null ? ", WAF" : ""),
          null, u == null ? null : u.requests());
    }

    private InventoryRow bucket(S3Bucket b) {
      String classes = b.storage().stream().map(c -> c.storageClass()).collect(Collectors.joining(", "));
      return new InventoryRow("s3-bucket", anon.id(b.name()), anon.id(b.name()), b.region(), "S3",
          b.storage().stream().mapToDouble(S3Bucket.StorageClassUsage::gib).sum(), null,
          (classes.isEmpty() ? "empty" : classes)
              + (b.totalObjects() == null ? "" : ", " + b.totalObjects() + " objects"),
          null, null);
    }
  }

  /**
   * RDS DB instances (not the Aurora members: they are folded into their cluster's row), Aurora
   * clusters and ElastiCache caches: engine, class or node type, storage, Multi-AZ or shards, and
   * what CloudWatch measured.
   */
  private static void dataStoreRows(Snapshot s, Map<String, Usage> usage, Anonymizer anon, List<InventoryRow> rows) {
    for (DbInstance d : s.dbInstances()) {
      if (d.auroraMember()) {
        continue;
      }
      var details = new ArrayList<String>();
      details.add(engine(d.engine(), d.engineVersion()));
      details.add(d.multiAz() ? "Multi-AZ" : "Single-AZ");
      if (d.storageType() != null) {
        details.add(d.storageType() + (d.provisionedIops() == null ? "" : " " + d.provisionedIops() + " IOPS"));
      }
      if (d.readReplica()) {
        details.add("read replica of " + anon.id(d.readReplicaSourceId()));
      }
      details.add(d.backupRetentionDays() == 0 ? "no automated backups" : d.backupRetentionDays() + "-day backups");
      details.add(d.encrypted() ? "encrypted" : "not encrypted");
      Usage u = usage.get(d.id());
      metrics(u, details);
      app(d.tags(), anon, details);
      rows.add(new InventoryRow("rds-instance", anon.id(d.id()), anon.id(d.tags().getOrDefault("Name", d.id())),
          d.region(), d.instanceClass(), (double) d.allocatedStorageGib(), d.status(), String.join(", ", details),
          u == null ? null : u.cpuP95Pct(), null));
    }
    for (DbCluster c : s.dbClusters()) {
      var details = new ArrayList<String>();
      details.add(engine(c.engine(), c.engineVersion()));
      List<String> classes = c.members().stream().map(s::dbInstance).flatMap(java.util.Optional::stream)
          .map(DbInstance::instanceClass).sorted().toList();
      details.add(c.members().size() + " instance(s)" + (classes.isEmpty() ? "" : " (" + String.join(", ", classes) + ")")
          + (c.writerId() == null ? "" : ", writer " + anon.id(c.writerId())));
      if (c.serverlessV2()) {
        details.add("Serverless v2 " + num(c.serverlessMinAcu() == null ? 0 : c.serverlessMinAcu()) + "-"
            + num(c.serverlessMaxAcu()) + " ACU");
      }
      details.add(c.multiAz() ? "Multi-AZ" : "Single-AZ");
      if (c.storageType() != null) {
        details.add(c.storageType());
      }
      if (c.globalClusterId() != null) {
        details.add("global database " + anon.id(c.globalClusterId()));
      }
      if (c.backtrackWindowHours() > 0) {
        details.add("backtrack " + num(c.backtrackWindowHours()) + " h");
      }
      details.add(c.backupRetentionDays() + "-day backups");
      details.add(c.encrypted() ? "encrypted" : "not encrypted");
      Usage u = usage.get(c.id());
      metrics(u, details);
      app(c.tags(), anon, details);
      Double used = u == null || u.datastore() == null ? null : u.datastore().storageUsedGib();
      rows.add(new InventoryRow("aurora-cluster", anon.id(c.id()), anon.id(c.tags().getOrDefault("Name", c.id())),
          c.region(), c.serverlessV2() ? "db.serverless" : classes.isEmpty() ? "aurora" : classes.get(0), used,
          c.status(), String.join(", ", details), u == null ? null : u.cpuP95Pct(), null));
    }
    for (CacheCluster c : s.cacheClusters()) {
      var details = new ArrayList<String>();
      details.add(engine(c.engine(), c.engineVersion()));
      if (c.serverless()) {
        details.add("serverless" + (c.serverlessMaxDataGib() == null ? "" : ", up to " + num(c.serverlessMaxDataGib())
            + " GiB"));
      } else if ("memcached".equals(c.engine())) {
        details.add(c.shards() + " node(s)");
      } else {
        details.add(c.shards() + " shard(s) x (1 primary + " + c.replicasPerShard() + " replica(s)), "
            + c.nodeCount() + " node(s)");
        details.add(c.clusterMode() ? "cluster mode on" : "cluster mode off");
        if (c.automaticFailover()) {
          details.add("automatic failover");
        }
      }
      if (c.globalReplicationGroupId() != null) {
        details.add("global datastore " + anon.id(c.globalReplicationGroupId()));
      }
      details.add(c.transitEncryption() ? "TLS" : "no TLS");
      Usage u = usage.get(c.id());
      metrics(u, details);
      app(c.tags(), anon, details);
      Double used = u == null || u.datastore() == null ? null : u.datastore().storageUsedGib();
      rows.add(new InventoryRow("elasticache-cluster", anon.id(c.id()),
          anon.id(c.tags().getOrDefault("Name", c.id())), c.region(), c.serverless() ? "serverless" : c.nodeType(),
          used, c.status(), String.join(", ", details), u == null ? null : u.cpuP95Pct(), null));
    }
  }

  private static String engine(String engine, String version) {
    return version == null ? engine : engine + " " + version;
  }

  private static void app(Map<String, String> tags, Anonymizer anon, List<String> details) {
    String app = tags.get("app");
    if (app != null) {
      details.add("app " + anon.id(app));
    }
  }

  /** What CloudWatch measured on a database or cache, in the words of its metrics. */
  private static void metrics(Usage u, List<String> details) {
    if (u == null || u.datastore() == null) {
      details.add("no metrics");
      return;
    }
    DatastoreMetrics m = u.datastore();
    if (m.storageUsedGib() != null) {
      details.add(num(m.storageUsedGib()) + " GiB used");
    }
    if (m.freeableMemoryMinGib() != null) {
      details.add("freeable memory min " + num(m.freeableMemoryMinGib()) + " GiB");
    }
    if (m.memoryUsedMaxPct() != null) {
      details.add("memory used max " + num(m.memoryUsedMaxPct()) + "%");
    }
    if (m.connectionsAvg() != null) {
      details.add("connections avg " + num(Math.rint(m.connectionsAvg()))
          + (m.connectionsMax() == null ? "" : " (max " + num(Math.rint(m.connectionsMax())) + ")"));
    }
    if (m.readIopsP95() != null || m.writeIopsP95() != null) {
      details.add("IOPS p95 read " + (m.readIopsP95() == null ? "-" : num(Math.rint(m.readIopsP95())))
          + " / write " + (m.writeIopsP95() == null ? "-" : num(Math.rint(m.writeIopsP95()))));
    }
    if (m.hitRatio() != null) {
      details.add("hit ratio " + num(m.hitRatio()));
    }
    if (m.capacityAcuAvg() != null) {
      details.add("ACU avg " + num(m.capacityAcuAvg()) + (m.capacityAcuMax() == null ? "" : " (max "
          + num(m.capacityAcuMax()) + ")"));
    }
  }

  private static List<MappingRow> mappingRows(Assessment a, Anonymizer anon) {
    var rows = new ArrayList<MappingRow>(a.plan().mappings().size() + a.plan().unmapped().size());
    for (Mapping m : a.plan().mappings()) {
      Map<String, String> sizing = m.sizing();
      if (anon.enabled()) {
        var s = new TreeMap<String, String>();
        m.sizing().forEach((k, v) -> s.put(k, anon.text(v)));
        sizing = Collections.unmodifiableSortedMap(s);
      }
      rows.add(new MappingRow(m.kind().wire(), anon.id(m.itemId()), anon.id(m.itemName()), m.awsRegion(),
          category(m.target()), anon.text(m.target().label()), m.target().gcpRegion(), size(m.target(), anon),
          m.ruleId(), anon.text(m.reason()), m.effort().wire(),
          anon.enabled() ? m.blockers().stream().map(anon::text).toList() : m.blockers(),
          anon.enabled() ? m.warnings().stream().map(anon::text).toList() : m.warnings(),
          sizing, m.target()));
    }
    for (Unmapped u : a.plan().unmapped()) {
      rows.add(new MappingRow(u.kind().wire(), anon.id(u.itemId()), anon.id(u.itemName()), u.awsRegion(),
          "Unmapped", "Unmapped", null, "", "", anon.text(u.reason()), null, List.of(), List.of(), Map.of(), null));
    }
    return Collections.unmodifiableList(rows);
  }

  /** The target category used for counts: the label, without item ids. */
  static String category(Target t) {
    if (t instanceof Target.Retire r) {
      return r.foldedInto() == null ? "Retire" : "Folded into another item";
    }
    return t.label();
  }

  /** The target's size in a few words, e.g. "3 pods x 0.5 vCPU / 1 GiB on n2-standard-4 (0.75 nodes)". */
  static String size(Target t, Anonymizer anon) {
    if (t instanceof Target.GkeWorkload g) {
      return g.replicas() + " pod(s) x " + num(g.podCpu()) + " vCPU / " + num(g.podMemoryGib()) + " GiB"
          + (g.autopilot() ? " (Autopilot)" : " on " + g.machineType() + " (" + num(g.nodeCount()) + " node(s), pool "
          + anon.text(g.nodePool()) + ")")
          + (g.alternative() == null ? "" : "; alternative: " + anon.text(g.alternative()));
    }
    if (t instanceof Target.ComputeEngineVm v) {
      return v.machineType() + (v.os() != null && v.os().equals("windows") ? ", Windows" : "")
          + (v.running() ? "" : ", stopped (disks only)");
    }
    if (t instanceof Target.PersistentDisk d) {
      return d.diskType() + " " + d.sizeGib() + " GiB" + (d.iops() == null ? "" : ", " + d.iops() + " IOPS")
          + (d.throughputMibps() == null ? "" : ", " + d.throughputMibps() + " MiB/s");
    }
    if (t instanceof Target.CloudLoadBalancer lb) {
      return lb.lbType() + ", " + lb.forwardingRules() + " forwarding rule(s)" + (lb.gkeIngress() ? ", GKE Ingress" : "");
    }
    if (t instanceof Target.CloudCdn c) {
      return c.cacheMode() + (c.cloudArmor() ? " + Cloud Armor" : "") + ", backend " + anon.text(c.backend());
    }
    if (t instanceof Target.CloudStorage s) {
      return s.location() + ": " + s.classes().stream()
          .map(c -> c.gcsClass() + " " + num(c.gib()) + " GiB").collect(Collectors.joining(", "));
    }
    if (t instanceof Target.Memorystore m) {
      String layout = switch (m.engine()) {
        case "redis" -> m.tier();
        case "memcached" -> m.shards() + " node(s)";
        default -> m.shards() + " shard(s) x " + (1 + m.replicasPerShard()) + " node(s)";
      };
      return m.engine() + " " + layout + " " + num(m.capacityGib()) + " GiB";
    }
    if (t instanceof Target.CloudSql q) {
      return q.edition() + ", " + num(q.vcpu()) + " vCPU / " + num(q.memoryGib()) + " GiB, " + q.storageGib() + " GiB "
          + q.storageType() + (q.highAvailability() ? ", HA" : "")
          + (q.readReplicas() == 0 ? "" : ", " + q.readReplicas() + " read replica(s)");
    }
    if (t instanceof Target.AlloyDb d) {
      return num(d.vcpu()) + " vCPU / " + num(d.memoryGib()) + " GiB, " + num(d.storageGib()) + " GiB"
          + (d.highAvailability() ? ", HA" : "") + (d.readPoolNodes() == 0 ? "" : ", read pool " + d.readPoolNodes()
          + " node(s)");
    }
    if (t instanceof Target.Retire r) {
      return r.foldedInto() == null ? "decommissioned" : "folded into " + anon.id(r.foldedInto());
    }
    return t.label();
  }

  private static String num(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return String.valueOf(d);
    }
    return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  private static List<WarningRow> warningRows(Assessment a, Anonymizer anon) {
    var rows = new ArrayList<WarningRow>();
    a.warnings().forEach(w -> rows.add(new WarningRow("warning", "assessment", "", anon.text(w))));
    for (Mapping m : a.plan().mappings()) {
      m.blockers().forEach(b -> rows.add(new WarningRow("blocker", "mapping", anon.id(m.itemId()), anon.text(b))));
    }
    for (Mapping m : a.plan().mappings()) {
      m.warnings().forEach(w -> rows.add(new WarningRow("warning", "mapping", anon.id(m.itemId()), anon.text(w))));
    }
    if (a.reconciliation() != null) {
      a.reconciliation().warnings().forEach(w -> rows.add(new WarningRow("warning", "reconciliation", "", anon.text(w))));
    }
    for (Timeline t : a.timelines()) {
      t.warnings().forEach(w -> rows.add(new WarningRow("warning", "timeline " + t.scenario(), "", anon.text(w))));
    }
    return Collections.unmodifiableList(rows);
  }

  private static List<BillMonth> billMonths(Billing billing) {
    var out = new ArrayList<BillMonth>();
    for (Billing.Month m : billing.months()) {
      var services = new TreeMap<String, BigDecimal>();
      m.services().forEach(s -> services.merge(s.service(), s.amountUsd(), BigDecimal::add));
      out.add(new BillMonth(m.month(), m.estimated(), m.totalUsd(), Collections.unmodifiableSortedMap(services)));
    }
    return Collections.unmodifiableList(out);
  }

  private static Figures figures(Assessment a, List<MappingRow> rows, List<WarningRow> warnings,
      List<BillMonth> bill) {
    var na = new TreeMap<String, String>();
    BigDecimal aws = a.current().monthlyUsd();
    BigDecimal gcp = a.target().monthlyUsd();
    BigDecimal savingsPct = a.savingsPct();
    if (savingsPct == null) {
      na.put("savingsPct", NO_BASE);
    }

    RequestCosts rc = a.requests();
    Long requests = null;
    BigDecimal awsPm = null;
    BigDecimal gcpPm = null;
    String requestsSource = null;
    if (rc == null || rc.monthlyRequests() <= 0) {
      na.put("costPerMillionRequests", NO_REQUESTS);
      na.put("monthlyRequests", NO_REQUESTS);
    } else {
      requests = rc.monthlyRequests();
      requestsSource = requestsSourceInWords(rc.requestsSource());
      awsPm = rc.awsPerMillionUsd();
      gcpPm = rc.gcpPerMillionUsd();
    }

    String scenario = null;
    YearMonth peak = null;
    BigDecimal peakUsd = null;
    YearMonth payback = null;
    Integer paybackMonths = null;
    BigDecimal oneOff = null;
    if (a.timelines().isEmpty() || a.timelines().get(0).months().isEmpty()) {
      na.put("peakHybridMonth", NO_TIMELINE);
      na.put("paybackMonths", NO_TIMELINE);
      na.put("oneOffUsd", NO_TIMELINE);
    } else {
      Timeline t = a.timelines().get(0);
      scenario = t.scenario();
      Timeline.Month peakRow = null;
      for (Timeline.Month m : t.months()) {
        if (t.peakMonth() != null ? m.month().equals(t.peakMonth())
            : peakRow == null || m.totalUsd().compareTo(peakRow.totalUsd()) > 0) {
          peakRow = m;
        }
      }
      if (peakRow != null) {
        peak = peakRow.month();
        peakUsd = peakRow.totalUsd();
      } else {
        na.put("peakHybridMonth", "not available: the peak month " + t.peakMonth() + " is not in the timeline");
      }
      oneOff = t.months().stream().map(Timeline.Month::oneOffUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
      payback = t.paybackMonth();
      if (payback == null) {
        YearMonth last = t.months().get(t.months().size() - 1).month();
        na.put("paybackMonths", "not within the timeline: cumulative spend is still above staying on AWS in " + last);
      } else {
        paybackMonths = (int) ChronoUnit.MONTHS.between(t.months().get(0).month(), payback) + 1;
      }
    }

    // The last 12 complete months: an estimated (still open) month would understate the trend.
    List<BillMonth> complete = bill.stream().filter(m -> !m.estimated()).toList();
    List<BillMonth> last12 = complete.subList(Math.max(0, complete.size() - 12), complete.size());
    YearMonth billFirst = null;
    YearMonth billLast = null;
    BigDecimal billFirstUsd = null;
    BigDecimal billLastUsd = null;
    BigDecimal growth = null;
    if (last12.size() < 2) {
      na.put("awsBillGrowthPct", bill.isEmpty() ? NO_BILLING
          : "not available: fewer than two complete months of billing history");
    } else {
      BillMonth first = last12.get(0);
      BillMonth last = last12.get(last12.size() - 1);
      billFirst = first.month();
      billLast = last.month();
      billFirstUsd = first.totalUsd();
      billLastUsd = last.totalUsd();
      if (first.totalUsd().signum() == 0) {
        na.put("awsBillGrowthPct", "not available: the first month's bill is zero");
      } else {
        growth = last.totalUsd().subtract(first.totalUsd()).multiply(BigDecimal.valueOf(100))
            .divide(first.totalUsd(), 4, RoundingMode.HALF_EVEN);
      }
    }
    if (a.reconciliation() == null) {
      na.put("reconciliation", NO_BILLING);
    }
    if (a.commitmentCoverage() == null) {
      na.put("commitments", NO_COVERAGE);
    }

    var byTarget = new TreeMap<String, Integer>();
    var byEffort = new TreeMap<String, Integer>();
    int blockers = 0;
    int itemsWithBlockers = 0;
    for (MappingRow r : rows) {
      byTarget.merge(r.category(), 1, Integer::sum);
      if (r.effort() != null) {
        byEffort.merge(r.effort(), 1, Integer::sum);
      }
      blockers += r.blockers().size();
      itemsWithBlockers += r.blockers().isEmpty() ? 0 : 1;
    }
    int warningCount = (int) warnings.stream().filter(w -> w.severity().equals("warning")).count();
    return new Figures(aws, gcp, aws.subtract(gcp), savingsPct, requests, requestsSource, awsPm, gcpPm,
        scenario, peak, peakUsd, payback, paybackMonths, oneOff, billFirst, billLast, billFirstUsd, billLastUsd,
        growth, last12.size(), Collections.unmodifiableSortedMap(byTarget),
        Collections.unmodifiableSortedMap(byEffort), rows.size(), a.plan().mappings().size(),
        a.plan().unmapped().size(), warningCount, blockers, itemsWithBlockers, a.missingPrices().size(),
        a.snapshot().gaps().size(), Collections.unmodifiableSortedMap(na),
        a.current().estimatedUsd(), a.target().estimatedUsd(), a.current().estimatedLines() + a.target().estimatedLines(),
        savingsBound(a));
  }

  /**
   * Which way the saving can be off when prices are missing (a missing price is never zero, so the
   * side that misses one is a lower bound): missing on Google Cloud only, the saving is at most the
   * figure; on AWS only, at least the figure; on both, either way. Null when nothing is missing.
   */
  static String savingsBound(Assessment a) {
    long aws = a.missingPrices().stream().filter(p -> p.phase() == dev.migrate.cost.Phase.CURRENT).count();
    long gcp = a.missingPrices().stream().filter(p -> p.phase() == dev.migrate.cost.Phase.TARGET).count();
    if (aws == 0 && gcp == 0) {
      return null;
    }
    if (aws == 0) {
      return "upper bound: " + gcp + " Google Cloud component(s) not priced, so Google Cloud after is a lower bound";
    }
    if (gcp == 0) {
      return "lower bound: " + aws + " AWS component(s) not priced, so AWS today is a lower bound";
    }
    return "uncertain either way: " + aws + " AWS and " + gcp + " Google Cloud component(s) not priced";
  }

  /**
   * Where the request counts were measured, in words for people: the cost model joins the
   * usage-source codes of the measured resources with "+" ({@code cloudwatch},
   * {@code access-logs}, {@code both} = access logs and CloudWatch), e.g. {@code both+cloudwatch}
   * becomes "access logs and CloudWatch". An unknown code is kept as it is. The JSON keeps the
   * codes ({@code requests.source}).
   */
  static String requestsSourceInWords(String codes) {
    if (codes == null || codes.isBlank()) {
      return "source not recorded";
    }
    var words = new java.util.LinkedHashSet<String>();
    boolean logs = false;
    boolean cloudWatch = false;
    for (String code : codes.split("\\+")) {
      switch (code.strip().toLowerCase(Locale.ROOT)) {
        case "access-logs" -> logs = true;
        case "cloudwatch" -> cloudWatch = true;
        case "both" -> {
          logs = true;
          cloudWatch = true;
        }
        default -> words.add(code.strip());
      }
    }
    var all = new ArrayList<String>();
    if (logs) {
      all.add("access logs");
    }
    if (cloudWatch) {
      all.add("CloudWatch");
    }
    all.addAll(words);
    if (all.size() == 1) {
      return all.get(0);
    }
    return String.join(", ", all.subList(0, all.size() - 1)) + " and " + all.get(all.size() - 1);
  }
}
