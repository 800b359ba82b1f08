package dev.migrate.cost;

import dev.migrate.inventory.Billing;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.Usage;
import dev.migrate.plan.ItemKind;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.plan.Unmapped;
import dev.migrate.pricing.Geography;
import dev.migrate.pricing.Price;
import dev.migrate.pricing.PriceKey;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Makes both sides cover the whole bill month, after the inventory pricers ran: every line of the last
 * complete bill month lands in a family of {@link BillFamilies} and is modelled, mapped or carried.
 *
 * <ul>
 *   <li>Traffic and addresses the inventory does not hold are priced on both sides from the bill's
 *       quantities ({@code fromBill}): internet egress beyond what was measured at load balancers and
 *       buckets, transfer between Availability Zones, public IPv4 addresses, NAT gateways.</li>
 *   <li>Mapped lines keep the bill's amount on AWS and are priced on Google Cloud from the book.</li>
 *   <li>Carried lines, and the cost of items the rules leave unmapped, are the same amount on both
 *       sides: without them today's AWS total would miss part of the bill, and an unmapped item would
 *       count as a 100% saving.</li>
 * </ul>
 */
final class BillPricer {
  static final String ITEM_PREFIX = "bill:";
  static final String KEY_PREFIX = "bill:";
  private static final String SHARED_APP = "(shared)";
  private static final String CARRIED_APP = "(carried)";

  private final Estate estate;
  private final MigrationPlan plan;
  private final CostOptions options;
  private final Ledger current;
  private final Ledger target;
  private final List<String> warnings;
  private final BillFamilies families;

  /** AWS service -> carried amount and reasons. */
  private final Map<String, BigDecimal> carriedUsd = new TreeMap<>();
  /** AWS service -> the part of its carried amount also carried to Google Cloud (all of it, unless said otherwise). */
  private final Map<String, BigDecimal> carriedGcpUsd = new TreeMap<>();
  private final Map<String, Set<String>> carriedWhy = new TreeMap<>();
  /** AWS service -> mapped amounts {aws, gcp}. */
  private final Map<String, BigDecimal[]> mappedUsd = new TreeMap<>();
  private final List<BillCoverage.Line> lines = new ArrayList<>();
  private Billing.Month month;

  BillPricer(Estate estate, MigrationPlan plan, CostOptions options, Ledger current,
      Ledger target, List<String> warnings, BillFamilies families) {
    this.estate = estate;
    this.plan = plan;
    this.options = options;
    this.current = current;
    this.target = target;
    this.warnings = warnings;
    this.families = families;
  }

  /** The last complete (not estimated) month of a bill, or null. */
  static Billing.Month lastComplete(Billing billing) {
    Billing.Month found = null;
    for (Billing.Month m : billing.months()) {
      if (!m.estimated() && (found == null || m.month().isAfter(found.month()))) {
        found = m;
      }
    }
    return found;
  }

  /** Adds the lines; returns the coverage of the CURRENT side. */
  BillCoverage price() {
    month = lastComplete(estate.snapshot.billing());
    // Before unmapped(): the lines it adds to instances no rule maps are carried like their other lines.
    fromInventory();
    unmapped();
    String basis;
    if (month == null) {
      basis = BillCoverage.NO_BILL;
      warnings.add("no complete bill month in the snapshot: AWS today is the modelled estate only; services the model "
          + "does not price (monitoring, logs, database backups, ...) are not in either total");
    } else if (!month.usageLines().isEmpty()) {
      basis = BillCoverage.BY_USAGE_TYPE;
      byUsageType();
    } else {
      basis = BillCoverage.BY_SERVICE;
      byService();
    }
    if (!unpricedCarried.isEmpty()) {
      List<String> named = new ArrayList<>();
      unpricedCarried.forEach((what, usd) -> named.add(what + " " + BillCoverage.usd(usd)));
      warnings.add("AWS today carries the " + month.month() + " bill's amounts of machines the model could not price "
          + "(no price in the book for their class, Spot or dedicated tenancy), by usage type: " + String.join(", ", named));
    }
    BigDecimal carried = carriedUsd.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal mapped = mappedUsd.values().stream().map(v -> v[0]).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal total = current.lines().stream().map(CostLine::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    List<BillCoverage.Part> carriedParts = new ArrayList<>();
    carriedUsd.forEach((s, usd) -> carriedParts.add(new BillCoverage.Part(s, usd,
        carriedGcpUsd.getOrDefault(s, BigDecimal.ZERO), String.join("; ", carriedWhy.get(s)))));
    carriedParts.sort(Comparator.comparing((BillCoverage.Part p) -> p.awsUsd().abs()).reversed()
        .thenComparing(BillCoverage.Part::service));
    List<BillCoverage.Part> mappedParts = new ArrayList<>();
    mappedUsd.forEach((s, v) -> mappedParts.add(new BillCoverage.Part(s, v[0], v[1], "mapped")));
    mappedParts.sort(Comparator.comparing((BillCoverage.Part p) -> p.awsUsd().abs()).reversed()
        .thenComparing(BillCoverage.Part::service));
    BigDecimal billUsd = month == null ? null : billTotal(month);
    if (month != null && !carriedParts.isEmpty()) {
      List<String> named = carriedParts.stream().limit(5).map(p -> p.service() + " " + BillCoverage.usd(p.awsUsd())).toList();
      warnings.add("carried at their AWS cost on both sides (no model; an assumption, not a saving): "
          + String.join(", ", named) + (carriedParts.size() > 5 ? " and " + (carriedParts.size() - 5) + " more" : ""));
    }
    return new BillCoverage(month == null ? null : month.month(), basis, billUsd, total.subtract(carried).subtract(mapped),
        mapped, carried, carriedParts, mappedParts, lines);
  }

  static BigDecimal billTotal(Billing.Month m) {
    if (!m.services().isEmpty()) {
      return m.totalUsd();
    }
    return m.usageLines().stream().map(Billing.UsageLine::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  // ------------------------------------------------------------------ unmapped items

  /**
   * An item no rule maps keeps its AWS cost; without a Google Cloud cost it would count as saved. Its
   * CURRENT lines are carried to TARGET at the same amounts.
   */
  private void unmapped() {
    Set<String> ids = new HashSet<>();
    for (Unmapped u : plan.unmapped()) {
      ids.add(u.itemId());
    }
    if (ids.isEmpty()) {
      return;
    }
    // When the rules map nothing at all, nothing moves: the lines of no item (reserved-instance and savings-plan
    // fees) stay as they are too, so the saving is zero rather than the commitments' fees.
    boolean nothingMoves = plan.mappings().isEmpty();
    Map<String, Integer> items = new TreeMap<>();
    for (CostLine l : List.copyOf(current.lines())) {
      if (!ids.contains(l.itemId()) && !nothingMoves) {
        continue;
      }
      // Traffic lines keep their driver (they scale with traffic on both sides alike); the rest is a fixed amount.
      target.add(new Ledger.Item(l.itemId(), l.itemName(), l.app()), l.service() + " (carried)",
          l.driver().traffic() ? l.driver() : CostLine.Driver.FIXED, l.component() + " (no mapping: carried at its AWS cost)", l.quantity(), l.unit(), l.priceKey(),
          l.unitPriceUsd(), l.priceSource(), l.priceAsOf(), l.monthlyUsd());
      carriedUsd.merge(l.service(), l.monthlyUsd(), BigDecimal::add);
      carriedGcpUsd.merge(l.service(), l.monthlyUsd(), BigDecimal::add);
      items.merge(l.service(), 1, Integer::sum);
    }
    items.forEach((s, n) -> carriedWhy.computeIfAbsent(s, x -> new java.util.TreeSet<>())
        .add("the rules map no Google Cloud target for some of its items"));
  }

  // ------------------------------------------------------------------ instances with a public IPv4 address

  /**
   * What the bill would say, when it does not, from the inventory: running instances with a public IPv4 address.
   *
   * <ul>
   *   <li>Internet egress, when the bill month has no data-transfer-out usage type with a quantity (no bill, a bill
   *       by service only, or none billed): the instance's CloudWatch NetworkOut, all of it counted as internet
   *       egress (an upper bound: part of it may go to other instances, zones or AWS services). Instances behind a
   *       load balancer are left out: the balancer's bytes out are priced at the balancer.</li>
   *   <li>The address itself (730 h in use on both sides), only without a complete bill month: a bill by usage type
   *       has its own public IPv4 lines, and a bill by service carries the VPC amount that holds them.</li>
   * </ul>
   */
  private void fromInventory() {
    boolean billEgress = month != null && month.usageLines().stream().anyMatch(l -> l.quantity() != null
        && families.ofBillLine(l.service(), l.usageType()).map(f -> "internet-egress".equals(f.fromBill())).orElse(false));
    boolean billAddresses = month != null;
    if (billEgress && billAddresses) {
      return;
    }
    Set<String> unmapped = new HashSet<>();
    plan.unmapped().forEach(u -> unmapped.add(u.itemId()));
    for (Ec2Instance i : estate.snapshot.instances()) {
      if (!i.running() || i.publicIp() == null || i.publicIp().isBlank()) {
        continue;
      }
      Ledger.Item item = new Ledger.Item(i.id(), i.name(), estate.appOf(ItemKind.EC2_INSTANCE, i.id()));
      // An instance no rule maps gets no Google Cloud line here: unmapped() carries its AWS lines instead.
      boolean mapped = !unmapped.contains(i.id()) && !plan.mappings().isEmpty();
      String gcpRegion = gcpRegion(i.region());
      if (!billAddresses) {
        current.flat(item, Services.VPC, CostLine.Driver.FIXED, "public IPv4 address in use (" + i.publicIp().strip()
            + " in the inventory; no bill month)", estate.hoursPerMonth, PriceKey.aws("vpc", "public-ipv4-in-use", i.region()));
        if (mapped) {
          target.flat(item, Services.EXTERNAL_IP, CostLine.Driver.FIXED, "external IPv4 address in use on a VM (for the "
              + "instance's public IPv4 address)", estate.hoursPerMonth, PriceKey.gcp("network", "ip-vm", gcpRegion));
        }
      }
      Usage u = estate.usageOf(i.id()).orElse(null);
      if (billEgress || u == null || u.networkOutGib() == null || estate.topology.instanceBehindLoadBalancer(i.id())) {
        continue;
      }
      BigDecimal gb = estate.monthly(u.networkOutGib());
      String why = "assumed: all CloudWatch NetworkOut of an instance with a public IPv4 address, an upper bound; the "
          + (month == null ? "snapshot has no bill month" : "bill has no data-transfer-out usage type");
      String pool = "aws-internet-out:" + i.region();
      current.traffic(item, Services.DATA_TRANSFER, CostLine.Driver.TRAFFIC, "data transfer out to the internet (" + why + ")",
          gb, options.awsFreeTier() ? PriceKey.aws("data-transfer", "free-internet-out", "global") : null,
          "data transfer out to the internet, free allowance", PriceKey.aws("data-transfer", "internet-out", i.region()), pool);
      if (mapped) {
        String dest = target.book().geographies().ofRegion(gcpRegion).map(Geography::gcpEgressDest)
            .orElse("worldwide_ex_china_australia");
        target.traffic(item, Services.NETWORKING, CostLine.Driver.TRAFFIC, "internet egress, Premium Tier (" + dest + "; "
            + why + ")", gb, null, null, PriceKey.gcp("network", "internet-egress-premium:" + dest, gcpRegion),
            "gcp-egress:" + gcpRegion + ":" + dest);
      }
    }
  }

  // ------------------------------------------------------------------ bills with services only

  private void byService() {
    Map<String, BigDecimal> modelled = new TreeMap<>();
    for (CostLine l : current.lines()) {
      modelled.merge(l.service(), l.monthlyUsd(), BigDecimal::add);
    }
    for (Billing.ServiceCost s : month.services()) {
      var rule = families.ofService(s.service()).orElse(null);
      boolean covered = rule != null && rule.model().stream().anyMatch(modelled::containsKey);
      if (covered) {
        lines.add(new BillCoverage.Line(s.service(), null, null, s.amountUsd(), null, null, null, BillFamilies.MODELLED));
      } else {
        carry(s.service(), null, s.amountUsd(), rule == null ? "no model" : "billed, but the model found nothing to price");
        lines.add(new BillCoverage.Line(s.service(), null, null, s.amountUsd(), null, null, null, BillFamilies.CARRIED));
      }
    }
  }

  // ------------------------------------------------------------------ bills by usage type

  /** A bill line and the family it matched (null: none). */
  private record Matched(Billing.UsageLine line, BillFamilies.Family family) {}

  private void byUsageType() {
    List<Matched> matched = new ArrayList<>();
    Map<String, List<Matched>> fromBill = new LinkedHashMap<>();
    for (Billing.UsageLine l : month.usageLines()) {
      BillFamilies.Family f = families.ofBillLine(l.service(), l.usageType()).orElse(null);
      Matched m = new Matched(l, f);
      matched.add(m);
      if (f != null && f.fromBill() != null) {
        fromBill.computeIfAbsent(f.fromBill(), k -> new ArrayList<>()).add(m);
      }
    }
    // Priced from the bill's quantities first, so that the families they create have model lines.
    Set<Billing.UsageLine> unpriced = new HashSet<>();
    fromBill.forEach((kind, list) -> unpriced.addAll(fromBill(kind, list)));
    Set<String> modelledFamilies = new HashSet<>();
    CostLine last = null;
    for (CostLine c : current.lines()) {
      // A line with the service and key texts of the one before has its family: looked up once per run of them.
      if (last != null && c.service() == last.service() && c.priceKey() == last.priceKey()) {
        continue;
      }
      last = c;
      if (c.priceKey() == null || !c.priceKey().startsWith(KEY_PREFIX)) {
        families.ofCostLine(c).ifPresent(f -> modelledFamilies.add(f.id()));
      }
    }
    Unpriced machines = Unpriced.of(current, plan);
    for (Matched m : matched) {
      Billing.UsageLine l = m.line();
      BillFamilies.Family f = m.family();
      String coverage;
      if (f == null) {
        coverage = carry(l, "no model");
      } else if (BillFamilies.CARRIED.equals(f.coverage())) {
        coverage = carry(l, f.name() + ": no model");
      } else if (BillFamilies.MAPPED.equals(f.coverage())) {
        coverage = mapped(l, f);
      } else if (unpriced.contains(l)) {
        coverage = carry(l, f.name() + ": the bill line has no usable quantity");
      } else if (f.fromBill() == null && machines.covers(l)) {
        coverage = carryUnpriced(l, f, machines);
      } else if (!modelledFamilies.contains(f.id()) && l.amountUsd().signum() != 0) {
        coverage = carry(l, f.name() + ": billed, but the model found nothing to price");
      } else {
        coverage = BillFamilies.MODELLED;
      }
      lines.add(new BillCoverage.Line(l.service(), l.usageType(), l.region(), l.amountUsd(), l.quantity(), l.unit(),
          f == null ? null : f.id(), coverage));
    }
    // A service whose usage-type lines do not add up to its bill amount (lines not collected for it, or another
    // source): the difference is carried, so that the whole bill month still lands somewhere.
    Map<String, BigDecimal> byService = new TreeMap<>();
    month.usageLines().forEach(l -> byService.merge(l.service(), l.amountUsd(), BigDecimal::add));
    for (Billing.ServiceCost s : month.services()) {
      BigDecimal rest = s.amountUsd().subtract(byService.getOrDefault(s.service(), BigDecimal.ZERO));
      if (rest.abs().compareTo(CENT) >= 0) {
        carry(s.service(), "amount without usage-type lines", rest, "billed by service without usage-type lines");
        lines.add(new BillCoverage.Line(s.service(), null, null, rest, null, null, null, BillFamilies.CARRIED));
      }
    }
  }

  private static final BigDecimal CENT = new BigDecimal("0.01");

  // ------------------------------------------------------------------ carried and mapped

  private String carry(Billing.UsageLine l, String why) {
    carry(l.service(), l.usageType(), l.amountUsd(), why, true);
    return BillFamilies.CARRIED;
  }

  /** One carried line per AWS service and side: the sum of its carried bill lines. */
  private void carry(String service, String usageType, BigDecimal amount, String why) {
    carry(service, usageType, amount, why, true);
  }

  /**
   * The bill line of machines the model could not price on AWS (a class the price book does not have, Spot,
   * dedicated tenancy): its amount is carried into AWS today, so that the machines do not drop out of it. On
   * Google Cloud it is carried too when none of them is mapped; a mapped machine is priced there by the plan (or
   * its price is reported missing), so the bill's amount stays on the AWS side only.
   */
  private String carryUnpriced(Billing.UsageLine l, BillFamilies.Family f, Unpriced machines) {
    Unpriced.Machines m = machines.of(l);
    boolean anyMapped = !m.mapped().isEmpty();
    String why = f.name() + ": the model could not price " + m.machineClass() + " in " + m.region() + " ("
        + m.items().size() + " item(s): " + String.join(", ", m.items().stream().limit(3).toList())
        + (m.items().size() > 3 ? ", ..." : "") + "); carried from the bill"
        + (anyMapped ? " on the AWS side (the mapped items are priced on Google Cloud by the plan)" : "");
    carry(l.service(), l.usageType(), l.amountUsd(), why, !anyMapped);
    unpricedCarried.merge(m.machineClass() + " in " + m.region(), l.amountUsd(), BigDecimal::add);
    return BillFamilies.CARRIED;
  }

  /** Machine class and region -> the bill amount carried for it because the model could not price it. */
  private final Map<String, BigDecimal> unpricedCarried = new TreeMap<>();

  private void carry(String service, String usageType, BigDecimal amount, String why, boolean targetToo) {
    carriedUsd.merge(service, amount, BigDecimal::add);
    if (targetToo) {
      carriedGcpUsd.merge(service, amount, BigDecimal::add);
    }
    carriedWhy.computeIfAbsent(service, x -> new java.util.TreeSet<>()).add(why);
    String itemId = ITEM_PREFIX + service;
    String key = KEY_PREFIX + month.month() + "/" + service;
    String source = billSource();
    LocalDate asOf = month.month().atEndOfMonth();
    // Lines are added per bill line (quantity 1 bill line x its amount), so every line stays quantity x price.
    String what = usageType == null ? "the whole service" : usageType;
    current.add(new Ledger.Item(itemId, service, CARRIED_APP), service, CostLine.Driver.CARRIED, "carried from the " + month.month() + " bill ("
        + what + ")", BigDecimal.ONE, "bill line", key, amount, source, asOf, amount);
    if (!targetToo) {
      return;
    }
    target.add(new Ledger.Item(itemId, service, CARRIED_APP), service + " (carried)", CostLine.Driver.CARRIED, "carried at its AWS cost from the "
        + month.month() + " bill (" + what + ", no model)", BigDecimal.ONE, "bill line", key, amount, source, asOf, amount);
  }

  private String billSource() {
    String src = estate.snapshot.billing().source();
    return "AWS bill " + month.month() + (src == null ? "" : " (" + src + ")");
  }

  /**
   * A mapped line: the bill's amount on AWS, the bill's quantity x the family's factor priced from the book on
   * Google Cloud. Carried instead when the line has no quantity or the book has no price.
   */
  private String mapped(Billing.UsageLine l, BillFamilies.Family f) {
    BillFamilies.Target t = f.target();
    if (l.quantity() == null) {
      return carry(l, f.name() + ": the bill line has no quantity");
    }
    if (!t.fits(l.unit())) {
      return carry(l, f.name() + ": the bill line's unit " + l.unit() + " is not " + String.join(" or ", t.units()));
    }
    String gcpRegion = gcpRegion(l.region());
    PriceKey key = PriceKey.parse(t.priceKey().replace("{region}", gcpRegion));
    Price p = target.book().find(key).orElse(null);
    if (p == null) {
      return carry(l, f.name() + ": the price book has no " + key);
    }
    String itemId = ITEM_PREFIX + l.service();
    Ledger.Item item = new Ledger.Item(itemId, l.service(), SHARED_APP);
    current.add(item, l.service(), CostLine.Driver.FIXED, l.usageType() + " (bill amount, mapped to " + t.service() + ")",
        BigDecimal.ONE, "bill line", KEY_PREFIX + month.month() + "/" + l.service() + "/" + l.usageType(),
        l.amountUsd(), billSource(), month.month().atEndOfMonth(), l.amountUsd());
    BigDecimal q = l.quantity().multiply(t.quantityFactor());
    BigDecimal gcp = t.pool() == null ? target.flat(item, t.service(), CostLine.Driver.FIXED, t.component(), q, key)
        : target.tiered(item, t.service(), CostLine.Driver.FIXED, t.component(), q, key, t.pool());
    BigDecimal[] acc = mappedUsd.computeIfAbsent(l.service(), s -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    acc[0] = acc[0].add(l.amountUsd());
    acc[1] = acc[1].add(gcp == null ? BigDecimal.ZERO : gcp);
    return BillFamilies.MAPPED;
  }

  /** The Google Cloud region the plan maps an AWS region to (the home region's for global lines). */
  private String gcpRegion(String awsRegion) {
    String r = awsRegion == null ? null : plan.regionMap().get(awsRegion);
    if (r == null) {
      r = plan.regionMap().get(estate.homeRegion());
    }
    return r == null ? "global" : r;
  }

  private String awsRegion(Billing.UsageLine l) {
    return l.region() == null ? estate.homeRegion() : l.region();
  }

  // ------------------------------------------------------------------ priced from the bill's quantities

  /** The quantity and amount of the bill lines of one part of a family in one region. */
  private static final class Billed {
    BigDecimal quantity = BigDecimal.ZERO;
    BigDecimal amountUsd = BigDecimal.ZERO;
  }

  /** Prices one fromBill kind; returns the bill lines it could not price (no quantity or an unexpected unit). */
  private Set<Billing.UsageLine> fromBill(String kind, List<Matched> list) {
    Set<Billing.UsageLine> unpriced = new HashSet<>();
    // region -> part of the family -> quantity and amount
    Map<String, Map<String, Billed>> q = new TreeMap<>();
    for (Matched m : list) {
      Billing.UsageLine l = m.line();
      String sub = subKind(kind, l.usageType());
      if (l.quantity() == null || !unitFits(sub, l.unit())) {
        unpriced.add(l);
        continue;
      }
      Billed b = q.computeIfAbsent(awsRegion(l), r -> new TreeMap<>()).computeIfAbsent(sub, x -> new Billed());
      b.quantity = b.quantity.add(l.quantity());
      b.amountUsd = b.amountUsd.add(l.amountUsd());
    }
    q.forEach((region, byKind) -> byKind.forEach((sub, billed) -> priceFromBill(sub, region, billed)));
    return unpriced;
  }

  /** Which part of a family a usage type is: hours or bytes of a NAT gateway, in-use or idle addresses. */
  private static String subKind(String kind, String usageType) {
    return switch (kind) {
      case "nat-gateway" -> usageType.endsWith("Hours") ? "nat-hours" : "nat-bytes";
      case "public-ipv4" -> usageType.endsWith("IdleAddress") ? "ipv4-idle" : "ipv4-in-use";
      default -> kind;
    };
  }

  private static boolean unitFits(String sub, String unit) {
    if (unit == null) {
      return true;
    }
    String u = unit.toLowerCase(Locale.ROOT);
    return switch (sub) {
      case "nat-hours", "ipv4-idle", "ipv4-in-use" -> u.startsWith("hr") || u.startsWith("hour");
      default -> u.equals("gb") || u.equals("gib");
    };
  }

  /**
   * The AWS side of a line priced from the bill's quantity: quantity x the book's price; where the book has no
   * price for the region, quantity x the bill's own rate (its amount / its quantity), said so in the line.
   */
  private void awsFromBill(Ledger.Item item, String service, CostLine.Driver driver, String component, BigDecimal quantity, String unit,
      PriceKey key, Billed billed) {
    if (current.book().find(key).isPresent() || billed.quantity.signum() == 0) {
      current.flat(item, service, driver, component, quantity, key);
      return;
    }
    BigDecimal rate = billed.amountUsd.divide(billed.quantity, 12, RoundingMode.HALF_EVEN);
    current.add(item, service, driver, component + " at the bill's rate (the price book has no " + key + ")", quantity, unit,
        key.toString(), rate, billSource(), month.month().atEndOfMonth(), quantity.multiply(rate));
  }

  private void priceFromBill(String sub, String region, Billed billedLines) {
    BigDecimal billed = billedLines.quantity;
    String gcpRegion = gcpRegion(region);
    String m = month.month().toString();
    String qty = plain(billed);
    switch (sub) {
      case "internet-egress" -> internetEgress(region, gcpRegion, billed);
      case "inter-az" -> {
        BigDecimal gb = billed;
        Ledger.Item item = new Ledger.Item(ITEM_PREFIX + "inter-az:" + region, "transfer between zones in " + region, SHARED_APP);
        awsFromBill(item, Services.DATA_TRANSFER, CostLine.Driver.TRAFFIC, "data transfer between Availability Zones (bill " + m + ": " + qty
            + " GB, out and in)", gb, "GB", PriceKey.aws("data-transfer", "inter-az", region), billedLines);
        // AWS bills each GB that crosses zones twice (out of one zone and into the other); Google Cloud bills the
        // sending side only: the same traffic is half the bill's quantity.
        BigDecimal half = gb.divide(BigDecimal.valueOf(2), Estate.QUANTITY_SCALE, RoundingMode.HALF_EVEN);
        target.flat(item, Services.INTER_ZONE, CostLine.Driver.TRAFFIC, "data transfer between zones (half the AWS quantity: Google Cloud bills "
            + "the sending side only)", half, PriceKey.gcp("network", "inter-zone", gcpRegion));
      }
      case "ipv4-in-use", "ipv4-idle" -> {
        boolean idle = sub.equals("ipv4-idle");
        Ledger.Item item = new Ledger.Item(ITEM_PREFIX + "public-ipv4:" + region, "public IPv4 addresses in " + region, SHARED_APP);
        awsFromBill(item, Services.VPC, CostLine.Driver.FIXED, "public IPv4 addresses " + (idle ? "idle" : "in use") + " (bill " + m + ": "
            + qty + " h)", billed, "hour", PriceKey.aws("vpc", idle ? "public-ipv4-idle" : "public-ipv4-in-use", region),
            billedLines);
        target.flat(item, Services.EXTERNAL_IP, CostLine.Driver.FIXED, idle ? "static external IPv4 addresses reserved, not in use"
            : "external IPv4 addresses in use on VMs (one per AWS public IPv4 address)", billed,
            PriceKey.gcp("network", idle ? "ip-unused" : "ip-vm", gcpRegion));
      }
      case "nat-hours" -> {
        Ledger.Item item = new Ledger.Item(ITEM_PREFIX + "nat:" + region, "NAT gateways in " + region, SHARED_APP);
        awsFromBill(item, Services.VPC, CostLine.Driver.FIXED, "NAT gateway hours (bill " + m + ": " + qty + " h)", billed, "hour",
            PriceKey.aws("vpc", "nat-gateway", region), billedLines);
        target.flat(item, Services.CLOUD_NAT, CostLine.Driver.FIXED, "Cloud NAT gateway hours (one gateway per AWS NAT gateway)", billed,
            PriceKey.gcp("network", "nat-gateway", gcpRegion));
      }
      case "nat-bytes" -> {
        BigDecimal gb = billed;
        Ledger.Item item = new Ledger.Item(ITEM_PREFIX + "nat:" + region, "NAT gateways in " + region, SHARED_APP);
        awsFromBill(item, Services.VPC, CostLine.Driver.TRAFFIC, "NAT gateway data processed (bill " + m + ": " + qty + " GB)", gb, "GB",
            PriceKey.aws("vpc", "nat-data", region), billedLines);
        target.flat(item, Services.CLOUD_NAT, CostLine.Driver.TRAFFIC, "Cloud NAT data processed", gb, PriceKey.gcp("network", "nat-data", gcpRegion));
      }
      default -> throw new IllegalStateException("unknown bill pricing " + sub);
    }
  }

  /**
   * Internet egress of a region: the bill's quantity is the whole of it (instances, NAT, load balancers,
   * buckets). What the load balancers and buckets already priced (measured) stays on their items; the rest
   * is one line per region on both sides, drawing on the same allowance and volume tiers.
   */
  private void internetEgress(String region, String gcpRegion, BigDecimal billed) {
    BigDecimal measured = BigDecimal.ZERO;
    String pool = "aws-internet-out:" + region;
    for (TrafficCurve.Demand d : current.demands()) {
      if (pool.equals(d.pool())) {
        measured = measured.add(d.quantity());
      }
    }
    BigDecimal gb = billed;
    BigDecimal rest = gb.subtract(measured);
    String m = month.month().toString();
    if (rest.signum() <= 0) {
      if (rest.signum() < 0) {
        warnings.add("internet egress from " + region + ": the " + m + " bill has " + plain(billed) + " GB, less than the "
            + plain(measured) + " GB measured at load balancers and buckets; the measured figure is kept");
      }
      return;
    }
    Ledger.Item item = new Ledger.Item(ITEM_PREFIX + "internet-egress:" + region, "internet egress from " + region,
        SHARED_APP);
    String component = "data transfer out to the internet not measured at a load balancer or bucket (bill " + m + ": "
        + plain(billed) + " GB from " + region + ", measured " + plain(measured) + " GB)";
    current.traffic(item, Services.DATA_TRANSFER, CostLine.Driver.TRAFFIC, component, rest,
        options.awsFreeTier() ? PriceKey.aws("data-transfer", "free-internet-out", "global") : null,
        "data transfer out to the internet, free allowance", PriceKey.aws("data-transfer", "internet-out", region), pool);
    String dest = target.book().geographies().ofRegion(gcpRegion).map(Geography::gcpEgressDest)
        .orElse("worldwide_ex_china_australia");
    target.traffic(item, Services.NETWORKING, CostLine.Driver.TRAFFIC, "internet egress, Premium Tier (" + dest + "; the bill's egress not "
        + "measured at a load balancer or bucket)", rest, null, null,
        PriceKey.gcp("network", "internet-egress-premium:" + dest, gcpRegion), "gcp-egress:" + gcpRegion + ":" + dest);
  }

  private static String plain(BigDecimal v) {
    return v.setScale(Math.min(Math.max(v.scale(), 0), 3), RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  // ------------------------------------------------------------------ machines the model could not price

  /**
   * The machine classes (EC2 instance types, RDS and Aurora DB instance classes, ElastiCache node types) whose hours
   * the model could not price on AWS in a region (a missing price whose key names the class), and that it priced for
   * no item of that region. A bill line whose usage type ends in such a class (BoxUsage:x9.huge,
   * InstanceUsage:db.q9.large, NodeUsage:cache.z9.large, SpotUsage:m5.large) holds their hours; reserved-instance
   * fees (HeavyUsage) are the commitments' and stay modelled.
   */
  private static final class Unpriced {
    /** The unpriced items of one class in one region, and those of them a rule maps to Google Cloud. */
    record Machines(String machineClass, String region, List<String> items, Set<String> mapped) {}

    private final Map<String, Machines> byClass = new TreeMap<>();

    static Unpriced of(Ledger current, MigrationPlan plan) {
      Set<String> priced = new HashSet<>();
      // Every machine line of a class in a region names the same key and machine: each pair is parsed once (an
      // estate has a few hundred pairs and hundreds of thousands of machine lines).
      Map<String, Set<String>> seen = new java.util.HashMap<>();
      CostLine last = null;
      for (CostLine c : current.lines()) {
        if (c.machineType() == null || c.priceKey() == null) {
          continue;
        }
        // Lines of one class come one after the other and share their texts: the pair just seen is skipped at once.
        boolean again = last != null && last.priceKey() == c.priceKey() && last.machineType() == c.machineType();
        last = c;
        if (again || !seen.computeIfAbsent(c.priceKey(), x -> new HashSet<>()).add(c.machineType())) {
          continue;
        }
        PriceKey k = awsKey(c.priceKey());
        if (k != null) {
          priced.add(key(k.region(), c.machineType(), kind(k.sku())));
        }
      }
      Set<String> mapped = new HashSet<>();
      plan.mappings().forEach(m -> mapped.add(m.itemId()));
      Unpriced u = new Unpriced();
      Map<String, java.util.TreeSet<String>> items = new TreeMap<>();
      for (MissingPrice m : current.missing()) {
        PriceKey k = awsKey(m.priceKey());
        if (k == null) {
          continue;
        }
        for (String token : k.sku().split(":")) {
          if (token.indexOf('.') > 0 && !priced.contains(key(k.region(), token, kind(k.sku())))) {
            items.computeIfAbsent(key(k.region(), token, kind(k.sku())), x -> new java.util.TreeSet<>()).add(m.itemId());
          }
        }
      }
      items.forEach((key, ids) -> {
        String[] p = key.split("\u0000", 3);
        Set<String> mappedIds = new java.util.TreeSet<>();
        ids.forEach(id -> {
          if (mapped.contains(id)) {
            mappedIds.add(id);
          }
        });
        u.byClass.put(key, new Machines(p[1], p[0], List.copyOf(ids), mappedIds));
      });
      return u;
    }

    /** A price book key of the AWS side, or null (commitments and bill lines have keys of their own). */
    private static PriceKey awsKey(String text) {
      if (text == null || !text.startsWith("aws/") || text.chars().filter(ch -> ch == '/').count() != 3) {
        return null;
      }
      return PriceKey.parse(text);
    }

    /** How the machine was bought, as a price key's sku says it (a lifecycle or tenancy part): spot, dedicated, on demand. */
    private static String kind(String sku) {
      List<String> parts = List.of(sku.toLowerCase(Locale.ROOT).split(":"));
      if (parts.contains("spot")) {
        return "spot";
      }
      return parts.contains("dedicated") || parts.contains("host") ? "dedicated" : "on-demand";
    }

    /** The same for a usage type: SpotUsage:..., DedicatedUsage:..., HostUsage:... (EC2's usage type names). */
    private static String usageKind(String usageType) {
      if (usageType.contains("SpotUsage")) {
        return "spot";
      }
      return usageType.contains("DedicatedUsage") || usageType.contains("HostUsage") ? "dedicated" : "on-demand";
    }

    private static String key(String region, String machineClass, String kind) {
      return region + "\u0000" + machineClass + "\u0000" + kind;
    }

    /** True when the bill line is the hours of a class the model could not price in its region. */
    boolean covers(Billing.UsageLine l) {
      return of(l) != null;
    }

    Machines of(Billing.UsageLine l) {
      if (byClass.isEmpty() || l.region() == null || l.usageType().contains("HeavyUsage")) {
        return null;
      }
      int colon = l.usageType().lastIndexOf(':');
      if (colon < 0) {
        return null;
      }
      return byClass.get(key(l.region(), l.usageType().substring(colon + 1), usageKind(l.usageType())));
    }
  }
}
