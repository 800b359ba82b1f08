package dev.migrate.collect;

import dev.migrate.inventory.Commitment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.RecurringCharge;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;
import software.amazon.awssdk.services.savingsplans.SavingsplansClient;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlan;
import software.amazon.awssdk.services.savingsplans.model.SavingsPlanState;

/** Active reserved instances (per region) and savings plans (global): they lower today's real cost. */
final class CommitmentsCollector {
  static final List<String> ACTIONS = List.of("ec2:DescribeReservedInstances", "savingsplans:DescribeSavingsPlans");
  /** DescribeSavingsPlans maxResults ceiling (API reference: 0..1000). */
  static final int PAGE = 1000;

  private CommitmentsCollector() {}

  static int reservedInstances(Ec2Client ec2, String region, Sink sink) {
    // DescribeReservedInstances is not paginated: it returns every reservation at once.
    var resp = ec2.describeReservedInstances(r -> r.filters(f -> f.name("state").values("active")));
    for (ReservedInstances ri : resp.reservedInstances()) {
      BigDecimal hourly = decimal(ri.usagePrice());
      for (RecurringCharge c : ri.recurringCharges()) {
        if (c.amount() != null && "Hourly".equals(c.frequencyAsString())) {
          hourly = hourly.add(BigDecimal.valueOf(c.amount()));
        }
      }
      String offering = (ri.offeringClassAsString() == null ? "" : ri.offeringClassAsString() + " ")
          + (ri.offeringTypeAsString() == null ? "" : ri.offeringTypeAsString());
      sink.commitments.add(new Commitment("reserved-instance", ri.reservedInstancesId(), region,
          ri.instanceTypeAsString(), ri.productDescriptionAsString(),
          ri.instanceCount() == null ? 0 : ri.instanceCount(), ri.start(), ri.end(), decimal(ri.fixedPrice()),
          hourly, offering.isBlank() ? null : offering.trim(), ri.stateAsString()));
    }
    return resp.reservedInstances().size();
  }

  static int savingsPlans(SavingsplansClient sp, Sink sink) {
    int n = 0;
    String token = null;
    do {
      String t = token;
      var resp = sp.describeSavingsPlans(r -> r.states(SavingsPlanState.ACTIVE).maxResults(PAGE).nextToken(t));
      for (SavingsPlan p : resp.savingsPlans()) {
        sink.commitments.add(new Commitment("savings-plan", p.savingsPlanId(), null, p.ec2InstanceFamily(), null, 1,
            instant(p.start()), instant(p.end()), decimal(p.upfrontPaymentAmount()), decimal(p.commitment()),
            p.savingsPlanTypeAsString(), p.stateAsString()));
        n++;
      }
      token = resp.nextToken();
    } while (token != null && !token.isEmpty());
    return n;
  }

  private static BigDecimal decimal(Float f) {
    // Float.toString gives the shortest decimal that reads back as the same float (0.0116, not 0.011600000...).
    return f == null ? BigDecimal.ZERO : new BigDecimal(Float.toString(f));
  }

  private static BigDecimal decimal(String s) {
    return s == null || s.isBlank() ? BigDecimal.ZERO : new BigDecimal(s.trim());
  }

  private static Instant instant(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      return java.time.OffsetDateTime.parse(s).toInstant();
    }
  }
}
