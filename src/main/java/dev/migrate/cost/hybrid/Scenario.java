package dev.migrate.cost.hybrid;

import java.time.YearMonth;
import java.util.List;

/**
 * One what-if: when and in which order the estate moves, how traffic and prices evolve, what the
 * move costs once, and the link between the clouds. Read and validated by {@link ScenarioReader};
 * the format is documented in {@code sample-data/scenarios/README.md}. Month numbers are indexes
 * into the timeline: month 0 is the first month shown (today's bill, before anything moves).
 *
 * @param name            short name used in tables and the workbook
 * @param description     one sentence for people, or ""
 * @param source          file the scenario came from (for messages)
 * @param start           calendar month of month 0, or null for the month after the snapshot was collected
 * @param months          months shown (2..120)
 * @param migration       when the migration starts, how long it lasts, default double running
 * @param waves           what moves when (empty when {@code shares} drives the move)
 * @param shares          cumulative share of the estate moved per migration month (0..1), or empty
 * @param traffic         growth and the share of traffic served from Google Cloud
 * @param pricing         commitments and spot on the target compute
 * @param cacheHitRatio   CDN cache hit ratio (0..1) for origin fetches across the clouds, or null for measured
 * @param targetRegion    Google Cloud region, or null for the plan's region
 * @param rightsizing     as-planned or headroom
 * @param oneOff          data transfer, engineering effort, other one-off costs
 * @param link            HA VPN or Interconnect between the clouds
 * @param network         planned Google Cloud address ranges (checked against the AWS VPCs)
 */
public record Scenario(
    String name,
    String description,
    String source,
    YearMonth start,
    int months,
    Migration migration,
    List<Wave> waves,
    List<Double> shares,
    Traffic traffic,
    Pricing pricing,
    Double cacheHitRatio,
    String targetRegion,
    Rightsizing rightsizing,
    OneOff oneOff,
    Link link,
    Network network) {
  public Scenario {
    waves = List.copyOf(waves);
    shares = List.copyOf(shares);
  }

  /**
   * @param startMonth      month index of the first move (at least 1, so month 0 is today's bill)
   * @param lengthMonths    months over which the estate moves (waves' months are below it)
   * @param doubleRunWeeks  weeks AWS keeps running after a wave moves, unless the wave says otherwise
   */
  public record Migration(int startMonth, int lengthMonths, double doubleRunWeeks) {}

  /**
   * @param name            wave name
   * @param month           months after {@code migration.startMonth}
   * @param select          which items move
   * @param doubleRunWeeks  weeks of double running for this wave, or null for the default
   * @param where           file:line:col of the wave, for messages
   */
  public record Wave(String name, int month, Selector select, Double doubleRunWeeks, dev.migrate.io.Position where) {}

  /**
   * Which move units a wave takes (a unit is an item with everything folded into it: an auto
   * scaling group with its instances and their volumes). A unit matches when any list matches;
   * {@code rest} takes everything earlier waves did not.
   *
   * @param items          item ids (instance, group, load balancer, distribution, bucket)
   * @param apps           application tag values
   * @param roles          values of the {@code role} tag
   * @param tiers          edge, lb, web, cache, db, batch, storage, other
   * @param targetKinds    plan target types: gke-workload, compute-engine, cloud-cdn, ...
   * @param workloadKinds  GKE workload kinds: Deployment, StatefulSet, CronJob, DaemonSet
   * @param rest           everything not taken by an earlier wave
   */
  public record Selector(
      List<String> items,
      List<String> apps,
      List<String> roles,
      List<String> tiers,
      List<String> targetKinds,
      List<String> workloadKinds,
      boolean rest) {
    public Selector {
      items = List.copyOf(items);
      apps = List.copyOf(apps);
      roles = List.copyOf(roles);
      tiers = List.copyOf(tiers);
      targetKinds = List.copyOf(targetKinds);
      workloadKinds = List.copyOf(workloadKinds);
    }
  }

  /**
   * @param growthPerMonthPct    compound traffic growth per month, percent
   * @param multiplier           a step change of traffic (2 = doubled) ...
   * @param multiplierFromMonth  ... from this month on
   * @param gcpSharePct          share of a wave's traffic served from Google Cloud, percent, in the
   *                             wave's first, second, ... month (100 after the list ends; AWS keeps
   *                             running and serving the rest meanwhile); empty = all traffic moves
   *                             with the wave
   */
  public record Traffic(double growthPerMonthPct, double multiplier, int multiplierFromMonth, List<Double> gcpSharePct) {
    public Traffic {
      gcpSharePct = List.copyOf(gcpSharePct);
    }
  }

  /**
   * @param commitment           none, 1y or 3y (resource-based committed use on the target compute)
   * @param commitmentFromMonth  first month the commitment applies, or null for the month after the last wave
   * @param coveragePct          share of the non-spot compute the commitment covers, percent
   * @param spotSharePct         share of the target compute on Spot VMs, percent
   */
  public record Pricing(String commitment, Integer commitmentFromMonth, double coveragePct, double spotSharePct) {}

  /**
   * @param strategy     as-planned (the plan's sizes) or headroom (plan sizes plus headroomPct on compute)
   * @param headroomPct  extra compute, percent, for {@code headroom}
   */
  public record Rightsizing(String strategy, double headroomPct) {}

  /**
   * @param dataTransfer  price copying the buckets, databases and caches out of AWS (AWS data transfer out) in
   *                      their wave month
   * @param personDays    engineering effort, person-days, spread over the migration months
   * @param dayRateUsd    USD per person-day
   * @param other         further one-off costs
   */
  public record OneOff(boolean dataTransfer, double personDays, double dayRateUsd, List<Other> other) {
    public OneOff {
      other = List.copyOf(other);
    }
  }

  /** @param month month index; @param usd amount; @param what label */
  public record Other(int month, double usd, String what) {}

  /**
   * @param type             ha-vpn, partner-interconnect, dedicated-interconnect or none
   * @param tunnels          HA VPN tunnels (pairs for the 99.99% SLA; two per AWS VPN connection)
   * @param tunnelGbps       nominal Gbps per tunnel (the weaker end: AWS Standard tunnels 1.25 Gbps)
   * @param ipsecEfficiency  share of nominal bandwidth left after IPsec overhead (0..1]
   * @param peakToAverage    peak over average traffic, or null to derive it from usage (default 3)
   * @param capacityGbps     Interconnect capacity, Gbps
   * @param hourlyUsd        Interconnect USD per hour (ports/attachments, both clouds), from the scenario, or null to
   *                         price Google Cloud's side from the price book (AWS Direct Connect is then reported missing)
   * @param egressUsdPerGib  Interconnect data transfer USD per GiB (both directions), from the scenario, or null to
   *                         price Google Cloud's side from the price book (AWS's side is then reported missing)
   */
  public record Link(
      String type,
      int tunnels,
      double tunnelGbps,
      double ipsecEfficiency,
      Double peakToAverage,
      Double capacityGbps,
      Double hourlyUsd,
      Double egressUsdPerGib) {}

  /**
   * @param subnetCidr      primary range of the GKE subnet
   * @param gkePodCidr      Pod secondary range
   * @param gkeServiceCidr  Service secondary range
   * @param onPremises      IPv4 ranges of the on-premises site (reached over VPN or Direct Connect), or null for the
   *                        run's ({@code --on-premises}); empty: no site
   */
  public record Network(String subnetCidr, String gkePodCidr, String gkeServiceCidr, List<String> onPremises) {
    public Network {
      onPremises = onPremises == null ? null : List.copyOf(onPremises);
    }

    /** The GKE ranges, with the run's on-premises ranges. */
    public Network(String subnetCidr, String gkePodCidr, String gkeServiceCidr) {
      this(subnetCidr, gkePodCidr, gkeServiceCidr, null);
    }
  }
}
