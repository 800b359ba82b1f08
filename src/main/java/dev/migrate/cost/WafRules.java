package dev.migrate.cost;

import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.Snapshot;
import java.util.Set;
import java.util.TreeSet;

/** Where the AWS WAF rule count of each web ACL comes from: the snapshot, else the option. */
final class WafRules {
  private WafRules() {}

  /**
   * Managed rule groups that AWS charges for on top of the rule fee (subscription and per-request fees):
   * Bot Control, Fraud Control account takeover prevention (ATP) and account creation fraud prevention
   * (ACFP); source: AWS WAF API reference, ManagedRuleGroupStatement, and https://aws.amazon.com/waf/pricing/.
   */
  static final Set<String> EXTRA_FEE_GROUPS = Set.of(
      "AWSManagedRulesBotControlRuleSet", "AWSManagedRulesATPRuleSet", "AWSManagedRulesACFPRuleSet");

  /** The rule-count assumption: collected, assumed, or both when only some web ACLs were read. */
  static Assumption assumption(CostOptions o, Snapshot snapshot) {
    TreeSet<String> acls = new TreeSet<>();
    for (Distribution d : snapshot.distributions()) {
      if (d.webAclId() != null) {
        acls.add(d.webAclId());
      }
    }
    long collected = acls.stream().filter(id -> snapshot.webAcl(id).isPresent()).count();
    String option = "option waf-rules-per-acl (default 1: the fewest rules with which a web ACL filters anything)";
    if (!acls.isEmpty() && collected == acls.size()) {
      return new Assumption("AWS WAF rules per web ACL", "collected",
          "snapshot webAcls (wafv2:GetWebACL; a rule group counts as one rule, as billed); the same count is priced as"
              + " Cloud Armor rules; " + option + " applies only to web ACLs whose rules were not collected");
    }
    String value = o.wafRulesPerAcl() + " (assumed"
        + (collected > 0 ? " for " + (acls.size() - collected) + " of " + acls.size() + " web ACLs; the others collected" : "") + ")";
    return new Assumption("AWS WAF rules per web ACL", value,
        option + "; used where the snapshot has no rule count for the web ACL (classic WAF, wafv2:GetWebACL denied,"
            + " older snapshots); the same count is priced as Cloud Armor rules");
  }
}
