package dev.migrate.cost;

import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.pricing.PriceBook;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The cost model: turns a snapshot and its plan into an {@link Assessment}: CURRENT (AWS, from
 * the inventory and usage) and TARGET (Google Cloud, from the plan) cost lines, the prices that
 * are missing, the reconciliation with the bill, and the cost per million requests as traffic
 * grows. A pure function of its inputs and the price book (the clock only stamps the result).
 */
public final class CostModel {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  /** Service, item id, component: one comparator, no key extractors (it runs about 20 times per line). */
  private static final Comparator<CostLine> LINE_ORDER = (a, b) -> {
    int c = compare(a.service(), b.service());
    if (c != 0) {
      return c;
    }
    c = compare(a.itemId(), b.itemId());
    return c != 0 ? c : compare(a.component(), b.component());
  };

  /** Texts in their natural order; the lines of a service share its name, so most comparisons are the same text. */
  private static int compare(String a, String b) {
    return a == b ? 0 : a.compareTo(b);
  }

  private final PriceBook book;
  private final BillFamilies families;

  public CostModel(PriceBook book) {
    this(book, BillFamilies.bundled());
  }

  public CostModel(PriceBook book, BillFamilies families) {
    this.book = Objects.requireNonNull(book, "book");
    this.families = Objects.requireNonNull(families, "families");
  }

  /** Everything the report needs; timelines are left empty (the hybrid timeline is computed elsewhere). */
  public Assessment assess(Snapshot snapshot, MigrationPlan plan, CostOptions options, Clock clock) {
    return assess(Topology.of(snapshot), plan, options, clock);
  }

  /**
   * As {@link #assess(Snapshot, MigrationPlan, CostOptions, Clock)} over a snapshot already indexed (the run's one
   * index, which the assessment then carries to the what-if and the reports).
   */
  public Assessment assess(Topology topology, MigrationPlan plan, CostOptions options, Clock clock) {
    Snapshot snapshot = topology.snapshot();
    List<String> warnings = new ArrayList<>();
    Estate estate = new Estate(topology, options.appTagKey(), options.hoursPerMonth());
    Priced base = price(estate, plan, options, warnings);
    List<MissingPrice> missing = new ArrayList<>(base.current.missing());
    missing.addAll(base.target.missing());
    missing.sort(Comparator.comparing(MissingPrice::phase).thenComparing(MissingPrice::itemId)
        .thenComparing(MissingPrice::component).thenComparing(MissingPrice::priceKey));
    CostSide[] sides = new CostSide[2];
    Parallel.both(() -> sides[0] = base.currentSide(), () -> sides[1] = base.targetSide());
    CostSide current = sides[0];
    CostSide target = sides[1];

    Reconciliation reconciliation = Reconciler.reconcile(current, snapshot.billing(), options.reconciliationThresholdPct(),
        families, base.bill);
    if (reconciliation != null) {
      warnings.addAll(reconciliation.warnings());
    } else {
      warnings.add("no complete billed month in the snapshot: the modelled AWS month is not reconciled with a bill");
    }
    TrafficCurve curve = new TrafficCurve(base.current.demands(), base.target.demands());
    RequestCosts requests = requests(estate, options, current, target, curve, warnings);
    if (!plan.unmapped().isEmpty()) {
      warnings.add(plan.unmapped().size() + " item(s) have no mapping: their AWS cost is carried unchanged to Google Cloud "
          + "after (no saving is counted for them)");
    }
    if (!missing.isEmpty()) {
      long cur = missing.stream().filter(p -> p.phase() == Phase.CURRENT).count();
      warnings.add(missing.size() + " cost component(s) have no price (" + cur + " CURRENT, " + (missing.size() - cur)
          + " TARGET): the totals leave them out; see the missing-prices list");
    }
    List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(warnings));
    return new Assessment(snapshot, plan, current, target, missing, reconciliation, requests, List.of(),
        Assumptions.of(options, book, snapshot), book.date(), clock.instant(), distinct, base.coverage,
        curve, options, base.bill, topology);
  }

  /** The two ledgers of one pricing pass. */
  private record Priced(Ledger current, Ledger target, CommitmentCoverage coverage, BillCoverage bill) {
    CostSide currentSide() {
      return side(Phase.CURRENT, current);
    }

    CostSide targetSide() {
      return side(Phase.TARGET, target);
    }

    private static CostSide side(Phase phase, Ledger l) {
      List<CostLine> lines = new ArrayList<>(l.lines());
      lines.sort(LINE_ORDER);
      return CostSide.of(phase, lines);
    }
  }

  private Priced price(Estate estate, MigrationPlan plan, CostOptions options, List<String> warnings) {
    Ledger current = new Ledger(Phase.CURRENT, book);
    CurrentPricer pricer = new CurrentPricer(estate, options, current, warnings);
    Ledger target = new Ledger(Phase.TARGET, book);
    // The two sides are independent until the bill pricer: priced at once, the TARGET side's warnings kept apart
    // and appended after the CURRENT side's, as when one ran after the other.
    List<String> targetWarnings = new ArrayList<>();
    TargetPricer targets = new TargetPricer(estate, plan, options, target, targetWarnings);
    Parallel.both(pricer::price, targets::price);
    warnings.addAll(targetWarnings);
    BillCoverage bill = new BillPricer(estate, plan, options, current, target, warnings, families).price();
    return new Priced(current, target, pricer.commitmentCoverage(), bill);
  }

  /**
   * Requests users make per month: edge requests of the distributions plus requests at load
   * balancers that CloudFront does not front (a fronted balancer's requests are origin fetches,
   * already counted at the edge). Growth points scale every traffic-driven line (egress, requests,
   * LCUs, data processed) by the multiple, and price the quantities that draw on a free allowance or
   * a volume tier again at the multiple ({@link TrafficCurve}); compute, disks, storage and fixed fees
   * stay. Every traffic quantity the pricers derive is today's quantity times the multiple, so this is
   * what pricing the whole estate again at the multiple gives, without doing it (at 200,000 instances
   * that was two more passes of the cost model per run).
   */
  private RequestCosts requests(Estate estate, CostOptions options, CostSide current, CostSide target,
      TrafficCurve curve, List<String> warnings) {
    BigDecimal aws = current.monthlyUsd();
    BigDecimal gcp = target.monthlyUsd();
    Snapshot snapshot = estate.snapshot;
    double windowRequests = 0;
    boolean measured = false;
    TreeSet<String> sources = new TreeSet<>();
    for (Distribution d : snapshot.distributions()) {
      Usage u = estate.topology.usage(d.id());
      if (u != null && u.requests() != null) {
        windowRequests += u.requests();
        measured = true;
        sources.add(u.source() == null ? "unknown" : u.source());
      }
    }
    for (LoadBalancer lb : snapshot.loadBalancers()) {
      Usage u = estate.topology.usage(lb.id());
      if (u != null && u.requests() != null && !estate.topology.isOriginLoadBalancer(lb.id())) {
        windowRequests += u.requests();
        measured = true;
        sources.add(u.source() == null ? "unknown" : u.source());
      }
    }
    if (!measured || windowRequests <= 0) {
      warnings.add("no requests measured at distributions or load balancers: no cost per million requests");
      return null;
    }
    BigDecimal monthly = estate.monthly(windowRequests).setScale(0, RoundingMode.HALF_EVEN);
    if (monthly.signum() == 0) {
      return null;
    }
    BigDecimal millions = monthly.divide(MILLION, 12, RoundingMode.HALF_EVEN);
    List<RequestCosts.GrowthPoint> growth = new ArrayList<>();
    BigDecimal awsTraffic = trafficUsd(current);
    BigDecimal gcpTraffic = trafficUsd(target);
    for (BigDecimal m : options.growthMultiples()) {
      BigDecimal awsAt;
      BigDecimal gcpAt;
      if (m.compareTo(BigDecimal.ONE) == 0) {
        awsAt = aws;
        gcpAt = gcp;
      } else {
        // today + (m - 1) x today's traffic lines + what allowances and tiers make of m x their quantities
        BigDecimal more = m.subtract(BigDecimal.ONE);
        awsAt = aws.add(awsTraffic.multiply(more)).add(curve.nonLinearUsd(Phase.CURRENT, m));
        gcpAt = gcp.add(gcpTraffic.multiply(more)).add(curve.nonLinearUsd(Phase.TARGET, m));
      }
      BigDecimal mm = millions.multiply(m);
      growth.add(new RequestCosts.GrowthPoint(m, awsAt, gcpAt, perMillion(awsAt, mm), perMillion(gcpAt, mm)));
    }
    return new RequestCosts(monthly.longValueExact(), String.join("+", sources), perMillion(aws, millions),
        perMillion(gcp, millions), growth);
  }

  /** Monthly USD of the lines that grow with the traffic served (bytes and requests). */
  private static BigDecimal trafficUsd(CostSide side) {
    BigDecimal sum = BigDecimal.ZERO;
    for (CostLine l : side.lines()) {
      if (l.driver().traffic()) {
        sum = sum.add(l.monthlyUsd());
      }
    }
    return sum;
  }

  private static BigDecimal perMillion(BigDecimal usd, BigDecimal millions) {
    return usd.divide(millions, 6, RoundingMode.HALF_EVEN);
  }
}
