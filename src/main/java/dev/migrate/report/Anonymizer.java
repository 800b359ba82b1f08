package dev.migrate.report;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostLine;
import dev.migrate.cost.CostSide;
import dev.migrate.inventory.AutoScalingGroup;
import dev.migrate.inventory.CacheCluster;
import dev.migrate.inventory.DbCluster;
import dev.migrate.inventory.DbInstance;
import dev.migrate.inventory.Distribution;
import dev.migrate.inventory.EbsVolume;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.LoadBalancer;
import dev.migrate.inventory.S3Bucket;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.Usage;
import dev.migrate.inventory.Vpc;
import dev.migrate.plan.Mapping;
import dev.migrate.plan.Target;
import dev.migrate.plan.Unmapped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces identifying values (account id and alias, resource ids, names, ARNs, DNS names and
 * database and cache endpoints, tag values, bucket names) with stable pseudonyms such as {@code instance-7f3a21c0}, so that a
 * report can be shared outside the company.
 *
 * <p>A pseudonym is the first 8 hex digits of SHA-256(salt, NUL, value), prefixed by the kind
 * of value. The same value with the same salt gives the same pseudonym across output formats.
 * The salt is secret and, unless the user fixes one, random for each run ({@link #randomSalt}):
 * with a known salt anyone could hash a guessed account id or instance id and confirm it against
 * the report. A user who wants pseudonyms that stay the same between runs sets their own salt
 * and keeps it to themselves. Collisions (two values, one prefix and hash) are resolved by
 * lengthening the hash, in sorted order of the values, so the result stays deterministic.
 *
 * <p>Identifier fields go through {@link #id}; free text (reasons, warnings) goes through
 * {@link #text}, which replaces every known value that appears in it as a whole token.
 */
public final class Anonymizer {
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  static final String UNTAGGED = "(untagged)";
  private static final Anonymizer NONE = new Anonymizer(false, "", Map.of(), List.of());
  /** A token that may be an id, name, ARN or DNS name: starts and ends with a letter or digit. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._:/@+=-]*[A-Za-z0-9])?");
  private static final Pattern PARTS = Pattern.compile("[/:=@]");

  private final boolean enabled;
  private final String salt;
  private final Map<String, String> pseudonyms;
  /** Known values that contain a space: replaced by substring search, longest first. */
  private final List<String> phrases;

  private Anonymizer(boolean enabled, String salt, Map<String, String> pseudonyms, List<String> phrases) {
    this.enabled = enabled;
    this.salt = salt;
    this.pseudonyms = pseudonyms;
    this.phrases = phrases;
  }

  /** A fresh secret salt (128 random bits, hex): the default, so pseudonyms differ between runs. */
  public static String randomSalt() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Leaves every value as it is. */
  public static Anonymizer none() {
    return NONE;
  }

  /** Pseudonyms for every identifying value in the snapshot. */
  public static Anonymizer forSnapshot(Snapshot s, String salt) {
    Objects.requireNonNull(salt, "salt");
    var known = new TreeMap<String, String>(); // value -> kind prefix; first kind registered wins
    collect(known, s);
    return of(known, salt);
  }

  /**
   * Pseudonyms for every identifying value in the assessment: the snapshot's, plus item ids and
   * names of the plan and the cost lines, application tags and workload names.
   */
  public static Anonymizer forAssessment(Assessment a, String salt) {
    Objects.requireNonNull(salt, "salt");
    var known = new TreeMap<String, String>();
    collect(known, a.snapshot());
    for (Mapping m : a.plan().mappings()) {
      put(known, m.itemId(), "item");
      put(known, m.itemName(), "name");
      if (m.target() instanceof Target.GkeWorkload g) {
        // The rules name node pools (and may name clusters) after the workload: pseudonyms too.
        put(known, g.workloadName(), "workload");
        put(known, g.nodePool(), "pool");
        if (!Target.GkeWorkload.DEFAULT_CLUSTER.equals(g.cluster())) {
          put(known, g.cluster(), "cluster"); // the default would replace the word "primary" in every text
        }
      }
    }
    for (Unmapped u : a.plan().unmapped()) {
      put(known, u.itemId(), "item");
      put(known, u.itemName(), "name");
    }
    for (CostSide side : List.of(a.current(), a.target())) {
      for (CostLine l : side.lines()) {
        put(known, l.itemId(), "item");
        put(known, l.itemName(), "name");
        if (l.app() != null && !UNTAGGED.equals(l.app())) {
          put(known, l.app(), "tag");
        }
      }
    }
    return of(known, salt);
  }

  private static void collect(Map<String, String> known, Snapshot s) {
    put(known, s.account().id(), "account");
    put(known, s.account().alias(), "alias");
    for (dev.migrate.inventory.MemberAccount m : s.members()) {
      put(known, m.account().id(), "account");
      put(known, m.account().alias(), "alias");
      put(known, m.name(), "alias");
    }
    for (Ec2Instance i : s.instances()) {
      put(known, i.id(), "instance");
      put(known, i.vpcId(), "vpc");
      put(known, i.autoScalingGroup(), "asg");
      i.volumeIds().forEach(v -> put(known, v, "volume"));
      tags(known, i.tags());
    }
    for (EbsVolume v : s.volumes()) {
      put(known, v.id(), "volume");
      put(known, v.attachedTo(), "instance");
      tags(known, v.tags());
    }
    for (AutoScalingGroup g : s.autoScalingGroups()) {
      put(known, g.name(), "asg");
      g.instanceIds().forEach(v -> put(known, v, "instance"));
      g.targetGroupArns().forEach(v -> put(known, v, "tg"));
      g.loadBalancerNames().forEach(v -> put(known, v, "lb"));
      tags(known, g.tags());
    }
    for (LoadBalancer lb : s.loadBalancers()) {
      put(known, lb.id(), "lb");
      put(known, lb.name(), "lb");
      put(known, lb.dnsName(), "host");
      put(known, lb.vpcId(), "vpc");
      put(known, lb.accessLogs().bucket(), "bucket");
      lb.registeredInstances().forEach(v -> put(known, v, "instance"));
      for (LoadBalancer.TargetGroup tg : lb.targetGroups()) {
        put(known, tg.arn(), "tg");
        put(known, tg.name(), "tg");
        tg.targets().forEach(t -> put(known, t.id(), "target"));
      }
      lb.listeners().forEach(l -> l.certificateIds().forEach(c -> put(known, c, "cert")));
      tags(known, lb.tags());
    }
    for (Distribution d : s.distributions()) {
      put(known, d.id(), "cdn");
      put(known, d.domainName(), "host");
      d.aliases().forEach(a -> put(known, a, "host"));
      d.origins().forEach(o -> {
        put(known, o.domainName(), "host");
        put(known, o.id(), "origin");
      });
      put(known, d.webAclId(), "acl");
      put(known, d.logging().bucket(), "bucket");
      d.allBehaviors().forEach(b -> b.functions().forEach(f -> put(known, f.arn(), "function")));
      tags(known, d.tags());
    }
    for (S3Bucket b : s.buckets()) {
      put(known, b.name(), "bucket");
      tags(known, b.tags());
    }
    for (Vpc v : s.vpcs()) {
      put(known, v.id(), "vpc");
    }
    for (DbInstance d : s.dbInstances()) {
      put(known, d.id(), "db");
      put(known, d.arn(), "db");
      put(known, d.endpoint(), "host");
      put(known, d.clusterId(), "dbcluster");
      put(known, d.readReplicaSourceId(), "db");
      tags(known, d.tags());
    }
    for (DbCluster c : s.dbClusters()) {
      put(known, c.id(), "dbcluster");
      put(known, c.arn(), "dbcluster");
      put(known, c.endpoint(), "host");
      put(known, c.globalClusterId(), "dbcluster");
      c.members().forEach(m -> put(known, m, "db"));
      tags(known, c.tags());
    }
    for (CacheCluster c : s.cacheClusters()) {
      put(known, c.id(), "cache");
      put(known, c.arn(), "cache");
      put(known, c.endpoint(), "host");
      put(known, c.globalReplicationGroupId(), "cache");
      c.memberClusters().forEach(m -> put(known, m, "cache"));
      tags(known, c.tags());
    }
    s.webAcls().forEach(w -> {
      put(known, w.arn(), "acl");
      put(known, w.id(), "acl");
      put(known, w.name(), "acl");
    });
    s.commitments().forEach(c -> put(known, c.id(), "commitment"));
    for (Usage u : s.usage()) {
      put(known, u.resourceId(), "resource");
    }
  }

  private static Anonymizer of(TreeMap<String, String> known, String salt) {
    var result = new HashMap<String, String>(known.size() * 2);
    var used = new HashMap<String, String>(known.size() * 2);
    var phrases = new ArrayList<String>();
    for (var e : known.entrySet()) {
      String hex = sha256Hex(salt + "\u0000" + e.getKey());
      String pseudonym = null;
      for (int len = 8; len <= hex.length(); len += 2) {
        String candidate = e.getValue() + "-" + hex.substring(0, len);
        if (!used.containsKey(candidate)) {
          pseudonym = candidate;
          break;
        }
      }
      used.put(pseudonym, e.getKey());
      result.put(e.getKey(), pseudonym);
      if (e.getKey().indexOf(' ') >= 0) {
        phrases.add(e.getKey());
      }
    }
    phrases.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
    return new Anonymizer(true, salt, Map.copyOf(result), List.copyOf(phrases));
  }

  private static void tags(Map<String, String> known, Map<String, String> tags) {
    tags.forEach((k, v) -> put(known, v, "Name".equals(k) ? "name" : "tag"));
  }

  private static void put(Map<String, String> known, String value, String kind) {
    if (value != null && !value.isBlank()) {
      known.putIfAbsent(value, kind);
    }
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * The pseudonym of an identifying value. A value that was not registered still gets one (with
   * prefix {@code id}) when anonymising, so that nothing identifying slips through unnoticed.
   */
  public String id(String value) {
    if (!enabled || value == null || value.isEmpty()) {
      return value;
    }
    String p = pseudonyms.get(value);
    return p != null ? p : "id-" + sha256Hex(salt + "\u0000" + value).substring(0, 8);
  }

  /** Like {@link #id}, but leaves values that are not identifying (e.g. "(untagged)") as they are. */
  public String known(String value) {
    if (!enabled || value == null) {
      return value;
    }
    String p = pseudonyms.get(value);
    return p != null ? p : value;
  }

  /** Free text with every known value replaced where it appears as a whole token. */
  public String text(String text) {
    if (!enabled || text == null || text.isEmpty()) {
      return text;
    }
    String t = text;
    for (String phrase : phrases) {
      if (t.contains(phrase)) {
        t = t.replace(phrase, pseudonyms.get(phrase));
      }
    }
    Matcher m = TOKEN.matcher(t);
    var out = new StringBuilder(t.length());
    int last = 0;
    while (m.find()) {
      out.append(t, last, m.start());
      out.append(token(m.group()));
      last = m.end();
    }
    out.append(t, last, t.length());
    return out.toString();
  }

  /** A whole token, or its parts between separators (an id inside a path or ARN). */
  private String token(String token) {
    // Short words and small numbers ("1", "on", "443") are too common in prose to be replaced
    // there even when some tag has that value; identifier fields still go through id().
    if (token.length() < 3 || token.length() < 6 && token.chars().allMatch(Character::isDigit)) {
      return token;
    }
    String p = pseudonyms.get(token);
    if (p != null) {
      return p;
    }
    // Sentence punctuation: "i-0abc." ends a sentence; the dot is not part of the id.
    if (token.endsWith(".") && pseudonyms.containsKey(token.substring(0, token.length() - 1))) {
      return pseudonyms.get(token.substring(0, token.length() - 1)) + ".";
    }
    Matcher sep = PARTS.matcher(token);
    if (!sep.find()) {
      return token;
    }
    var out = new StringBuilder(token.length());
    int last = 0;
    sep.reset();
    while (sep.find()) {
      String part = token.substring(last, sep.start());
      out.append(pseudonyms.getOrDefault(part, part)).append(sep.group());
      last = sep.end();
    }
    String part = token.substring(last);
    out.append(pseudonyms.getOrDefault(part, part));
    return out.toString();
  }

  static String sha256Hex(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
