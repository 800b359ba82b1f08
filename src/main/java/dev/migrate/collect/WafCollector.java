package dev.migrate.collect;

import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.Gap;
import dev.migrate.inventory.WebAcl;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.wafv2.Wafv2Client;
import software.amazon.awssdk.services.wafv2.model.Rule;
import software.amazon.awssdk.services.wafv2.model.Scope;
import software.amazon.awssdk.services.wafv2.model.WebACL;

/**
 * The AWS WAF (v2) web ACLs that CloudFront distributions name: one GetWebACL per distinct ARN
 * (scope CLOUDFRONT, asked in us-east-1 as the API requires for CloudFront web ACLs). AWS WAF bills
 * per web ACL and per rule, so the rule count is what the cost model needs.
 */
final class WafCollector {
  static final List<String> ACTIONS = List.of("wafv2:GetWebACL");
  /**
   * A CloudFront web ACL ARN: arn:PARTITION:wafv2:us-east-1:ACCOUNT:global/webacl/NAME/ID (AWS WAF
   * developer guide, "global" is the CLOUDFRONT scope). Anything else in a distribution's WebACLId
   * is a classic AWS WAF id, which the v2 API cannot read.
   */
  private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\\d{12}:global/webacl/([^/]+)/([^/]+)$");

  private WafCollector() {}

  /** Reads the web ACLs of {@code distributions}; returns how many were read. */
  static int collect(Wafv2Client waf, Collection<Distribution> distributions, Sink sink) {
    // web ACL id or ARN -> the distributions naming it, sorted, so gaps name them deterministically
    Map<String, TreeSet<String>> users = new TreeMap<>();
    for (Distribution d : distributions) {
      if (d.webAclId() != null) {
        users.computeIfAbsent(d.webAclId(), k -> new TreeSet<>()).add(d.id());
      }
    }
    int n = 0;
    for (var e : users.entrySet()) {
      String acl = e.getKey();
      Matcher m = ARN.matcher(acl);
      if (!m.matches()) {
        sink.gap(new Gap("wafv2", "global", "ClassicWebAcl", "rule count of web ACL " + acl,
            "distribution(s) " + String.join(", ", e.getValue()) + " use a classic AWS WAF web ACL (not a WAFv2 ARN);"
                + " its rules are not read and the cost model assumes waf-rules-per-acl"));
        continue;
      }
      try {
        WebACL w = waf.getWebACL(r -> r.scope(Scope.CLOUDFRONT).name(m.group(1)).id(m.group(2))).webACL();
        sink.webAcls.add(toWebAcl(acl, w));
        n++;
      } catch (RuntimeException ex) {
        // One gap per web ACL that failed (e.g. deleted since the distribution named it), but a
        // denied action is denied for all of them: one gap, and no more calls.
        boolean denied = Faults.denied(ex);
        sink.gap("wafv2", "global", denied ? "AWS WAF web ACL rules (the cost model assumes waf-rules-per-acl)"
            : "rules of web ACL " + acl + " (the cost model assumes waf-rules-per-acl for it)", ex);
        if (denied) {
          break;
        }
      }
    }
    return n;
  }

  static WebAcl toWebAcl(String arn, WebACL w) {
    List<Rule> rules = w.rules();
    TreeSet<WebAcl.ManagedRuleGroup> managed = new TreeSet<>(
        Comparator.comparing(WebAcl.ManagedRuleGroup::vendor).thenComparing(WebAcl.ManagedRuleGroup::name));
    for (Rule r : rules) {
      // A managed rule group can only be a rule's top-level statement (API reference, ManagedRuleGroupStatement).
      var g = r.statement() == null ? null : r.statement().managedRuleGroupStatement();
      if (g != null) {
        managed.add(new WebAcl.ManagedRuleGroup(g.vendorName(), g.name()));
      }
    }
    return new WebAcl(w.arn() == null ? arn : w.arn(), w.id(), w.name(), "CLOUDFRONT", rules.size(),
        new ArrayList<>(managed));
  }
}
