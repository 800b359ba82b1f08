package dev.migrate.collect;

import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The account id and the regions enabled for it. */
final class AccountCollector {
  static final List<String> ACTIONS = List.of("sts:GetCallerIdentity", "iam:ListAccountAliases");

  private AccountCollector() {}

  static String accountId(StsClient sts) {
    return sts.getCallerIdentity().account();
  }

  /**
   * The account alias (iam:ListAccountAliases), or null when the account has none. An account
   * has at most one alias (IAM quotas), so one page is the whole answer.
   */
  static String alias(IamClient iam) {
    var aliases = iam.listAccountAliases().accountAliases();
    return aliases.isEmpty() ? null : aliases.get(0);
  }

  /**
   * Every region with its opt-in status (ec2:DescribeRegions, AllRegions=true), so that a
   * requested region that is not enabled is reported as a gap without calling it.
   *
   * @return region name to true when enabled (opt-in-not-required or opted-in)
   */
  static java.util.SortedMap<String, Boolean> regions(Ec2Client ec2) {
    java.util.SortedMap<String, Boolean> out = new java.util.TreeMap<>();
    for (Region r : ec2.describeRegions(b -> b.allRegions(true)).regions()) {
      String status = r.optInStatus();
      out.put(r.regionName(), status == null || !"not-opted-in".equals(status));
    }
    return out;
  }
}
