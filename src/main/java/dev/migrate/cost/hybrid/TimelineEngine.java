package dev.migrate.cost.hybrid;

import static dev.migrate.cost.hybrid.HybridModel.MC;

import dev.migrate.cost.Assumption;
import dev.migrate.cost.Phase;
import dev.migrate.cost.Timeline;
import dev.migrate.cost.TrafficCurve;
import dev.migrate.cost.hybrid.HybridModel.Flow;
import dev.migrate.cost.hybrid.HybridModel.Unit;
import dev.migrate.cost.hybrid.Scenario.Selector;
import dev.migrate.cost.hybrid.Scenario.Wave;
import dev.migrate.inventory.Vpc;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Projects one scenario over one assessment, month by month. Every move unit sits in a group
 * (a wave, the cumulative share, or "never moved") whose schedule gives, per month, how much of
 * it runs on AWS, how much runs on Google Cloud and which share of its traffic Google Cloud
 * serves. CURRENT lines count while the unit runs on AWS (fixed lines) or serves traffic there
 * (traffic-driven lines); TARGET lines from its wave on. So month 0 equals the CURRENT total and
 * every month after the last double running equals the TARGET total (with no growth and no
 * pricing choices). The model is documented in {@code docs/whatif.md}.
 */
public final class TimelineEngine {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal WEEK_HOURS = BigDecimal.valueOf(168);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  /** Default peak over average traffic when usage has no per-second peaks (a common diurnal web pattern). */
  static final double DEFAULT_PEAK_TO_AVERAGE = 3;
  /** Partner Interconnect VLAN attachment capacities, Gbps (cloud.google.com/network-connectivity/docs/interconnect/concepts/partner-overview). */
  private static final double[] PARTNER_GBPS = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 1, 2, 5, 10, 20, 50};

  private TimelineEngine() {}

  /** Projects the scenario; selections that match nothing in this estate are errors. */
  public static Timeline project(HybridModel model, Scenario sc) throws ScenarioException {
    return new Run(model, sc).run();
  }

  /**
   * Phase 1, which unit moves with which group: the group of each unit class, the units an item
   * selector took out of their class, and whether any unit sits in each group.
   *
   * @param classGroup  group per unit class
   * @param override    group per unit selected by item id
   * @param groups      the waves plus "never moved" (or the cumulative share plus an empty "never")
   * @param never       the index of the "never moved" group
   */
  private record Assignment(int[] classGroup, java.util.Map<Integer, Integer> override, int groups, int never,
      boolean[] hasUnits) {
    /** The group of a unit: its item override, else its class's group; -1 for the shared unit. */
    int groupOf(HybridModel model, int unit) {
      if (unit == model.shared) {
        return -1;
      }
      if (!override.isEmpty()) { // most scenarios select no single items: no boxing per unit then
        Integer o = override.get(unit);
        if (o != null) {
          return o;
        }
      }
      return classGroup[model.units.get(unit).classIndex];
    }
  }

  /**
   * Phase 2, per group and month: the share of the group running on Google Cloud, the share still
   * running on AWS, and the share of its traffic Google Cloud serves.
   *
   * @param lastMoveMonth  the month of the last move
   */
  private record Schedule(BigDecimal[][] gcpOn, BigDecimal[][] awsOn, BigDecimal[][] served, int lastMoveMonth) {}

  /**
   * AWS's side of the traffic across the link: over an Interconnect the scenario's rate ({@code icEgress},
   * USD/GiB, null when it gives none), else the internet rates, with the regions whose rate is missing.
   */
  private record LinkRates(boolean interconnect, BigDecimal icEgress, Set<String> missingAws) {
    /** AWS's rate over an Interconnect; a missing one is reported, not counted. */
    BigDecimal icAwsRate() {
      return icEgress == null ? BigDecimal.ZERO : icEgress;
    }
  }

  /**
   * GiB a month between groups (sender, receiver) and what AWS charges for it when the sender is on AWS, USD;
   * of the GiB, the part measured by flow logs, and the sum of the measured pairs' busiest hours, Gbps.
   */
  private record Pairs(BigDecimal[][] gib, BigDecimal[][] awsUsd, BigDecimal[][] measuredGib, double[][] peakGbps) {}

  /**
   * The scenario's pricing levers and one-off spread, fixed for the whole timeline.
   *
   * @param computeScale  regional price index x rightsizing headroom, on target compute
   * @param engPerMonth   engineering cost per migration month, USD
   */
  private record Levers(String term, BigDecimal computeScale, BigDecimal spot, BigDecimal coverage, int commitFrom,
      BigDecimal engineering, int engFrom, int engMonths, BigDecimal engPerMonth) {}

  /**
   * One month's running cost on each cloud before the link, USD, and how much of either cloud runs at all.
   *
   * @param transfer    data copied out of AWS as units land, USD
   * @param awsTraffic  today's traffic cost still served from AWS, USD (to share out what growth misses)
   * @param gcpTraffic  today's target traffic cost already served from Google Cloud, USD
   */
  private record Running(BigDecimal aws, BigDecimal gcp, BigDecimal stay, BigDecimal transfer, BigDecimal anyAws,
      BigDecimal anyGcp, BigDecimal awsTraffic, BigDecimal gcpTraffic) {}

  /**
   * One month's traffic across the clouds: what it costs, USD, how much crosses, GiB, the part of it
   * measured by flow logs, and the measured pairs' busiest hours summed, Gbps (an upper bound of their joint peak).
   */
  private record Cross(BigDecimal usd, BigDecimal gib, BigDecimal measuredGib, double measuredPeakGbps) {}

  private static final class Run {
    final HybridModel model;
    final Scenario sc;
    final int months;
    final List<String> warnings = new ArrayList<>();
    final List<Assumption> assumptions = new ArrayList<>();
    final List<dev.migrate.io.InputError> errors = new ArrayList<>();
    final String region;
    final String source;

    Run(HybridModel model, Scenario sc) {
      this.model = model;
      this.sc = sc;
      this.months = sc.months();
      this.source = "scenario " + sc.source();
      String r = sc.targetRegion() != null ? sc.targetRegion() : model.planRegion;
      if (r == null) {
        r = "us-central1";
        warnings.add("the plan names no Google Cloud region and the scenario sets no targetRegion: link and egress priced in us-central1");
      }
      this.region = r;
    }

    Timeline run() throws ScenarioException {
      Assignment a = assign();
      if (!errors.isEmpty()) {
        throw new ScenarioException(errors);
      }
      return money(a, schedule(a));
    }

    // ---- which unit moves with which group

    Assignment assign() {
      int nc = model.classes.size();
      int[] classGroup = new int[nc];
      java.util.Map<Integer, Integer> override = new java.util.TreeMap<>();
      if (sc.waves().isEmpty()) {
        // 0 = the cumulative share, 1 = never (empty)
        return new Assignment(classGroup, override, 2, 1, hasUnits(classGroup, override, 2));
      }
      int groups = sc.waves().size() + 1;
      int never = groups - 1;
      java.util.Arrays.fill(classGroup, never);
      for (int w = 0; w < sc.waves().size(); w++) {
        Wave wave = sc.waves().get(w);
        Selector sel = wave.select();
        int matched = 0;
        int taken = 0;
        for (String item : sel.items()) {
          String uid = model.itemUnit.get(item);
          if (uid == null || uid.equals(HybridModel.SHARED)) {
            errors.add(new dev.migrate.io.InputError(wave.where(), "wave '" + wave.name() + "' selects item '" + item
                + "', which is not in the snapshot or the plan"));
            continue;
          }
          int ui = model.index.get(uid);
          matched++;
          if (classGroup[model.units.get(ui).classIndex] == never && !override.containsKey(ui)) {
            override.put(ui, w);
            taken++;
          }
        }
        for (int c = 0; c < nc; c++) {
          HybridModel.UnitClass cls = model.classes.get(c);
          if (sel.rest() || matches(cls.sample(), sel)) {
            matched += cls.members().length;
            if (classGroup[c] == never) {
              classGroup[c] = w;
              for (int ui : cls.members()) {
                if (!override.containsKey(ui)) {
                  taken++;
                }
              }
            }
          }
        }
        if (matched == 0) {
          errors.add(new dev.migrate.io.InputError(wave.where(), "wave '" + wave.name() + "' selects nothing in this estate; "
              + available()));
        } else if (taken == 0 && !sel.rest()) {
          errors.add(new dev.migrate.io.InputError(wave.where(), "wave '" + wave.name() + "' selects only units that earlier waves"
              + " already move (" + matched + " unit(s))"));
        }
      }
      warnUnselected(classGroup, override, never);
      return new Assignment(classGroup, override, groups, never, hasUnits(classGroup, override, groups));
    }

    /**
     * Units no wave selects: the members of unselected classes that no item selector took out,
     * counted per class (O(classes), not O(units) per scenario); named: the first five by index.
     */
    private void warnUnselected(int[] classGroup, java.util.Map<Integer, Integer> override, int never) {
      int count = 0;
      List<Integer> first = new ArrayList<>();
      for (int c = 0; c < classGroup.length; c++) {
        if (classGroup[c] != never) {
          continue;
        }
        int named = 0;
        for (int ui : model.classes.get(c).members()) {
          if (override.containsKey(ui)) {
            continue;
          }
          count++;
          if (named < 5) {
            first.add(ui);
            named++;
          } else if (override.isEmpty()) {
            count += countRest(model.classes.get(c).members(), ui);
            break;
          }
        }
      }
      first.sort(null);
      List<String> left = new ArrayList<>();
      for (int k = 0; k < Math.min(5, first.size()); k++) {
        left.add(model.units.get(first.get(k)).id);
      }
      if (count > 0) {
        warnings.add(count + " unit(s) are selected by no wave and stay on AWS for the whole timeline (add a"
            + " last wave with 'select: {rest: true}'): " + String.join(", ", left) + (count > 5 ? ", ..." : ""));
      }
    }

    /** Members after (and not counting) ui in an ascending member list. */
    private static int countRest(int[] members, int ui) {
      int at = java.util.Arrays.binarySearch(members, ui);
      return members.length - at - 1;
    }

    private static boolean[] hasUnits(int[] classGroup, java.util.Map<Integer, Integer> override, int groups) {
      boolean[] hasUnits = new boolean[groups];
      for (int c = 0; c < classGroup.length; c++) {
        hasUnits[classGroup[c]] = true;
      }
      override.values().forEach(g -> hasUnits[g] = true);
      return hasUnits;
    }

    static boolean matches(Unit u, Selector s) {
      for (String app : s.apps()) {
        if (u.apps.contains(app)) {
          return true;
        }
      }
      String role = u.role();
      if (role != null && s.roles().contains(role)) {
        return true;
      }
      return s.tiers().contains(u.tier) || (!u.targetKind.isEmpty() && s.targetKinds().contains(u.targetKind))
          || (!u.workloadKind.isEmpty() && s.workloadKinds().contains(u.workloadKind));
    }

    String available() {
      Set<String> tiers = new TreeSet<>();
      Set<String> roles = new TreeSet<>();
      Set<String> apps = new TreeSet<>();
      Set<String> kinds = new TreeSet<>();
      for (Unit u : model.units) {
        if (u.tier.equals("shared")) {
          continue;
        }
        tiers.add(u.tier);
        if (u.role() != null) {
          roles.add(u.role());
        }
        apps.addAll(u.apps);
        if (!u.targetKind.isEmpty()) {
          kinds.add(u.targetKind);
        }
      }
      return "this estate has tiers " + tiers + ", roles " + roles + ", apps " + apps + ", target kinds " + kinds;
    }

    // ---- schedules

    Schedule schedule(Assignment a) {
      int groups = a.groups();
      BigDecimal[][] gcpOn = new BigDecimal[groups][months];
      BigDecimal[][] awsOn = new BigDecimal[groups][months];
      BigDecimal[][] served = new BigDecimal[groups][months];
      int start = sc.migration().startMonth();
      double maxWeeks = 0;
      int lastMoveMonth;
      /* month each group lands in (the migration start for cumulative shares) */
      int[] landsAt = new int[groups];
      java.util.Arrays.fill(landsAt, start);
      // With a traffic ramp, AWS serves the rest until the ramp reaches 100%; double running starts then.
      int ramp = sc.traffic().gcpSharePct().size();
      if (sc.waves().isEmpty()) {
        List<Double> shares = sc.shares();
        if (shares.isEmpty()) {
          List<Double> lin = new ArrayList<>();
          int len = sc.migration().lengthMonths();
          for (int k = 0; k < len; k++) {
            lin.add((k + 1) / (double) len);
          }
          shares = lin;
        }
        double weeks = sc.migration().doubleRunWeeks();
        maxWeeks = weeks;
        lastMoveMonth = start + shares.size() - 1;
        for (int m = 0; m < months; m++) {
          BigDecimal on = BigDecimal.ZERO;
          BigDecimal off = BigDecimal.ZERO;
          BigDecimal prev = BigDecimal.ZERO;
          for (int k = 0; k < shares.size() && start + k <= m; k++) {
            BigDecimal sk = BigDecimal.valueOf(shares.get(k));
            BigDecimal delta = sk.subtract(prev);
            prev = sk;
            on = sk;
            off = off.add(mul(delta, BigDecimal.ONE.subtract(running(weeks, m - (start + k + ramp)))));
          }
          gcpOn[0][m] = on;
          awsOn[0][m] = BigDecimal.ONE.subtract(off);
        }
      } else {
        lastMoveMonth = start;
        for (int w = 0; w < sc.waves().size(); w++) {
          Wave wave = sc.waves().get(w);
          int at = start + wave.month();
          landsAt[w] = at;
          lastMoveMonth = Math.max(lastMoveMonth, at);
          double weeks = wave.doubleRunWeeks() != null ? wave.doubleRunWeeks() : sc.migration().doubleRunWeeks();
          maxWeeks = Math.max(maxWeeks, weeks);
          for (int m = 0; m < months; m++) {
            gcpOn[w][m] = m >= at ? BigDecimal.ONE : BigDecimal.ZERO;
            awsOn[w][m] = m < at + ramp ? BigDecimal.ONE : running(weeks, m - at - ramp);
          }
        }
      }
      for (int m = 0; m < months; m++) {
        gcpOn[a.never()][m] = BigDecimal.ZERO;
        awsOn[a.never()][m] = BigDecimal.ONE;
      }
      // Share of traffic served from Google Cloud: with the wave by default, ramped by gcpSharePct.
      for (int g = 0; g < groups; g++) {
        for (int m = 0; m < months; m++) {
          BigDecimal cap = trafficShare(m - landsAt[g]);
          BigDecimal p = gcpOn[g][m].min(cap);
          served[g][m] = p;
          if (p.compareTo(gcpOn[g][m]) < 0) {
            awsOn[g][m] = BigDecimal.ONE; // AWS still serves part of the moved traffic, so it keeps running
          }
        }
      }
      double monthHours = model.hoursPerMonth.doubleValue();
      int weeksMonths = (int) Math.ceil(maxWeeks * 168 / monthHours);
      int steadyMonth = lastMoveMonth + ramp + weeksMonths + (maxWeeks * 168 % monthHours == 0 ? 1 : 0);
      if (steadyMonth >= months) {
        warnings.add("the timeline ends before the migration does (last double running ends in month " + steadyMonth
            + "); set timeline.months to at least " + (steadyMonth + 1) + " to see the steady state");
      }
      return new Schedule(gcpOn, awsOn, served, lastMoveMonth);
    }

    /** Share of a month AWS still runs, {@code j} months after a wave with {@code weeks} of double running. */
    BigDecimal running(double weeks, int j) {
      BigDecimal month = model.hoursPerMonth;
      if (j < 0) {
        return BigDecimal.ONE;
      }
      BigDecimal hours = BigDecimal.valueOf(weeks).multiply(WEEK_HOURS).subtract(month.multiply(BigDecimal.valueOf(j)));
      if (hours.signum() <= 0) {
        return BigDecimal.ZERO;
      }
      if (hours.compareTo(month) >= 0) {
        return BigDecimal.ONE;
      }
      return hours.divide(month, MC);
    }

    /** Share of a group's traffic Google Cloud may serve {@code k} months after the group lands. */
    BigDecimal trafficShare(int k) {
      List<Double> s = sc.traffic().gcpSharePct();
      if (s.isEmpty() || k >= s.size()) {
        return BigDecimal.ONE;
      }
      if (k < 0) {
        return BigDecimal.ZERO;
      }
      return BigDecimal.valueOf(s.get(k)).divide(HUNDRED, MC);
    }

    BigDecimal growth(int m) {
      BigDecimal g = BigDecimal.ONE;
      double pct = sc.traffic().growthPerMonthPct();
      if (pct != 0 && m > 0) {
        g = BigDecimal.ONE.add(BigDecimal.valueOf(pct).divide(HUNDRED, MC)).pow(m, MC);
      }
      if (m >= sc.traffic().multiplierFromMonth() && sc.traffic().multiplier() != 1) {
        g = g.multiply(BigDecimal.valueOf(sc.traffic().multiplier()), MC);
      }
      return g;
    }

    // ---- money

    Timeline money(Assignment a, Schedule s) {
      HybridModel.Sums[] sums = groupSums(a);
      LinkRates rates = linkRates();
      List<HybridModel.MeasuredFlow> site = onPremises();
      Pairs pairs = pairs(a, sums, rates, site);
      BigDecimal[][] served = withSite(a, s, site.isEmpty());
      BigDecimal gcpEgress = gcpEgress(rates);
      BigDecimal ratio = regionRatio();
      Levers levers = levers(ratio, s);
      BigDecimal linkMonthly = linkMonthly();
      // Shared unit (costs no unit owns): runs on AWS while anything does, on Google Cloud once anything does.
      Unit shared = model.shared >= 0 ? model.units.get(model.shared) : null;
      TrafficCurve curve = model.assessment.trafficCurve();
      BigDecimal totalCurTraffic = BigDecimal.ZERO;
      BigDecimal totalTgtTraffic = BigDecimal.ZERO;
      for (HybridModel.Sums su : sums) {
        totalCurTraffic = totalCurTraffic.add(su.curTraffic);
        totalTgtTraffic = totalTgtTraffic.add(su.tgtTraffic);
      }
      if (shared != null) {
        totalCurTraffic = totalCurTraffic.add(shared.curTraffic);
        totalTgtTraffic = totalTgtTraffic.add(shared.tgtTraffic);
      }

      List<Timeline.Month> rows = new ArrayList<>();
      YearMonth first = startMonth();
      BigDecimal cum = BigDecimal.ZERO;
      BigDecimal cumStay = BigDecimal.ZERO;
      Cross peakCross = null;
      double peakGbps = 0;
      int peakGibMonth = -1;
      double p2a = peakToAverage();
      for (int m = 0; m < months; m++) {
        BigDecimal g = growth(m);
        BigDecimal c = !"none".equals(levers.term()) && m >= levers.commitFrom() ? levers.coverage() : BigDecimal.ZERO;
        Running r = running(a, s, sums, shared, levers, m, g, c);
        BigDecimal aws = r.aws();
        BigDecimal gcp = r.gcp();
        BigDecimal stay = r.stay();
        if (g.compareTo(BigDecimal.ONE) != 0) {
          // what straight-line growth misses (allowances, volume tiers), shared out by today's traffic cost
          BigDecimal awsExtra = curve.nonLinearUsd(Phase.CURRENT, g);
          aws = aws.add(share(awsExtra, r.awsTraffic(), totalCurTraffic));
          stay = stay.add(awsExtra);
          gcp = gcp.add(share(curve.nonLinearUsd(Phase.TARGET, g), r.gcpTraffic(), totalTgtTraffic));
        }
        Cross cross = cross(pairs.gib().length, pairs, served, m, g, gcpEgress);
        double gbps = peakGbps(cross, p2a);
        if (cross.gib().signum() > 0 && gbps > peakGbps) {
          peakCross = cross;
          peakGbps = gbps;
          peakGibMonth = m;
        }
        boolean linkUp = r.anyAws().signum() > 0 && r.anyGcp().signum() > 0;
        BigDecimal link = linkUp && linkMonthly != null ? linkMonthly : BigDecimal.ZERO;
        BigDecimal oneOff = oneOff(r.transfer(), levers, m);
        BigDecimal total = aws.add(gcp).add(link).add(cross.usd()).add(oneOff);
        cum = cum.add(total);
        cumStay = cumStay.add(stay);
        long requests = model.monthlyRequests == 0 ? 0
            : BigDecimal.valueOf(model.monthlyRequests).multiply(g, MC).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        BigDecimal perMillion = requests == 0 ? null
            : total.multiply(MILLION).divide(BigDecimal.valueOf(requests), 6, RoundingMode.HALF_EVEN);
        rows.add(new Timeline.Month(first.plusMonths(m), aws, gcp, link, cross.usd(), oneOff, total, stay, cum, cumStay,
            requests, perMillion, cross.gib(), cross.measuredGib()));
      }
      linkCapacity(peakCross, p2a, peakGibMonth, first);
      List<Timeline.WaveTraffic> waves = waveTraffic(a, sums, pairs, first);
      siteTraffic(a, pairs, site);
      overlap();
      describe(ratio, levers.commitFrom(), linkMonthly, gcpEgress, first, s.lastMoveMonth());
      List<String> all = new ArrayList<>(model.warnings);
      all.addAll(warnings);
      return new Timeline(sc.name(), rows, peak(rows), payback(rows, first), all, assumptions, sc.description(), waves);
    }

    /**
     * Per wave, the GiB a month (today's traffic) it exchanges with units in other groups, both directions, measured
     * and assumed; also one assumption line per wave saying which.
     */
    private List<Timeline.WaveTraffic> waveTraffic(Assignment a, HybridModel.Sums[] sums, Pairs pairs, YearMonth first) {
      List<Timeline.WaveTraffic> out = new ArrayList<>();
      if (sc.waves().isEmpty()) {
        return out;
      }
      for (int w = 0; w < sc.waves().size(); w++) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal measured = BigDecimal.ZERO;
        for (int d = 0; d < a.groups(); d++) {
          if (d == w) {
            continue;
          }
          total = total.add(pairs.gib()[w][d]).add(pairs.gib()[d][w]);
          measured = measured.add(pairs.measuredGib()[w][d]).add(pairs.measuredGib()[d][w]);
        }
        Wave wave = sc.waves().get(w);
        var wt = new Timeline.WaveTraffic(wave.name(), first.plusMonths(sc.migration().startMonth() + wave.month()),
            sums[w].units, measured, total.subtract(measured));
        out.add(wt);
        assumptions.add(new Assumption("wave " + wave.name() + ": traffic with the rest of the estate, GiB/month",
            gib(total) + " (" + wt.basis() + (wt.basis().equals("measured and assumed") ? ": measured " + gib(measured)
                + ", assumed " + gib(wt.assumedGib()) : "") + ")",
            sourceOf(measured.signum() > 0, wt.assumedGib().signum() > 0)));
      }
      return out;
    }

    /** Where crossing figures came from, in words. */
    private String sourceOf(boolean measured, boolean assumed) {
      String m = "measured: " + model.measuredSource;
      String x = "assumed: flows model, docs/whatif.md";
      return measured && assumed ? m + "; " + x : measured ? m : assumed ? x : "no traffic";
    }

    private static String gib(BigDecimal g) {
      return g.setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * The peak rate a month's crossing traffic needs, Gbps: the measured pairs' busiest hours summed, plus the
     * assumed part's average rate times the peak-to-average factor.
     */
    private double peakGbps(Cross c, double p2a) {
      return c.measuredPeakGbps() + avgGbps(c.gib().subtract(c.measuredGib())) * p2a;
    }

    /** GiB per month -> average Gbps: GiB x 2^30 bytes x 8 bits / (hours per month x 3600 s) / 1e9. */
    private double avgGbps(BigDecimal gibPerMonth) {
      return gibPerMonth.doubleValue() * (1L << 30) * 8 / (model.hoursPerMonth.doubleValue() * 3600) / 1e9;
    }

    private double peakToAverage() {
      Scenario.Link l = sc.link();
      return l.peakToAverage() != null ? l.peakToAverage()
          : model.measuredPeakToAverage != null ? model.measuredPeakToAverage : DEFAULT_PEAK_TO_AVERAGE;
    }

    /** What each group holds: whole unit classes, or unit by unit for a class an item selector split. */
    private HybridModel.Sums[] groupSums(Assignment a) {
      HybridModel.Sums[] sums = new HybridModel.Sums[a.groups()];
      for (int g = 0; g < a.groups(); g++) {
        sums[g] = new HybridModel.Sums();
      }
      java.util.Set<Integer> split = new java.util.TreeSet<>();
      a.override().keySet().forEach(ui -> split.add(model.units.get(ui).classIndex));
      for (int c = 0; c < model.classes.size(); c++) {
        HybridModel.UnitClass cls = model.classes.get(c);
        if (!split.contains(c)) {
          sums[a.classGroup()[c]].add(cls.sums());
        } else {
          for (int ui : cls.members()) {
            sums[a.groupOf(model, ui)].add(model.units.get(ui));
          }
        }
      }
      return sums;
    }

    /**
     * Over an Interconnect the internet rates do not apply: the scenario's egressUsdPerGib prices both
     * directions; without it Google Cloud's side comes from the price book and AWS's side (Direct
     * Connect data transfer out) is not in the book, so it is reported missing and not counted.
     */
    private LinkRates linkRates() {
      boolean interconnect = sc.link().type().endsWith("interconnect");
      Double scenarioEgress = sc.link().egressUsdPerGib();
      BigDecimal icEgress = interconnect && scenarioEgress != null ? BigDecimal.valueOf(scenarioEgress) : null;
      Set<String> missingAws = interconnect ? Set.of() : model.missingAwsRates;
      if (interconnect && icEgress == null) {
        warnings.add("MISSING PRICE: AWS Direct Connect data transfer out (traffic leaving AWS over the " + sc.link().type()
            + " is not counted; the what-if does not price Direct Connect: give link.egressUsdPerGib from your quote)");
      }
      return new LinkRates(interconnect, icEgress, missingAws);
    }

    /** Google Cloud's egress toward AWS, USD/GiB: internet egress, or Interconnect egress; null when missing. */
    private BigDecimal gcpEgress(LinkRates rates) {
      for (String r : rates.missingAws()) {
        warnings.add("MISSING PRICE: AWS data transfer out in " + r + " (traffic leaving AWS there is not priced)");
      }
      return !rates.interconnect()
          ? price(model.prices.gcpEgressGib(region), "Google Cloud Premium Tier egress in " + region,
              "egress from Google Cloud to AWS, USD/GiB")
          : rates.icEgress() != null ? rates.icEgress()
          : price(model.prices.interconnectEgressGib(region), "Cloud Interconnect data transfer out in " + region,
              "Cloud Interconnect data transfer out (Google Cloud to AWS, price book), USD/GiB");
    }

    /**
     * Flows between units, aggregated by the groups at their ends; then cache and database tiers with
     * their clients (web and batch), split by client weight.
     */
    private Pairs pairs(Assignment a, HybridModel.Sums[] sums, LinkRates rates, List<HybridModel.MeasuredFlow> site) {
      int groups = a.groups();
      // The on-premises site, when the flows reach it, is one more end after the groups.
      int ends = site.isEmpty() ? groups : groups + 1;
      BigDecimal[][] pairGib = new BigDecimal[ends][ends];
      BigDecimal[][] pairAwsUsd = new BigDecimal[ends][ends];
      for (BigDecimal[] row : pairGib) {
        java.util.Arrays.fill(row, BigDecimal.ZERO);
      }
      for (BigDecimal[] row : pairAwsUsd) {
        java.util.Arrays.fill(row, BigDecimal.ZERO);
      }
      BigDecimal[][] pairMeasured = new BigDecimal[ends][ends];
      for (BigDecimal[] row : pairMeasured) {
        java.util.Arrays.fill(row, BigDecimal.ZERO);
      }
      double[][] pairPeak = new double[ends][ends];
      for (HybridModel.MeasuredFlow f : site) {
        // Either way the bytes leave AWS where the unit runs: the site's connection lands there.
        int unit = f.src() == HybridModel.SITE ? f.dst() : f.src();
        int gu = a.groupOf(model, unit);
        if (gu < 0) {
          continue;
        }
        int gs = f.src() == HybridModel.SITE ? groups : gu;
        int gd = f.src() == HybridModel.SITE ? gu : groups;
        addPair(pairGib, pairAwsUsd, gs, gd, f.gib(), rates.interconnect() ? rates.icEgress() : model.awsRate(unit));
        pairMeasured[gs][gd] = pairMeasured[gs][gd].add(f.gib());
        pairPeak[gs][gd] += f.peakGbps();
      }
      for (HybridModel.MeasuredFlow f : model.measured) {
        int gs = a.groupOf(model, f.src());
        int gd = a.groupOf(model, f.dst());
        if (gs < 0 || gd < 0) {
          continue;
        }
        addPair(pairGib, pairAwsUsd, gs, gd, f.gib(), rates.interconnect() ? rates.icEgress() : model.awsRate(f.src()));
        pairMeasured[gs][gd] = pairMeasured[gs][gd].add(f.gib());
        pairPeak[gs][gd] += f.peakGbps();
      }
      BigDecimal hitMiss = sc.cacheHitRatio() == null ? null : BigDecimal.ONE.subtract(BigDecimal.valueOf(sc.cacheHitRatio()));
      for (Flow f : model.flows) {
        int gs = a.groupOf(model, f.src());
        int gd = a.groupOf(model, f.dst());
        if (gs < 0 || gd < 0) {
          continue;
        }
        BigDecimal gib = f.cdn() ? f.gib().multiply(hitMiss != null ? hitMiss : f.missRatio(), MC) : f.gib();
        addPair(pairGib, pairAwsUsd, gs, gd, gib, rates.interconnect() ? rates.icEgress() : model.awsRate(f.src()));
      }
      long totalClients = 0;
      for (HybridModel.Sums g : sums) {
        totalClients += g.clients;
      }
      boolean ic = rates.interconnect();
      BigDecimal icAwsRate = rates.icAwsRate();
      for (int gc = 0; gc < groups && totalClients > 0; gc++) {
        HybridModel.Sums c = sums[gc];
        if (c.clientOutGib.signum() == 0 && c.clientInGib.signum() == 0) {
          continue;
        }
        // Data stores the flows do not cover: split over every client; covered ones: only over the clients the
        // flows do not cover (their pairs with covered clients are measured above).
        BigDecimal outGib = c.clientOutGib.subtract(c.coveredOutGib);
        BigDecimal inGib = c.clientInGib.subtract(c.coveredInGib);
        BigDecimal outUsd = c.clientOutAwsUsd.subtract(c.coveredOutAwsUsd);
        BigDecimal inUsd = c.clientInAwsUsd.subtract(c.coveredInAwsUsd);
        for (int gw = 0; gw < groups; gw++) {
          if (sums[gw].clients == 0) {
            continue;
          }
          BigDecimal w = BigDecimal.valueOf(sums[gw].clients).divide(BigDecimal.valueOf(totalClients), MC);
          BigDecimal wu = BigDecimal.valueOf(sums[gw].uncoveredClients).divide(BigDecimal.valueOf(totalClients), MC);
          addClients(pairGib, pairAwsUsd, gc, gw, outGib, ic ? outGib.multiply(icAwsRate, MC) : outUsd, w);
          addClients(pairGib, pairAwsUsd, gw, gc, inGib, ic ? inGib.multiply(icAwsRate, MC) : inUsd, w);
          if (wu.signum() > 0 && (c.coveredOutGib.signum() != 0 || c.coveredInGib.signum() != 0)) {
            addClients(pairGib, pairAwsUsd, gc, gw, c.coveredOutGib,
                ic ? c.coveredOutGib.multiply(icAwsRate, MC) : c.coveredOutAwsUsd, wu);
            addClients(pairGib, pairAwsUsd, gw, gc, c.coveredInGib,
                ic ? c.coveredInGib.multiply(icAwsRate, MC) : c.coveredInAwsUsd, wu);
          }
        }
      }
      return new Pairs(pairGib, pairAwsUsd, pairMeasured, pairPeak);
    }

    /**
     * The on-premises ranges of this scenario ({@code network.onPremises}, else the run's) and the units' measured
     * traffic with them; the ranges are noted, and an AWS region without a data-transfer-out price is warned about.
     */
    private List<HybridModel.MeasuredFlow> onPremises() {
      List<String> ranges = sc.network().onPremises() != null ? sc.network().onPremises() : model.onPremisesCidrs;
      if (ranges.isEmpty()) {
        return List.of();
      }
      List<HybridModel.MeasuredFlow> site = model.onPremises(ranges);
      Set<String> missing = new TreeSet<>();
      for (HybridModel.MeasuredFlow f : site) {
        int unit = f.src() == HybridModel.SITE ? f.dst() : f.src();
        if (model.awsRate(unit) == null && !model.missingAwsRates.contains(model.units.get(unit).awsRegion)) {
          missing.add(model.units.get(unit).awsRegion);
        }
      }
      if (!sc.link().type().endsWith("interconnect")) {
        missing.forEach(r -> warnings.add("MISSING PRICE: AWS data transfer out in " + r
            + " (on-premises traffic leaving AWS there toward Google Cloud is not priced)"));
      }
      return site;
    }

    /**
     * The share of traffic Google Cloud serves per end and month, with the on-premises site as the last end unless
     * {@code noSite}: the site's connection lands in AWS, so it is reached through AWS while anything runs there
     * (its traffic with units on Google Cloud crosses the link), and directly once AWS is gone (not priced here).
     */
    private BigDecimal[][] withSite(Assignment a, Schedule s, boolean noSite) {
      if (noSite) {
        return s.served();
      }
      BigDecimal[][] served = java.util.Arrays.copyOf(s.served(), a.groups() + 1);
      served[a.groups()] = new BigDecimal[months];
      for (int m = 0; m < months; m++) {
        BigDecimal anyAws = BigDecimal.ZERO;
        for (int k = 0; k < a.groups(); k++) {
          if (a.hasUnits()[k]) {
            anyAws = anyAws.max(s.awsOn()[k][m]);
          }
        }
        served[a.groups()][m] = BigDecimal.ONE.subtract(anyAws);
      }
      return served;
    }

    /** One assumption line: the site's ranges, and the GiB a month the units exchange with it (measured). */
    private void siteTraffic(Assignment a, Pairs pairs, List<HybridModel.MeasuredFlow> site) {
      List<String> ranges = sc.network().onPremises() != null ? sc.network().onPremises() : model.onPremisesCidrs;
      if (ranges.isEmpty()) {
        return;
      }
      String where = sc.network().onPremises() != null ? "scenario network.onPremises" : "option --on-premises";
      if (site.isEmpty()) {
        assumptions.add(new Assumption("on-premises site " + String.join(", ", ranges), model.measuredSource == null
            ? "no flow logs: its traffic is not known" : "no measured traffic with the estate's units", where));
        return;
      }
      BigDecimal toSite = BigDecimal.ZERO;
      BigDecimal fromSite = BigDecimal.ZERO;
      for (int g = 0; g < a.groups(); g++) {
        toSite = toSite.add(pairs.gib()[g][a.groups()]);
        fromSite = fromSite.add(pairs.gib()[a.groups()][g]);
      }
      assumptions.add(new Assumption("on-premises site " + String.join(", ", ranges) + ": traffic with the estate, GiB/month",
          gib(toSite.add(fromSite)) + " (measured: " + gib(toSite) + " to the site, " + gib(fromSite) + " from it); the"
              + " site is reached through AWS while AWS runs, so a moved unit's traffic with it crosses the link",
          where + "; measured: " + model.measuredSource));
    }

    /** Adds {@code gib} (and its AWS price {@code usd}) x weight {@code w} to the pair sender s, receiver d. */
    private static void addClients(BigDecimal[][] gib, BigDecimal[][] awsUsd, int s, int d, BigDecimal g, BigDecimal usd,
        BigDecimal w) {
      if (g.signum() == 0) {
        return;
      }
      gib[s][d] = gib[s][d].add(g.multiply(w, MC));
      awsUsd[s][d] = awsUsd[s][d].add(usd.multiply(w, MC));
    }

    private Levers levers(BigDecimal ratio, Schedule s) {
      BigDecimal headroom = BigDecimal.ONE.add(BigDecimal.valueOf(sc.rightsizing().headroomPct()).divide(HUNDRED, MC));
      BigDecimal spot = BigDecimal.valueOf(sc.pricing().spotSharePct()).divide(HUNDRED, MC);
      BigDecimal coverage = BigDecimal.valueOf(sc.pricing().coveragePct()).divide(HUNDRED, MC);
      int commitFrom = sc.pricing().commitmentFromMonth() != null ? sc.pricing().commitmentFromMonth() : s.lastMoveMonth() + 1;
      BigDecimal engineering = BigDecimal.valueOf(sc.oneOff().personDays()).multiply(BigDecimal.valueOf(sc.oneOff().dayRateUsd()));
      int engFrom = sc.migration().startMonth();
      int engMonths = Math.max(1, s.lastMoveMonth() - engFrom + 1);
      return new Levers(sc.pricing().commitment(), ratio.multiply(headroom, MC), spot, coverage, commitFrom, engineering,
          engFrom, engMonths, engineering.divide(BigDecimal.valueOf(engMonths), MC));
    }

    /**
     * One month of the groups and the shared unit on each cloud, before the link and one-off costs;
     * {@code g} is the traffic growth factor, {@code c} the committed share of non-spot compute.
     */
    private Running running(Assignment a, Schedule s, HybridModel.Sums[] sums, Unit shared, Levers lv, int m,
        BigDecimal g, BigDecimal c) {
      String term = lv.term();
      BigDecimal aws = BigDecimal.ZERO;
      BigDecimal gcp = BigDecimal.ZERO;
      BigDecimal stay = BigDecimal.ZERO;
      BigDecimal transfer = BigDecimal.ZERO;
      BigDecimal anyAws = BigDecimal.ZERO;
      BigDecimal anyGcp = BigDecimal.ZERO;
      BigDecimal odShare = BigDecimal.ONE.subtract(lv.spot()).multiply(BigDecimal.ONE.subtract(c), MC);
      BigDecimal awsTraffic = BigDecimal.ZERO;
      BigDecimal gcpTraffic = BigDecimal.ZERO;
      BigDecimal cudShare = BigDecimal.ONE.subtract(lv.spot()).multiply(c, MC);
      for (int k = 0; k < a.groups(); k++) {
        BigDecimal on = s.gcpOn()[k][m];
        BigDecimal off = s.awsOn()[k][m];
        BigDecimal p = s.served()[k][m];
        HybridModel.Sums su = sums[k];
        BigDecimal trafficCur = mul(su.curTraffic, g);
        aws = aws.add(mul(su.curFixed, off)).add(mul(trafficCur, BigDecimal.ONE.subtract(p)));
        awsTraffic = awsTraffic.add(mul(su.curTraffic, BigDecimal.ONE.subtract(p)));
        gcpTraffic = gcpTraffic.add(mul(su.tgtTraffic, p));
        stay = stay.add(su.curFixed).add(trafficCur);
        BigDecimal cud = "3y".equals(term) ? su.computeList3y : "1y".equals(term) ? su.computeList1y : su.computeList;
        BigDecimal compute = mul(su.computeList.add(su.computeSud), odShare).add(mul(cud, cudShare))
            .add(mul(su.computeListSpot, lv.spot()));
        gcp = gcp.add(mul(su.tgtFixed, on)).add(mul(mul(su.tgtTraffic, g), p)).add(mul(mul(compute, lv.computeScale()), on));
        if (sc.oneOff().dataTransfer()) {
          BigDecimal before = m == 0 ? BigDecimal.ZERO : s.gcpOn()[k][m - 1];
          BigDecimal step = on.subtract(before);
          if (step.signum() > 0) {
            transfer = transfer.add(mul(su.transferUsd, step));
          }
        }
        if (a.hasUnits()[k]) {
          anyAws = anyAws.max(off);
          anyGcp = anyGcp.max(on);
        }
      }
      if (shared != null) {
        BigDecimal trafficCur = mul(shared.curTraffic, g);
        aws = aws.add(mul(shared.curFixed.add(trafficCur), anyAws));
        stay = stay.add(shared.curFixed).add(trafficCur);
        BigDecimal compute = mul(shared.computeList.add(shared.computeSud), odShare)
            .add(mul("3y".equals(term) ? shared.computeList3y : "1y".equals(term) ? shared.computeList1y : shared.computeList, cudShare))
            .add(mul(shared.computeListSpot, lv.spot()));
        gcp = gcp.add(mul(shared.tgtFixed.add(mul(shared.tgtTraffic, g)).add(mul(compute, lv.computeScale())), anyGcp));
        awsTraffic = awsTraffic.add(mul(shared.curTraffic, anyAws));
        gcpTraffic = gcpTraffic.add(mul(shared.tgtTraffic, anyGcp));
        // Carried bill amounts are the same on both sides: once a month, on AWS while anything runs there.
        aws = aws.add(mul(shared.curCarried, anyAws));
        gcp = gcp.add(mul(shared.tgtCarried, BigDecimal.ONE.subtract(anyAws)));
        stay = stay.add(shared.curCarried);
      }
      return new Running(aws, gcp, stay, transfer, anyAws, anyGcp, awsTraffic, gcpTraffic);
    }

    /** Traffic across the clouds in month {@code m}: sender on AWS and receiver on Google Cloud, and the reverse. */
    private static Cross cross(int groups, Pairs pairs, BigDecimal[][] served, int m, BigDecimal g, BigDecimal gcpEgress) {
      BigDecimal crossUsd = BigDecimal.ZERO;
      BigDecimal crossGib = BigDecimal.ZERO;
      BigDecimal measuredGib = BigDecimal.ZERO;
      double measuredPeak = 0;
      for (int s = 0; s < groups; s++) {
        for (int d = 0; d < groups; d++) {
          if (pairs.gib()[s][d].signum() == 0) {
            continue;
          }
          BigDecimal ps = served[s][m];
          BigDecimal pd = served[d][m];
          BigDecimal awsToGcp = mul(BigDecimal.ONE.subtract(ps), pd);
          BigDecimal gcpToAws = mul(ps, BigDecimal.ONE.subtract(pd));
          if (awsToGcp.signum() == 0 && gcpToAws.signum() == 0) {
            continue;
          }
          BigDecimal gib = mul(pairs.gib()[s][d], g);
          BigDecimal crossing = awsToGcp.add(gcpToAws);
          crossGib = crossGib.add(mul(gib, crossing));
          if (pairs.measuredGib()[s][d].signum() != 0) {
            measuredGib = measuredGib.add(mul(mul(pairs.measuredGib()[s][d], g), crossing));
            measuredPeak += pairs.peakGbps()[s][d] * g.doubleValue() * crossing.doubleValue();
          }
          crossUsd = crossUsd.add(mul(mul(pairs.awsUsd()[s][d], g), awsToGcp));
          if (gcpEgress != null) {
            crossUsd = crossUsd.add(mul(mul(gib, gcpToAws), gcpEgress));
          }
        }
      }
      return new Cross(crossUsd, crossGib, measuredGib, measuredPeak);
    }

    /** One-off costs of month {@code m}: the data copied as units land, engineering spread over the moves, the scenario's others. */
    private BigDecimal oneOff(BigDecimal transfer, Levers lv, int m) {
      BigDecimal oneOff = transfer;
      if (lv.engineering().signum() > 0 && m >= lv.engFrom() && m < lv.engFrom() + lv.engMonths()) {
        oneOff = oneOff.add(lv.engPerMonth());
      }
      for (Scenario.Other o : sc.oneOff().other()) {
        if (o.month() == m) {
          oneOff = oneOff.add(BigDecimal.valueOf(o.usd()));
        }
      }
      return oneOff;
    }

    /** The month with the highest total (the first of equals). */
    private static YearMonth peak(List<Timeline.Month> rows) {
      YearMonth peak = null;
      BigDecimal best = null;
      for (Timeline.Month r : rows) {
        if (best == null || r.totalUsd().compareTo(best) > 0) {
          best = r.totalUsd();
          peak = r.month();
        }
      }
      return peak;
    }

    /** The first month from which the cumulative cost stays below staying on AWS, or null. */
    private static YearMonth payback(List<Timeline.Month> rows, YearMonth first) {
      YearMonth payback = null;
      for (int i = rows.size() - 1; i >= 0; i--) {
        Timeline.Month r = rows.get(i);
        if (r.cumulativeUsd().compareTo(r.cumulativeStayUsd()) < 0) {
          payback = r.month();
        } else {
          break;
        }
      }
      if (payback != null && payback.equals(first)) {
        payback = null; // cheaper from month 0 means nothing moved yet; never the case with startMonth >= 1
      }
      return payback;
    }

    private static void addPair(BigDecimal[][] gib, BigDecimal[][] awsUsd, int s, int d, BigDecimal g, BigDecimal rate) {
      gib[s][d] = gib[s][d].add(g);
      if (rate != null) {
        awsUsd[s][d] = awsUsd[s][d].add(g.multiply(rate, MC));
      }
    }

    private BigDecimal price(Optional<HybridPrices.Price> p, String what, String assumption) {
      if (p.isEmpty()) {
        warnings.add("MISSING PRICE: " + what + " (not counted)");
        return null;
      }
      assumptions.add(new Assumption(assumption + " (" + p.get().scope() + ")", p.get().value().toPlainString(),
          p.get().source() + ", " + p.get().asOf()));
      return p.get().value();
    }

    private BigDecimal regionRatio() {
      if (sc.targetRegion() == null || model.planRegion == null || sc.targetRegion().equals(model.planRegion)) {
        return BigDecimal.ONE;
      }
      var to = model.prices.regionComputeIndex(sc.targetRegion());
      var from = model.prices.regionComputeIndex(model.planRegion);
      if (to.isEmpty() || from.isEmpty()) {
        warnings.add("MISSING PRICE: no regional compute index for " + (to.isEmpty() ? sc.targetRegion() : model.planRegion)
            + "; target compute keeps the plan region's prices");
        return BigDecimal.ONE;
      }
      BigDecimal r = to.get().value().divide(from.get().value(), MC);
      warnings.add("targetRegion " + sc.targetRegion() + " differs from the plan's " + model.planRegion
          + ": target compute scaled by the regional price index " + r.setScale(4, RoundingMode.HALF_EVEN).toPlainString()
          + "; other target lines keep the plan region's prices");
      return r;
    }

    /** Monthly link cost, or null when a price is missing (then reported, not counted). */
    private BigDecimal linkMonthly() {
      Scenario.Link l = sc.link();
      switch (l.type()) {
        case "none":
          return BigDecimal.ZERO;
        case "ha-vpn": {
          BigDecimal tunnel = price(model.prices.gcpVpnTunnelHour(region), "Cloud VPN tunnel in " + region,
              "Cloud VPN tunnel, USD/hour");
          BigDecimal conn = price(model.prices.awsVpnConnectionHour("all"), "AWS Site-to-Site VPN connection",
              "AWS Site-to-Site VPN connection, USD/hour");
          if (tunnel == null || conn == null) {
            return null;
          }
          int connections = (l.tunnels() + 1) / 2;
          return tunnel.multiply(BigDecimal.valueOf(l.tunnels())).add(conn.multiply(BigDecimal.valueOf(connections)))
              .multiply(model.hoursPerMonth);
        }
        default:
          if (l.egressUsdPerGib() != null) {
            assumptions.add(new Assumption("Interconnect data transfer, USD/GiB", plain(l.egressUsdPerGib()), source));
          }
          if (l.hourlyUsd() != null) {
            assumptions.add(new Assumption("Interconnect, USD/hour (both clouds)", plain(l.hourlyUsd()), source));
            return BigDecimal.valueOf(l.hourlyUsd()).multiply(model.hoursPerMonth);
          }
          return interconnectFromBook(l);
      }
    }

    /**
     * Google Cloud's side of an Interconnect from the price book, per hour: Dedicated Interconnect
     * circuits (10 Gbps ones up to 80 Gbps, 100 Gbps ones above, as the capacity warning sizes them)
     * plus VLAN attachments of the smallest class that carries the capacity (one up to 10 Gbps or
     * 20 Gbps, else 50 Gbps ones). Partner Interconnect attachments and everything on AWS's side
     * (Direct Connect ports or hosted connections) are not in the book: reported missing, not counted.
     */
    private BigDecimal interconnectFromBook(Scenario.Link l) {
      warnings.add("MISSING PRICE: AWS Direct Connect port-hours for the " + l.type() + " (not counted; the what-if does"
          + " not price Direct Connect: give link.hourlyUsd for both clouds from your quote)");
      double cap = l.capacityGbps();
      if ("partner-interconnect".equals(l.type())) {
        warnings.add("MISSING PRICE: Partner Interconnect VLAN attachment of " + plain(cap) + " Gbps and the partner's"
            + " own charges (not counted; the price book has no Partner Interconnect prices: give link.hourlyUsd)");
        return null;
      }
      boolean big = cap > 80;
      int circuits = (int) Math.ceil(cap / (big ? 100 : 10));
      String attachment = cap <= 10 ? "10g" : cap <= 20 ? "20g" : "50g";
      int attachments = cap <= 20 ? 1 : (int) Math.ceil(cap / 50);
      BigDecimal port = price(model.prices.interconnectCircuitHour(big ? "100g" : "10g"),
          "Dedicated Interconnect " + (big ? "100" : "10") + " Gbps circuit",
          "Dedicated Interconnect " + (big ? "100" : "10") + " Gbps circuit, USD/hour");
      BigDecimal vlan = price(model.prices.interconnectAttachmentHour(attachment),
          "Interconnect VLAN attachment (" + attachment + " class)",
          "Interconnect VLAN attachment, " + attachment.replace("g", " Gbps") + " class, USD/hour");
      if (port == null || vlan == null) {
        return null;
      }
      BigDecimal hourly = port.multiply(BigDecimal.valueOf(circuits)).add(vlan.multiply(BigDecimal.valueOf(attachments)));
      assumptions.add(new Assumption("Interconnect, USD/hour (Google Cloud side, price book)", hourly.toPlainString(),
          circuits + " x " + (big ? "100" : "10") + " Gbps circuit x " + port.toPlainString() + " + " + attachments
              + " x VLAN attachment (" + attachment.replace("g", " Gbps") + " class) x " + vlan.toPlainString()
              + " for " + plain(cap) + " Gbps; AWS Direct Connect not included"));
      return hourly.multiply(model.hoursPerMonth);
    }

    private void linkCapacity(Cross peak, double p2a, int peakMonth, YearMonth first) {
      Scenario.Link l = sc.link();
      String p2aSource = l.peakToAverage() != null ? source
          : model.measuredPeakToAverage != null ? "usage: highest per-second request peak over the window's mean rate"
          : "default (no per-second peaks measured): a diurnal web pattern";
      assumptions.add(new Assumption("peak-to-average traffic factor", plain(p2a), p2aSource));
      if (peakMonth < 0) {
        assumptions.add(new Assumption("traffic across the link at peak, Gbps", "0", "no flow crosses the clouds"));
        return;
      }
      BigDecimal peakGib = peak.gib();
      BigDecimal assumedGib = peakGib.subtract(peak.measuredGib());
      double avgGbps = avgGbps(assumedGib);
      double peakGbps = peakGbps(peak, p2a);
      String when = first.plusMonths(peakMonth).toString();
      String basis = Timeline.basis(peakGib, peak.measuredGib());
      assumptions.add(new Assumption("traffic across the link in its busiest month (" + when + "), GiB",
          gib(peakGib) + " (" + basis + (basis.equals("measured and assumed") ? ": measured " + gib(peak.measuredGib())
              + ", assumed " + gib(assumedGib) : "") + ")",
          sourceOf(peak.measuredGib().signum() > 0, assumedGib.signum() > 0)));
      String measuredPart = "measured: the pairs' busiest hours summed, " + fmt(peak.measuredPeakGbps())
          + " Gbps (an upper bound: pairs need not peak in the same hour)";
      String assumedPart = "average " + fmt(avgGbps) + " Gbps x peak-to-average " + plain(p2a);
      assumptions.add(new Assumption("traffic across the link at peak, Gbps", fmt(peakGbps),
          peak.measuredGib().signum() == 0 ? assumedPart
              : assumedGib.signum() == 0 ? measuredPart : measuredPart + " + assumed: " + assumedPart));
      String need = "Partner Interconnect " + partner(peakGbps) + " or Dedicated Interconnect "
          + (peakGbps > 80 ? (int) Math.ceil(peakGbps / 100) + " x 100 Gbps" : (int) Math.ceil(peakGbps / 10) + " x 10 Gbps");
      switch (l.type()) {
        case "ha-vpn" -> {
          double per = l.tunnelGbps() * l.ipsecEfficiency();
          double cap = l.tunnels() * per;
          assumptions.add(new Assumption("HA VPN capacity, Gbps", fmt(cap), l.tunnels() + " tunnels x "
              + plain(l.tunnelGbps()) + " Gbps x IPsec efficiency " + plain(l.ipsecEfficiency())
              + " (teams report losing up to about 80% of throughput to IPsec between sites)"));
          if (peakGbps > cap) {
            int tunnels = (int) Math.ceil(peakGbps / per);
            tunnels += tunnels % 2; // HA VPN tunnels come in pairs for the 99.99% SLA
            warnings.add("link too small: about " + fmt(peakGbps) + " Gbps must cross between the clouds at peak in "
                + when + " but " + l.tunnels() + " HA VPN tunnels carry about " + fmt(cap) + " Gbps (" + l.tunnels()
                + " x " + plain(l.tunnelGbps()) + " Gbps x IPsec efficiency " + plain(l.ipsecEfficiency()) + "); use "
                + tunnels + " tunnels (" + (tunnels + 1) / 2 + " AWS VPN connections, --set link.tunnels=" + tunnels
                + "), or " + need);
          }
        }
        case "none" -> {
          if (peakGbps > 0) {
            warnings.add("link type none: about " + fmt(peakGbps) + " Gbps at peak crosses between the clouds over the"
                + " public internet, unencrypted unless the applications use TLS");
          }
        }
        default -> {
          double cap = l.capacityGbps();
          assumptions.add(new Assumption(l.type() + " capacity, Gbps", plain(cap), source));
          if (peakGbps > cap) {
            warnings.add("link too small: about " + fmt(peakGbps) + " Gbps must cross between the clouds at peak in "
                + when + " but the " + l.type() + " carries " + plain(cap) + " Gbps; use " + need);
          }
        }
      }
    }

    private static String partner(double gbps) {
      for (double c : PARTNER_GBPS) {
        if (c >= gbps) {
          return c < 1 ? (int) Math.round(c * 1000) + " Mbps" : plain(c) + " Gbps";
        }
      }
      return "(above 50 Gbps: use Dedicated)";
    }

    private void overlap() {
      var n = sc.network();
      List<String[]> gke = List.of(new String[] {"GKE subnet", n.subnetCidr(), "network.subnetCidr"},
          new String[] {"GKE Pod range", n.gkePodCidr(), "network.gkePodCidr"},
          new String[] {"GKE Service range", n.gkeServiceCidr(), "network.gkeServiceCidr"});
      for (int i = 0; i < gke.size(); i++) {
        for (int j = i + 1; j < gke.size(); j++) {
          if (Cidr.parse(gke.get(i)[1]).overlaps(Cidr.parse(gke.get(j)[1]))) {
            warnings.add("BLOCKER: " + gke.get(i)[0] + " " + gke.get(i)[1] + " overlaps " + gke.get(j)[0] + " "
                + gke.get(j)[1] + "; choose disjoint ranges (--set " + gke.get(j)[2] + "=...)");
          }
        }
      }
      int checked = 0;
      for (Vpc v : model.assessment.snapshot().vpcs()) {
        for (String block : v.cidrBlocks()) {
          Cidr aws;
          try {
            aws = Cidr.parse(block);
          } catch (IllegalArgumentException e) {
            continue; // IPv6 or malformed blocks cannot clash with the IPv4 GKE ranges
          }
          checked++;
          for (String[] r : gke) {
            if (Cidr.parse(r[1]).overlaps(aws)) {
              warnings.add("BLOCKER: " + r[0] + " " + r[1] + " overlaps AWS VPC " + v.id() + " (" + v.region() + ") "
                  + block + ": the clouds cannot route to each other across the link; choose a range outside the"
                  + " VPCs (--set " + r[2] + "=...)");
            }
          }
        }
      }
      List<String> site = n.onPremises() != null ? n.onPremises() : model.onPremisesCidrs;
      for (String block : site) {
        Cidr onPrem;
        try {
          onPrem = Cidr.parse(block);
        } catch (IllegalArgumentException e) {
          continue; // checked where it was given; the dependency graph's reader accepted it
        }
        for (String[] r : gke) {
          if (Cidr.parse(r[1]).overlaps(onPrem)) {
            warnings.add("BLOCKER: " + r[0] + " " + r[1] + " overlaps the on-premises range " + block + ": the site"
                + " cannot route to Google Cloud; choose a range outside it (--set " + r[2] + "=...)");
          }
        }
      }
      assumptions.add(new Assumption("address ranges", "subnet " + n.subnetCidr() + ", Pods " + n.gkePodCidr()
          + ", Services " + n.gkeServiceCidr(), (checked == 0
          ? "not checked against AWS: the snapshot has no VPC CIDR blocks" : "checked against " + checked + " AWS VPC block(s)")
          + (site.isEmpty() ? "" : " and " + site.size() + " on-premises range(s)")));
    }

    private void describe(BigDecimal ratio, int commitFrom, BigDecimal linkMonthly, BigDecimal gcpEgress, YearMonth first,
        int lastMoveMonth) {
      var m = sc.migration();
      List<Assumption> head = new ArrayList<>();
      head.add(new Assumption("scenario", sc.name() + (sc.description().isEmpty() ? "" : ": " + sc.description()), sc.source()));
      head.add(new Assumption("timeline", first + ", " + months + " months", sc.start() == null
          ? "default: the month after the snapshot was collected" : source));
      head.add(new Assumption("migration", "first move in month " + m.startMonth() + ", last in month " + lastMoveMonth
          + (sc.waves().isEmpty() ? ", cumulative shares " + (sc.shares().isEmpty() ? "linear over " + m.lengthMonths() + " months" : sc.shares())
              : ", " + sc.waves().size() + " wave(s)"), source));
      head.add(new Assumption("double running, weeks (default per wave)", plain(m.doubleRunWeeks()), source));
      head.add(new Assumption("traffic growth per month, %", plain(sc.traffic().growthPerMonthPct()), source));
      if (sc.traffic().multiplier() != 1) {
        head.add(new Assumption("traffic multiplier", plain(sc.traffic().multiplier()) + " from month "
            + sc.traffic().multiplierFromMonth(), source));
      }
      if (!sc.traffic().gcpSharePct().isEmpty()) {
        head.add(new Assumption("traffic served from Google Cloud, % in each wave's first months",
            sc.traffic().gcpSharePct().toString(), source));
      }
      String term = sc.pricing().commitment();
      if (!"none".equals(term)) {
        var f = model.prices.cudFactor(term, "all").orElseThrow();
        head.add(new Assumption(term + " committed use on target compute", plain(sc.pricing().coveragePct())
            + "% of non-spot compute from month " + commitFrom + " (median factor " + f.value().toPlainString()
            + " of list; per series in the price table)", f.source() + ", " + f.asOf()));
      }
      if (sc.pricing().spotSharePct() > 0) {
        var f = model.prices.spotFactor("all").orElseThrow();
        head.add(new Assumption("Spot share of target compute, %", plain(sc.pricing().spotSharePct())
            + " (median factor " + f.value().toPlainString() + " of list)", f.source() + ", " + f.asOf()));
      }
      head.add(new Assumption("CDN cache hit ratio", sc.cacheHitRatio() != null ? plain(sc.cacheHitRatio())
          : "measured per distribution (default " + HybridModel.DEFAULT_CACHE_HIT_RATIO + " when not measured)",
          sc.cacheHitRatio() != null ? source : "usage"));
      head.add(new Assumption("target region", region, sc.targetRegion() != null ? source : "the plan"));
      head.add(new Assumption("rightsizing", sc.rightsizing().strategy()
          + ("headroom".equals(sc.rightsizing().strategy()) ? " +" + plain(sc.rightsizing().headroomPct()) + "% compute" : ""), source));
      head.add(new Assumption("one-off: copy buckets out of S3", sc.oneOff().dataTransfer() ? "priced at AWS data transfer out" : "not counted", source));
      if (sc.oneOff().personDays() > 0) {
        head.add(new Assumption("one-off: engineering", plain(sc.oneOff().personDays()) + " person-days x "
            + plain(sc.oneOff().dayRateUsd()) + " USD, spread over the migration months", source));
      }
      head.add(new Assumption("link", sc.link().type() + ("ha-vpn".equals(sc.link().type()) ? ", " + sc.link().tunnels() + " tunnels" : "")
          + (linkMonthly == null ? " (price missing)" : ", " + linkMonthly.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " USD/month while both clouds run"),
          source));
      assumptions.addAll(0, head);
    }

    private YearMonth startMonth() {
      if (sc.start() != null) {
        return sc.start();
      }
      return YearMonth.from(model.assessment.snapshot().collectedAt().atZone(ZoneOffset.UTC)).plusMonths(1);
    }
  }

  /** {@code amount} x part / whole, or zero when there is no whole to share. */
  static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 || amount.signum() == 0 ? BigDecimal.ZERO : amount.multiply(part, MC).divide(whole, MC);
  }

  static BigDecimal mul(BigDecimal a, BigDecimal f) {
    if (f.signum() == 0 || a.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (f.compareTo(BigDecimal.ONE) == 0) {
      return a;
    }
    return a.multiply(f, MC);
  }

  static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
