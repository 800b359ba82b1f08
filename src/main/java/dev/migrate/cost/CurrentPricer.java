package dev.migrate.cost;

import dev.migrate.cost.CostLine.Driver;
import dev.migrate.inventory.Commitment;
import dev.migrate.inventory.Coverage;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.LoadBalancerType;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.WebAcl;
import dev.migrate.plan.ItemKind;
import dev.migrate.pricing.Geography;
import dev.migrate.pricing.Price;
import dev.migrate.pricing.PriceKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Prices today's AWS estate (CURRENT) from the inventory and its usage: always from the
 * snapshot, never from the plan. Items are priced in id order so that shared tiers and free
 * allowances are drawn deterministically.
 */
final class CurrentPricer {
  private static final BigDecimal GP3_FREE_IOPS = BigDecimal.valueOf(3000);
  private static final BigDecimal GP3_FREE_MIBPS = BigDecimal.valueOf(125);
  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  private final Estate estate;
  private final CostOptions options;
  private final Ledger ledger;
  private final List<String> warnings;
  /** AWS WAF web ACLs already charged: one web ACL can protect several distributions but is billed once. */
  private final TreeSet<String> webAcls = new TreeSet<>();
  private CommitmentCoverage commitmentCoverage;

  CurrentPricer(Estate estate, CostOptions options, Ledger ledger, List<String> warnings) {
    this.estate = estate;
    this.options = options;
    this.ledger = ledger;
    this.warnings = warnings;
  }

  void price() {
    // Looked up by id and summed (exactly, so in any order): a hash map, not a sorted one.
    Map<String, BigDecimal> onDemandHourly = new HashMap<>();
    for (Ec2Instance i : estate.snapshot.instances()) {
      instance(i, onDemandHourly);
    }
    commitments(onDemandHourly);
    for (EbsVolume v : estate.snapshot.volumes()) {
      volume(v);
    }
    for (LoadBalancer lb : estate.snapshot.loadBalancers()) {
      loadBalancer(lb);
    }
    for (Distribution d : estate.snapshot.distributions()) {
      distribution(d);
    }
    for (S3Bucket b : estate.snapshot.buckets()) {
      bucket(b);
    }
    // RDS, Aurora and ElastiCache with their reserved DB instances and cache nodes.
    new DatastorePricer(estate, ledger, warnings).price();
  }

  private Ledger.Item item(ItemKind kind, String id, String name) {
    return new Ledger.Item(id, name, estate.appOf(kind, id));
  }

  // ------------------------------------------------------------------ EC2

  private void instance(Ec2Instance i, Map<String, BigDecimal> onDemandHourly) {
    if (!i.running()) {
      return; // a stopped instance costs only its volumes (priced with the volumes)
    }
    Ledger.Item item = item(ItemKind.EC2_INSTANCE, i.id(), i.name());
    Machine machine = machine(i);
    String platform = machine.platform;
    PriceKey key = machine.key;
    String component = machine.component;
    if (!"on-demand".equals(i.lifecycle())) {
      // Spot and scheduled prices are not in the book: say so rather than price at on-demand.
      ledger.missing(item, component + ", lifecycle " + i.lifecycle(),
          PriceKey.aws("ec2", i.instanceType() + ":" + platform + ":" + i.lifecycle(), i.region()).toString());
      return;
    }
    if (!"default".equals(i.tenancy())) {
      ledger.missing(item, component + ", tenancy " + i.tenancy(),
          PriceKey.aws("ec2", i.instanceType() + ":" + platform + ":" + i.tenancy(), i.region()).toString());
      return;
    }
    BigDecimal amount = ledger.machine(item, Services.EC2, Driver.COMPUTE_ON_DEMAND, i.instanceType(), component,
        estate.hoursPerMonth, key);
    if (amount != null) {
      if (machine.hourly == null) {
        machine.hourly = ledger.book().lookup(key).map(Price::usd).orElseThrow();
      }
      onDemandHourly.put(i.id(), machine.hourly);
    }
  }

  /** The price key and component text of one instance type, platform and region, and its on-demand USD per hour. */
  private static final class Machine {
    final String platform;
    final PriceKey key;
    final String component;
    BigDecimal hourly;

    Machine(String instanceType, String platform, String region) {
      this.platform = platform;
      this.key = PriceKey.aws("ec2", instanceType + ":" + platform, region);
      this.component = "instance hours (" + instanceType + ", " + platform + ")";
    }
  }

  /**
   * Instance type -> platform -> region -> its {@link Machine}: an estate has a few hundred of them and hundreds of
   * thousands of instances, whose lines then share one key and one component text (looked up by the instance's own
   * texts, so no text is built per instance).
   */
  private final Map<String, Map<String, Map<String, Machine>>> machines = new HashMap<>();

  private Machine machine(Ec2Instance i) {
    return machines.computeIfAbsent(i.instanceType(), t -> new HashMap<>())
        .computeIfAbsent(i.platform(), p -> new HashMap<>())
        .computeIfAbsent(i.region(), r -> new Machine(i.instanceType(), i.platform().toLowerCase(Locale.ROOT), r));
  }

  /**
   * Reserved instances: each active RI covers up to {@code count} running instances of its type,
   * region and platform (negative lines on the covered instances, at their on-demand price) and
   * costs its recurring hourly fee plus its upfront payment spread over the term.
   *
   * <p>Savings plans: the hourly commitment is charged (Savings Plans service, as the bill shows
   * it). With Cost Explorer's savings-plan coverage in the snapshot, EC2 loses the on-demand
   * value of the usage the plans covered, in two lines: what the used commitment paid for (1:1)
   * and the discount beyond it; the commitment line is split into its used and unused parts.
   * Without coverage, on-demand EC2 spend is covered one-for-one up to the commitment (the plans'
   * discount rates are not in the snapshot, so the saving is not modelled, and a warning says so).
   *
   * <p>No double counting: RIs apply first (as on the bill), so savings plans may only cover the
   * on-demand value of instances no RI covers ({@code eligible}); the commitment is charged once,
   * from the snapshot's plans, never again from Cost Explorer's commitment figure.
   */
  private void commitments(Map<String, BigDecimal> onDemandHourly) {
    // EC2's own commitments; reserved DB instances and cache nodes are priced with their kinds.
    List<Commitment> list = new ArrayList<>(estate.snapshot.commitments().stream()
        .filter(c -> "reserved-instance".equals(c.kind()) || "savings-plan".equals(c.kind())).toList());
    // Reserved instances first ("reserved-instance" sorts before "savings-plan"): plans cover what no RI does.
    list.sort(Comparator.comparing(Commitment::kind).thenComparing(Commitment::id));
    TreeSet<String> covered = new TreeSet<>();
    BigDecimal hours = estate.hoursPerMonth;
    LocalDate asOf = estate.snapshot.collectedAt().atZone(ZoneOffset.UTC).toLocalDate();
    Coverage coverage = estate.snapshot.coverage();
    Coverage.SavingsPlans spCoverage = coverage == null ? null : coverage.savingsPlans();
    BigDecimal k = coverage == null ? null : monthFactor(coverage);
    // Cost Explorer's share of the commitment that was used, applied to each plan's fee.
    BigDecimal usedShare = null;
    if (spCoverage != null && spCoverage.commitmentUsd() != null && spCoverage.commitmentUsd().signum() > 0
        && spCoverage.usedCommitmentUsd() != null) {
      usedShare = spCoverage.usedCommitmentUsd().divide(spCoverage.commitmentUsd(), 12, RoundingMode.HALF_EVEN)
          .min(BigDecimal.ONE).max(BigDecimal.ZERO);
    }
    Map<String, BigDecimal> riHours = new TreeMap<>();
    BigDecimal riSaving = BigDecimal.ZERO;
    BigDecimal spFees = BigDecimal.ZERO;
    int activePlans = 0;
    BigDecimal spLeft = null; // on-demand EC2 spend no RI or earlier plan covers (the fallback without coverage)
    for (Commitment c : list) {
      if (c.state() != null && !"active".equalsIgnoreCase(c.state())) {
        continue;
      }
      Ledger.Item ci = new Ledger.Item(c.id(), c.kind() + " " + (c.offering() == null ? "" : c.offering()).trim(), "(commitments)");
      String source = "snapshot: " + c.kind() + " " + c.id() + " (collected " + asOf + ")";
      if ("reserved-instance".equals(c.kind())) {
        String platform = c.platform() == null ? "linux"
            : c.platform().toLowerCase(Locale.ROOT).contains("windows") ? "windows" : "linux";
        int left = c.count();
        for (Ec2Instance i : estate.snapshot.instances()) {
          if (left == 0) {
            break;
          }
          if (i.running() && i.instanceType().equals(c.instanceType()) && i.region().equals(c.region())
              && i.platform().equalsIgnoreCase(platform) && onDemandHourly.containsKey(i.id()) && covered.add(i.id())) {
            BigDecimal od = onDemandHourly.get(i.id());
            PriceKey odKey = PriceKey.aws("ec2", i.instanceType() + ":" + platform, i.region());
            Price odPrice = ledger.book().lookup(odKey).orElseThrow();
            dev.migrate.pricing.Tier odTier = odPrice.flat();
            ledger.add(item(ItemKind.EC2_INSTANCE, i.id(), i.name()), Services.EC2, Driver.COMMITTED, i.instanceType(),
                "reserved instance " + c.id() + " covers the on-demand hours", hours, "hour",
                ledger.text(odKey), od.negate(), odTier.source(), odTier.asOf(), hours.multiply(od).negate(), odPrice.estimated());
            riHours.merge(i.instanceType() + "\u0000" + i.region(), hours, BigDecimal::add);
            riSaving = riSaving.add(hours.multiply(od));
            left--;
          }
        }
        if (c.hourlyUsd() != null && c.hourlyUsd().signum() > 0) {
          BigDecimal q = hours.multiply(BigDecimal.valueOf(c.count()));
          ledger.add(ci, Services.EC2, Driver.COMMITTED, c.instanceType(), "reserved instance recurring charge (" + c.count() + " x " + c.instanceType() + ")",
              q, "hour", "snapshot:commitment/" + c.id() + "/hourlyUsd", c.hourlyUsd(), source, asOf, q.multiply(c.hourlyUsd()));
          riSaving = riSaving.subtract(q.multiply(c.hourlyUsd()));
        }
        riSaving = riSaving.subtract(amortisedUpfront(c, ci, source, asOf));
      } else if ("savings-plan".equals(c.kind())) {
        if (c.hourlyUsd() == null) {
          continue;
        }
        activePlans++;
        BigDecimal fee = hours.multiply(c.hourlyUsd());
        String key = "snapshot:commitment/" + c.id() + "/hourlyUsd";
        if (usedShare != null) {
          // quantity x unit price still: the plan's hours split by Cost Explorer's utilisation.
          BigDecimal usedHours = hours.multiply(usedShare).setScale(Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
          BigDecimal unusedHours = hours.subtract(usedHours);
          String split = " (Cost Explorer utilisation " + coverage.fromMonth() + ".." + coverage.toMonth() + ")";
          String splitSource = source + "; used share from Cost Explorer savings plan utilisation "
              + coverage.fromMonth() + ".." + coverage.toMonth();
          ledger.add(ci, Services.SAVINGS_PLANS, Driver.COMMITTED, "savings plan hourly commitment, used" + split, usedHours, "hour",
              key, c.hourlyUsd(), splitSource, asOf, usedHours.multiply(c.hourlyUsd()));
          if (unusedHours.signum() > 0) {
            ledger.add(ci, Services.SAVINGS_PLANS, Driver.COMMITTED, "savings plan hourly commitment, unused" + split, unusedHours, "hour",
                key, c.hourlyUsd(), splitSource, asOf, unusedHours.multiply(c.hourlyUsd()));
          }
        } else {
          ledger.add(ci, Services.SAVINGS_PLANS, Driver.COMMITTED, "savings plan hourly commitment", hours, "hour",
              key, c.hourlyUsd(), source, asOf, fee);
        }
        spFees = spFees.add(fee).add(amortisedUpfront(c, ci, source, asOf));
        if (spCoverage == null) {
          // Without coverage figures each plan covers on-demand spend 1:1, from what earlier plans left.
          if (spLeft == null) {
            spLeft = eligible(onDemandHourly, covered);
          }
          BigDecimal cover = spLeft.min(fee);
          spLeft = spLeft.subtract(cover);
          if (cover.signum() > 0) {
            ledger.add(ci, Services.EC2, Driver.COMMITTED, "on-demand EC2 usage covered by savings plan (1:1, discount rate not modelled)",
                cover, "USD", "snapshot:commitment/" + c.id(), BigDecimal.ONE.negate(), source, asOf, cover.negate());
          }
          warnings.add("savings plan " + c.id() + ": its discount rates are not collected, so covered EC2 usage is counted "
              + "at on-demand value; today's real cost is lower by the plan's discount");
        }
      }
    }
    if (coverage == null) {
      return;
    }
    CommitmentCoverage.ReservedInstances ri = coverage.reservedInstances() == null ? null
        : riCheck(coverage, k, riHours, riSaving);
    CommitmentCoverage.SavingsPlans sp = spCoverage == null ? null
        : savingsPlans(coverage, k, eligible(onDemandHourly, covered), spFees, activePlans, asOf);
    commitmentCoverage = new CommitmentCoverage(coverage.fromMonth(), coverage.toMonth(), periodHours(coverage), k, ri, sp);
  }

  /** On-demand value per month of the priced running instances that no reserved instance covers. */
  private BigDecimal eligible(Map<String, BigDecimal> onDemandHourly, TreeSet<String> riCovered) {
    BigDecimal eligible = BigDecimal.ZERO;
    for (var e : onDemandHourly.entrySet()) {
      if (!riCovered.contains(e.getKey())) {
        eligible = eligible.add(e.getValue().multiply(estate.hoursPerMonth));
      }
    }
    return eligible;
  }

  /** Hours in the coverage's whole months (Cost Explorer's period). */
  static BigDecimal periodHours(Coverage c) {
    long days = 0;
    for (YearMonth m = c.fromMonth(); !m.isAfter(c.toMonth()); m = m.plusMonths(1)) {
      days += m.lengthOfMonth();
    }
    return BigDecimal.valueOf(days * 24);
  }

  private BigDecimal monthFactor(Coverage c) {
    return estate.hoursPerMonth.divide(periodHours(c), 12, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal perMonth(BigDecimal v, BigDecimal k) {
    return v == null ? null : v.multiply(k).setScale(Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
  }

  /**
   * The savings-plan lines from Cost Explorer (see {@link #commitments}) and the summary. The
   * EC2 side is one item, {@value #SP_ITEM}: the covered on-demand value, per month, taken off in
   * two lines whose quantities are USD at unit price -1, capped at the eligible on-demand value.
   */
  private CommitmentCoverage.SavingsPlans savingsPlans(Coverage coverage, BigDecimal k, BigDecimal eligible,
      BigDecimal planFees, int activePlans, LocalDate asOf) {
    Coverage.SavingsPlans sp = coverage.savingsPlans();
    String months = coverage.fromMonth() + ".." + coverage.toMonth();
    BigDecimal coveredM = perMonth(sp.coveredUsd(), k);
    BigDecimal commitmentM = perMonth(sp.commitmentUsd(), k);
    BigDecimal usedM = perMonth(sp.usedCommitmentUsd(), k);
    BigDecimal unusedM = perMonth(sp.unusedCommitmentUsd(), k);
    BigDecimal netM = perMonth(sp.netSavingsUsd(), k);
    String scale = " x " + estate.hoursPerMonth.toPlainString() + "/" + periodHours(coverage).toPlainString() + " h";
    Ledger.Item item = new Ledger.Item(SP_ITEM, "savings plans (Cost Explorer)", "(commitments)");
    BigDecimal fees = planFees;
    boolean applied = true;
    if (activePlans == 0 && coveredM.signum() > 0) {
      // Usage was covered but no plan of this account is in the snapshot: plans bought by another
      // account of the organisation, or not readable. Charge Cost Explorer's commitment instead,
      // so that only the net saving lowers the cost.
      if (commitmentM == null || commitmentM.signum() == 0) {
        warnings.add("savings plans covered " + money(coveredM) + " USD per month of on-demand usage in " + months
            + " (Cost Explorer), but the snapshot has no active plan and Cost Explorer no commitment: the saving is not modelled");
        applied = false;
      } else {
        String src = "Cost Explorer savings plan utilisation " + months + sourceTotal(sp.commitmentUsd()) + scale;
        BigDecimal used = usedM == null ? commitmentM : usedM.min(commitmentM);
        ledger.add(item, Services.SAVINGS_PLANS, Driver.COMMITTED, "savings plan commitment, used (Cost Explorer " + months
            + "; no plan in the snapshot)", used, "USD", "cost-explorer:savings-plans/usedCommitment", BigDecimal.ONE,
            src, asOf, used);
        BigDecimal unused = commitmentM.subtract(used);
        if (unused.signum() > 0) {
          ledger.add(item, Services.SAVINGS_PLANS, Driver.COMMITTED, "savings plan commitment, unused (Cost Explorer " + months
              + "; no plan in the snapshot)", unused, "USD", "cost-explorer:savings-plans/unusedCommitment", BigDecimal.ONE,
              src, asOf, unused);
        }
        fees = commitmentM;
        warnings.add("savings plans covered usage in " + months + " but the snapshot has no active plan (plans of another "
            + "account in the organisation?): Cost Explorer's commitment of " + money(commitmentM) + " USD per month is charged instead");
      }
    }
    BigDecimal discounted = BigDecimal.ZERO;
    if (applied && coveredM.signum() > 0) {
      BigDecimal value = coveredM;
      if (value.compareTo(eligible) > 0) {
        warnings.add("savings plans: Cost Explorer's covered on-demand value (" + money(coveredM) + " USD per month, "
            + months + ") is more than the modelled on-demand EC2 cost that no reserved instance covers ("
            + money(eligible) + " USD): capped there; the rest is Fargate, Lambda or instances not in the snapshot");
        value = eligible;
      }
      // 1:1 part: the used commitment (or, when utilisation was not read, the plans' charge).
      BigDecimal oneToOne = (usedM != null ? usedM : fees).min(value).max(BigDecimal.ZERO);
      BigDecimal discount = value.subtract(oneToOne);
      String src = "Cost Explorer savings plan coverage " + months + sourceTotal(sp.coveredUsd()) + scale;
      if (oneToOne.signum() > 0) {
        ledger.add(item, Services.EC2, Driver.COMMITTED, "on-demand EC2 usage covered by savings plans, 1:1 with the commitment used (Cost Explorer "
            + months + ")", oneToOne, "USD", "cost-explorer:savings-plans/usedCommitment", BigDecimal.ONE.negate(),
            usedM != null ? "Cost Explorer savings plan utilisation " + months + sourceTotal(sp.usedCommitmentUsd()) + scale
                : "snapshot: savings plan hourly commitments (utilisation not read)", asOf, oneToOne.negate());
      }
      if (discount.signum() > 0) {
        ledger.add(item, Services.EC2, Driver.COMMITTED, "savings-plan discount, Cost Explorer covered on-demand value less the commitment used "
            + months, discount, "USD", "cost-explorer:savings-plans/spendCoveredBySavingsPlans", BigDecimal.ONE.negate(),
            src, asOf, discount.negate());
      }
      discounted = value;
      if (commitmentM != null && activePlans > 0 && !close(planFees, commitmentM)) {
        warnings.add("savings plans: the snapshot's active plans charge " + money(planFees) + " USD per month but Cost Explorer's "
            + "commitment over " + months + " is " + money(commitmentM) + " USD per month (a plan started, ended or belongs to "
            + "another account in that period)");
      }
    }
    return new CommitmentCoverage.SavingsPlans(sp.coveragePct(), sp.utilizationPct(), coveredM,
        perMonth(sp.totalCostUsd(), k), commitmentM, usedM, unusedM, netM, discounted.subtract(fees), applied);
  }

  /** Item id of the aggregate savings-plan lines on the EC2 side. */
  static final String SP_ITEM = "savings-plans";

  private static String sourceTotal(BigDecimal total) {
    return total == null ? "" : " (" + total.toPlainString() + " USD in all)";
  }

  /** Within the reconciliation threshold of each other (relative to the larger). */
  private boolean close(BigDecimal a, BigDecimal b) {
    BigDecimal base = a.abs().max(b.abs());
    if (base.signum() == 0) {
      return true;
    }
    return a.subtract(b).abs().multiply(BigDecimal.valueOf(100)).compareTo(base.multiply(options.reconciliationThresholdPct())) <= 0;
  }

  private static String money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String hoursText(BigDecimal v) {
    return v.setScale(0, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * Compares the hours the model lets the snapshot's RIs cover with Cost Explorer's reserved
   * hours, in total and per instance type and region; a difference above the reconciliation
   * threshold (relative to the larger of the two, and at least one hour) becomes a warning.
   */
  private CommitmentCoverage.ReservedInstances riCheck(Coverage coverage, BigDecimal k, Map<String, BigDecimal> riHours,
      BigDecimal riSaving) {
    Coverage.ReservedInstances ce = coverage.reservedInstances();
    String months = coverage.fromMonth() + ".." + coverage.toMonth();
    boolean byType = ce.groups().stream().anyMatch(g -> CE_ALL_REGIONS.equals(g.region()));
    Map<String, BigDecimal[]> rows = new TreeMap<>(); // type\0region -> {CE, modelled}
    Map<String, String[]> names = new TreeMap<>();
    for (Coverage.Group g : ce.groups()) {
      String region = byType ? CE_ALL_REGIONS : g.region();
      String key = g.instanceType() + "\u0000" + region;
      names.putIfAbsent(key, new String[] {g.instanceType(), region});
      rows.computeIfAbsent(key, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] =
          rows.get(key)[0].add(perMonth(g.reservedHours(), k));
    }
    for (var e : riHours.entrySet()) {
      String[] tr = e.getKey().split("\u0000", 2);
      String region = byType ? CE_ALL_REGIONS : tr[1];
      String key = tr[0] + "\u0000" + region;
      names.putIfAbsent(key, new String[] {tr[0], region});
      rows.computeIfAbsent(key, x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[1] =
          rows.get(key)[1].add(e.getValue());
    }
    List<CommitmentCoverage.Group> groups = new ArrayList<>();
    List<String> named = new ArrayList<>();
    BigDecimal modelled = BigDecimal.ZERO;
    for (var e : rows.entrySet()) {
      BigDecimal[] v = e.getValue();
      String[] n = names.get(e.getKey());
      boolean flag = differs(v[1], v[0]);
      groups.add(new CommitmentCoverage.Group(n[0], n[1], v[0], v[1], v[1].subtract(v[0]), flag));
      modelled = modelled.add(v[1]);
      if (flag) {
        named.add(n[0] + " in " + (CE_ALL_REGIONS.equals(n[1]) ? "all regions" : n[1]) + " (Cost Explorer "
            + hoursText(v[0]) + " h, modelled " + hoursText(v[1]) + " h)");
      }
    }
    BigDecimal ceHours = perMonth(ce.reservedHours(), k);
    boolean totalFlag = differs(modelled, ceHours);
    if (totalFlag || !named.isEmpty()) {
      int shown = Math.min(named.size(), 5);
      warnings.add("reserved instances: Cost Explorer reports " + hoursText(ceHours) + " reserved instance-hours per month in "
          + months + ", the model covers " + hoursText(modelled) + " with the snapshot's RIs"
          + (named.isEmpty() ? "" : "; " + String.join(", ", named.subList(0, shown))
              + (named.size() > shown ? " and " + (named.size() - shown) + " more" : ""))
          + ": RIs shared from another account in the organisation, instance size flexibility and RIs bought or expired in "
          + "that period are not modelled (threshold " + options.reconciliationThresholdPct().stripTrailingZeros().toPlainString() + "%)");
    }
    return new CommitmentCoverage.ReservedInstances(ce.coveragePct(), ceHours, perMonth(ce.totalRunningHours(), k),
        modelled, riSaving, groups, totalFlag || !named.isEmpty());
  }

  /** Cost Explorer's region of a group grouped by instance type only. */
  private static final String CE_ALL_REGIONS = "*";

  /** More than the threshold apart, relative to the larger, and at least one hour. */
  private boolean differs(BigDecimal modelled, BigDecimal ce) {
    BigDecimal diff = modelled.subtract(ce).abs();
    return diff.compareTo(BigDecimal.ONE) >= 0 && !close(modelled, ce);
  }

  /** What {@link #commitments} made of the snapshot's coverage, or null when it has none. */
  CommitmentCoverage commitmentCoverage() {
    return commitmentCoverage;
  }

  /** Adds the upfront payment spread over the term; returns the monthly amount (0 when none). */
  private BigDecimal amortisedUpfront(Commitment c, Ledger.Item ci, String source, LocalDate asOf) {
    if (c.upfrontUsd() == null || c.upfrontUsd().signum() == 0 || c.start() == null || c.end() == null) {
      return BigDecimal.ZERO;
    }
    long months = Math.max(1, Math.round(ChronoUnit.DAYS.between(c.start(), c.end()) / (365.0 / 12)));
    BigDecimal perMonth = c.upfrontUsd().divide(BigDecimal.valueOf(months), Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
    ledger.add(ci, c.kind().equals("savings-plan") ? Services.SAVINGS_PLANS : Services.EC2, Driver.COMMITTED,
        c.instanceType(), "upfront payment " + c.upfrontUsd().toPlainString() + " USD spread over " + months + " months", BigDecimal.ONE,
        "month", "snapshot:commitment/" + c.id() + "/upfrontUsd", perMonth, source, asOf, perMonth);
    return perMonth;
  }

  // ------------------------------------------------------------------ EBS

  private void volume(EbsVolume v) {
    Ledger.Item item = item(ItemKind.EBS_VOLUME, v.id(), v.tags().getOrDefault("Name", v.id()));
    String type = v.volumeType();
    Storage storage = storage(type, v.region());
    ledger.flat(item, Services.EBS, Driver.STORAGE, storage.component, BigDecimal.valueOf(v.sizeGib()), storage.key);
    if ("gp3".equals(type)) {
      if (v.iops() != null && v.iops() > 3000) {
        ledger.flat(item, Services.EBS, Driver.STORAGE, "gp3 IOPS above 3,000", BigDecimal.valueOf(v.iops()).subtract(GP3_FREE_IOPS),
            PriceKey.aws("ebs", "gp3:iops-above-3000", v.region()));
      }
      if (v.throughputMibps() != null && v.throughputMibps() > 125) {
        ledger.flat(item, Services.EBS, Driver.STORAGE, "gp3 throughput above 125 MiB/s",
            BigDecimal.valueOf(v.throughputMibps()).subtract(GP3_FREE_MIBPS),
            PriceKey.aws("ebs", "gp3:throughput-above-125", v.region()));
      }
    } else if (("io1".equals(type) || "io2".equals(type)) && v.iops() != null && v.iops() > 0) {
      // io2 IOPS are tiered per volume (first 32,000 at one rate), so the pool is the volume itself.
      ledger.tiered(item, Services.EBS, Driver.STORAGE, type + " provisioned IOPS", BigDecimal.valueOf(v.iops()),
          PriceKey.aws("ebs", type + ":iops", v.region()), "ebs-iops:" + v.id());
    }
  }

  /** The storage price key and component text of one volume type in one region. */
  private record Storage(PriceKey key, String component) {}

  /** Volume type -> region -> its {@link Storage}, shared by the volumes' lines (see {@link #machines}). */
  private final Map<String, Map<String, Storage>> storages = new HashMap<>();

  private Storage storage(String type, String region) {
    return storages.computeIfAbsent(type, t -> new HashMap<>()).computeIfAbsent(region,
        r -> new Storage(PriceKey.aws("ebs", type + ":storage", r), "storage (" + type + ")"));
  }

  // ------------------------------------------------------------------ ELB

  private void loadBalancer(LoadBalancer lb) {
    Ledger.Item item = item(ItemKind.LOAD_BALANCER, lb.id(), lb.name());
    String prefix = switch (lb.type()) {
      case APPLICATION -> "alb";
      case NETWORK -> "nlb";
      case CLASSIC -> "clb";
    };
    ledger.flat(item, Services.ELB, Driver.FIXED, prefix.toUpperCase(Locale.ROOT) + " hours", estate.hoursPerMonth,
        PriceKey.aws("elb", prefix + ":hour", lb.region()));
    Usage u = estate.usageOf(lb.id()).orElse(null);
    if (lb.type() == LoadBalancerType.CLASSIC) {
      if (u != null && u.bytesOutGib() != null) {
        ledger.flat(item, Services.ELB, Driver.TRAFFIC, "data processed", estate.monthly(u.bytesOutGib()),
            PriceKey.aws("elb", "clb:data-processed", lb.region()));
      } else {
        warnings.add("load balancer " + lb.name() + ": processed bytes not measured; its data-processed charge is not modelled");
      }
    } else {
      String unit = lb.type() == LoadBalancerType.APPLICATION ? "LCU" : "NLCU";
      PriceKey key = PriceKey.aws("elb", prefix + (lb.type() == LoadBalancerType.APPLICATION ? ":lcu-hour" : ":nlcu-hour"), lb.region());
      if (u != null && u.lcuHours() != null) {
        ledger.flat(item, Services.ELB, Driver.TRAFFIC, unit + " hours", estate.monthly(u.lcuHours()), key);
      } else if (u != null && u.bytesOutGib() != null) {
        // One LCU (NLCU) includes 1 GB processed per hour for EC2 targets (TCP): the processed-bytes
        // dimension alone gives a floor for the LCU hours (https://aws.amazon.com/elasticloadbalancing/pricing/).
        ledger.flat(item, Services.ELB, Driver.TRAFFIC, unit + " hours (estimated from processed bytes: 1 GB per " + unit + "-hour)",
            estate.monthly(u.bytesOutGib()), key);
      } else {
        warnings.add("load balancer " + lb.name() + ": neither " + unit + "s nor processed bytes measured; its "
            + unit + " charge is not modelled");
      }
    }
    // Bytes an internet-facing load balancer sends to clients leave AWS as data transfer out,
    // unless CloudFront fronts it (origin fetches to CloudFront are free).
    if (u != null && u.bytesOutGib() != null && lb.internetFacing() && !estate.topology.isOriginLoadBalancer(lb.id())) {
      internetOut(item, estate.monthly(u.bytesOutGib()), lb.region());
    }
  }

  private void internetOut(Ledger.Item item, BigDecimal gb, String region) {
    ledger.traffic(item, Services.DATA_TRANSFER, Driver.TRAFFIC, "data transfer out to the internet", gb,
        options.awsFreeTier() ? PriceKey.aws("data-transfer", "free-internet-out", "global") : null,
        "data transfer out to the internet, free allowance",
        PriceKey.aws("data-transfer", "internet-out", region), "aws-internet-out:" + region);
  }

  // ------------------------------------------------------------------ CloudFront

  private void distribution(Distribution d) {
    Ledger.Item item = item(ItemKind.CLOUDFRONT_DISTRIBUTION, d.id(), d.aliases().isEmpty() ? d.id() : d.aliases().get(0));
    Usage u = estate.usageOf(d.id()).orElse(null);
    if (d.webAclId() != null) {
      waf(d, item, u);
    }
    if (u == null || (u.bytesOutGib() == null && u.requests() == null)) {
      if (d.enabled()) {
        warnings.add("distribution " + d.id() + ": no traffic measured; its CloudFront charges are not modelled");
      }
      return;
    }
    String home = estate.homeOf(d);
    Map<String, BigDecimal> bytes = Traffic.byGeography(u.bytesByGeographyGib(), u.bytesOutGib(), home, ledger.book().geographies(), estate);
    for (var e : bytes.entrySet()) {
      Geography g = ledger.book().geographies().resolve(e.getKey()).orElse(null);
      String column = g == null ? e.getKey() : g.awsCloudfrontTransfer();
      ledger.traffic(item, Services.CLOUDFRONT, Driver.TRAFFIC, "data transfer out (" + column + ")", e.getValue(),
          options.awsFreeTier() ? PriceKey.aws("cloudfront", "free-data-transfer-out", "global") : null,
          "data transfer out (" + column + "), free allowance",
          PriceKey.aws("cloudfront", "data-transfer-out", column), "aws-cloudfront-dto:" + column);
    }
    Map<String, BigDecimal> requests = Traffic.byGeography(Traffic.toDouble(u.requestsByGeography()),
        u.requests() == null ? null : u.requests().doubleValue(), home, ledger.book().geographies(), estate);
    for (var e : requests.entrySet()) {
      Geography g = ledger.book().geographies().resolve(e.getKey()).orElse(null);
      String column = g == null ? e.getKey() : g.awsCloudfrontRequests();
      // Priced as HTTPS (the dearer of the two): the HTTP/HTTPS split is not measured.
      BigDecimal per10k = e.getValue().divide(TEN_THOUSAND, Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
      ledger.traffic(item, Services.CLOUDFRONT, Driver.REQUESTS, "HTTPS requests (" + column + ")", per10k,
          options.awsFreeTier() ? PriceKey.aws("cloudfront", "free-requests", "global") : null,
          "HTTPS requests (" + column + "), free allowance", PriceKey.aws("cloudfront", "requests-https", column), null);
    }
  }

  /**
   * AWS WAF on a distribution: the web ACL and its rules per month (charged once per web ACL, on the
   * first distribution in id order that uses it) and the web requests it inspects (every request the
   * distribution serves). The rule count is the snapshot's ({@code webAcls}, collected by wafv2:GetWebACL);
   * where it was not collected (classic WAF, access denied, older snapshots) {@code wafRulesPerAcl} is
   * assumed and said so.
   */
  private void waf(Distribution d, Ledger.Item item, Usage u) {
    if (webAcls.add(d.webAclId())) {
      ledger.flat(item, Services.WAF, Driver.FIXED, "AWS WAF web ACL", BigDecimal.ONE, PriceKey.aws("waf", "web-acl", "global"));
      WebAcl acl = estate.snapshot.webAcl(d.webAclId()).orElse(null);
      if (acl != null) {
        ledger.flat(item, Services.WAF, Driver.FIXED, "AWS WAF rules (" + acl.ruleCount() + " in web ACL " + acl.name() + ", collected)",
            BigDecimal.valueOf(acl.ruleCount()), PriceKey.aws("waf", "rule", "global"));
        List<String> extra = acl.managedRuleGroups().stream()
            .filter(g -> WafRules.EXTRA_FEE_GROUPS.contains(g.name())).map(WebAcl.ManagedRuleGroup::name).toList();
        if (!extra.isEmpty()) {
          warnings.add("web ACL " + acl.name() + ": managed rule group(s) " + String.join(", ", extra)
              + " carry their own subscription and request fees, which the price book does not have; not modelled");
        }
      } else {
        int rules = options.wafRulesPerAcl();
        ledger.flat(item, Services.WAF, Driver.FIXED, "AWS WAF rules (" + rules + " per web ACL, assumed)", BigDecimal.valueOf(rules),
            PriceKey.aws("waf", "rule", "global"));
        warnings.add("distribution " + d.id() + ": the rules of its AWS WAF web ACL are not collected; " + rules
            + " rule(s) assumed, priced on both sides (AWS WAF and Cloud Armor); set --cost-option waf-rules-per-acl=N");
      }
    }
    if (u != null && u.requests() != null) {
      BigDecimal millions = estate.monthly(u.requests()).divide(MILLION, Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
      ledger.flat(item, Services.WAF, Driver.REQUESTS, "AWS WAF web requests inspected", millions, PriceKey.aws("waf", "requests", "global"));
    } else if (d.enabled()) {
      warnings.add("distribution " + d.id() + ": no requests measured; its AWS WAF request charge is not modelled");
    }
  }

  // ------------------------------------------------------------------ S3

  private void bucket(S3Bucket b) {
    Ledger.Item item = item(ItemKind.S3_BUCKET, b.name(), b.name());
    for (S3Bucket.StorageClassUsage s : b.storage()) {
      BigDecimal gb = Estate.gib(s.bytes());
      String cls = s.storageClass();
      String sku = switch (cls) {
        case "INTELLIGENT_TIERING" -> "INTELLIGENT_TIERING:storage-frequent";
        default -> cls + ":storage";
      };
      String component = "storage (" + cls + (cls.equals("INTELLIGENT_TIERING") ? ", frequent-access tier" : "") + ")";
      ledger.tiered(item, Services.S3, Driver.STORAGE, component, gb, PriceKey.aws("s3", sku, b.region()), "aws-s3:" + sku + ":" + b.region());
    }
    Usage u = estate.usageOf(b.name()).orElse(null);
    if (u != null && u.requests() != null) {
      // The collector's request count does not separate PUT/LIST from GET: priced as GET and other.
      ledger.flat(item, Services.S3, Driver.REQUESTS, "requests (priced as GET and other)",
          estate.monthly(u.requests()).setScale(0, RoundingMode.HALF_EVEN),
          PriceKey.aws("s3", "STANDARD:get-and-other", b.region()));
    }
    if (u != null && u.bytesOutGib() != null && !estate.topology.isOriginBucket(b.name())) {
      internetOut(item, estate.monthly(u.bytesOutGib()), b.region());
    }
  }
}
