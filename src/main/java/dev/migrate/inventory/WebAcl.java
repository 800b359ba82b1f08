package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * An AWS WAF (v2) web ACL that protects one or more CloudFront distributions (a distribution names
 * it by ARN in {@link Distribution#webAclId()}). AWS WAF bills the web ACL and each of its rules per
 * month, whichever resources it protects, so it is recorded once here rather than on each distribution.
 *
 * @param arn                the web ACL's ARN, e.g. arn:aws:wafv2:us-east-1:ACCOUNT:global/webacl/NAME/ID
 * @param id                 the web ACL id (the last part of the ARN)
 * @param name               the web ACL name
 * @param scope              {@code CLOUDFRONT} (global, the only scope a distribution can use) or {@code REGIONAL}
 * @param ruleCount          top-level rules in the web ACL; a rule group (managed or own) counts as one, as AWS
 *                           WAF bills it ("per rule or rule group per web ACL")
 * @param managedRuleGroups  the managed rule groups the rules use, sorted by vendor then name; some (Bot Control,
 *                           Fraud Control) carry their own subscription and request fees
 */
public record WebAcl(
    @JsonProperty(required = true) String arn,
    @JsonProperty(required = true) String id,
    @JsonProperty(required = true) String name,
    @JsonProperty(required = true) String scope,
    @JsonProperty(required = true) int ruleCount,
    List<ManagedRuleGroup> managedRuleGroups) {

  public WebAcl {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(scope, "scope");
    if (ruleCount < 0) {
      throw new IllegalArgumentException("ruleCount must not be negative, was " + ruleCount);
    }
    managedRuleGroups = Lists.copy(managedRuleGroups);
  }

  /**
   * A managed rule group referenced by a rule of the web ACL.
   *
   * @param vendor  e.g. {@code AWS} (AWS Managed Rules) or a Marketplace seller
   * @param name    e.g. {@code AWSManagedRulesCommonRuleSet}, {@code AWSManagedRulesBotControlRuleSet}
   */
  public record ManagedRuleGroup(
      @JsonProperty(required = true) String vendor,
      @JsonProperty(required = true) String name) {
    public ManagedRuleGroup {
      Objects.requireNonNull(vendor, "vendor");
      Objects.requireNonNull(name, "name");
    }
  }
}
