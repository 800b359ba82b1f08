package dev.migrate.cost.hybrid;

import com.fasterxml.jackson.core.JsonToken;
import dev.migrate.cost.hybrid.Scenario.Link;
import dev.migrate.cost.hybrid.Scenario.Migration;
import dev.migrate.cost.hybrid.Scenario.Network;
import dev.migrate.cost.hybrid.Scenario.OneOff;
import dev.migrate.cost.hybrid.Scenario.Other;
import dev.migrate.cost.hybrid.Scenario.Pricing;
import dev.migrate.cost.hybrid.Scenario.Rightsizing;
import dev.migrate.cost.hybrid.Scenario.Selector;
import dev.migrate.cost.hybrid.Scenario.Traffic;
import dev.migrate.cost.hybrid.Scenario.Wave;
import dev.migrate.io.Echo;
import dev.migrate.io.Fields;
import dev.migrate.io.InputError;
import dev.migrate.io.Position;
import dev.migrate.io.Yaml;
import dev.migrate.io.Yaml.Entry;
import dev.migrate.io.Yaml.ListNode;
import dev.migrate.io.Yaml.MapNode;
import dev.migrate.io.Yaml.Node;
import dev.migrate.io.Yaml.Scalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads scenario files, applies {@code --set key.path=value} overrides and validates the result.
 * Every problem is collected with its {@code file:line:col} (or the {@code --set} option that
 * caused it) and all of them are thrown together in one {@link ScenarioException}.
 */
public final class ScenarioReader {
  /** Longest timeline accepted, months (ten years is already beyond any price book's life). */
  static final int MAX_MONTHS = 120;
  /** Timeline length when the file does not say, months. */
  static final int DEFAULT_MONTHS = 24;
  /** Default weeks both clouds run after a wave: long enough to roll back (a common cut-over window). */
  static final double DEFAULT_DOUBLE_RUN_WEEKS = 4;
  /**
   * Per-tunnel bandwidth, Gbps: the weaker end of an HA VPN to AWS. A Cloud VPN tunnel carries
   * 250,000 packets/s, about 1-3 Gbps
   * (https://cloud.google.com/network-connectivity/docs/vpn/concepts/topologies-increase-bandwidth);
   * an AWS Site-to-Site VPN Standard tunnel up to 1.25 Gbps
   * (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html).
   */
  static final double DEFAULT_TUNNEL_GBPS = 1.25;
  /**
   * Share of nominal bandwidth left through IPsec. In theory about 0.8 (encapsulation and
   * encryption overhead); a team that moved from AWS to GKE reported losing about 80% to an IPsec tunnel, so the
   * default sits between the two at 0.5 and is a knob.
   */
  static final double DEFAULT_IPSEC_EFFICIENCY = 0.5;
  /** HA VPN to AWS: two AWS VPN connections of two tunnels each, the documented HA topology. */
  static final int DEFAULT_TUNNELS = 4;
  /** GKE subnet primary range: the auto-mode subnet of us-central1 (10.128.0.0/20). */
  static final String DEFAULT_SUBNET = "10.128.0.0/20";
  /** GKE default Pod range size is /14 and Service range /20; these bases are a common explicit choice. */
  static final String DEFAULT_POD_CIDR = "10.4.0.0/14";
  static final String DEFAULT_SERVICE_CIDR = "10.8.0.0/20";

  static final Set<String> TIERS = Set.of("edge", "lb", "web", "cache", "db", "batch", "storage", "other");
  static final Set<String> TARGET_KINDS = Set.of("gke-workload", "compute-engine", "persistent-disk",
      "cloud-load-balancing", "cloud-cdn", "cloud-storage", "memorystore", "retire");
  static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "CronJob", "DaemonSet");
  static final Set<String> LINK_TYPES = Set.of("ha-vpn", "partner-interconnect", "dedicated-interconnect", "none");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern REGION = Pattern.compile("[a-z]+-[a-z]+[0-9]+");

  private ScenarioReader() {}

  /** Reads every file, applying the same overrides to each; all errors of all files at once. */
  public static List<Scenario> readAll(List<Path> files, List<String> sets) throws ScenarioException {
    List<InputError> errors = new ArrayList<>();
    List<Scenario> out = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (Path f : files) {
      String text = Yaml.readFile(f, "scenario file", errors);
      if (text == null) {
        continue;
      }
      int before = errors.size();
      Scenario s = read(text, f.toString(), defaultName(f), sets, null, errors);
      if (s != null && errors.size() == before) {
        if (!names.add(s.name())) {
          errors.add(Position.of(f.toString()).error("scenario name '" + s.name()
              + "' is used by another scenario; give each a distinct 'name'"));
        }
        out.add(s);
      }
    }
    if (!errors.isEmpty()) {
      throw new ScenarioException(errors);
    }
    return out;
  }

  /** Reads one scenario from text; {@code source} names it in messages. */
  public static Scenario parse(String text, String source, List<String> sets) throws ScenarioException {
    return parse(text, source, sets, null);
  }

  /**
   * Reads one scenario from text whose waves take, besides what their {@code select} names, the items given
   * here as values: {@code waveItems.get(i)} joins the {@code items} of the i-th wave after the overrides. A
   * proposed plan passes its units this way, so that an estate of any size runs without a text listing every
   * unit (and without the size limit of a scenario file); the overrides still apply to the rest.
   *
   * @param waveItems  item ids per wave, in wave order, or null
   */
  static Scenario parse(String text, String source, List<String> sets, List<List<String>> waveItems)
      throws ScenarioException {
    List<InputError> errors = new ArrayList<>();
    String name = source.replaceAll(".*[/\\\\]", "").replaceAll("\\.ya?ml$", "");
    Scenario s = read(text, source, name, sets, waveItems, errors);
    if (!errors.isEmpty()) {
      throw new ScenarioException(errors);
    }
    return s;
  }

  private static String defaultName(Path f) {
    return f.getFileName().toString().replaceAll("\\.ya?ml$", "");
  }

  private static Scenario read(String text, String source, String defaultName, List<String> sets,
      List<List<String>> waveItems, List<InputError> errors) {
    Node root;
    try {
      root = Yaml.parse(source, text, "scenario", errors);
    } catch (Yaml.SyntaxError e) {
      errors.add(e.error());
      return null;
    }
    if (root == null) {
      root = new MapNode(new Position(source, 1, 1), new LinkedHashMap<>());
    }
    if (!(root instanceof MapNode map)) {
      errors.add(root.pos().error("a scenario must be a mapping of keys (name, timeline, waves, ...)"));
      return null;
    }
    for (String set : sets) {
      applySet(map, set, errors);
    }
    return new Binder(errors, defaultName, source, waveItems).scenario(map);
  }

  /** Applies one {@code key.path=value}; list items are addressed by index ({@code waves.0.month=3}). */
  static void applySet(MapNode root, String set, List<InputError> errors) {
    String where = "--set " + Echo.clip(set);
    Position at = Position.of(where);
    int eq = set.indexOf('=');
    if (eq <= 0) {
      errors.add(at.error("expected key.path=value, e.g. --set traffic.growthPerMonthPct=5"));
      return;
    }
    String path = set.substring(0, eq).trim();
    String valueText = set.substring(eq + 1).trim();
    Node value;
    try {
      List<InputError> ignored = new ArrayList<>();
      Node parsed = Yaml.parse(where, valueText.isEmpty() ? "''" : valueText, "--set value", ignored);
      value = relocate(parsed == null ? new Scalar(at, com.fasterxml.jackson.core.JsonToken.VALUE_NULL, null) : parsed, at);
    } catch (Yaml.SyntaxError e) {
      errors.add(at.error("the value is not valid YAML (" + e.error().message() + ")"));
      return;
    }
    String[] parts = path.split("\\.");
    Node cur = root;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean last = i == parts.length - 1;
      if (part.isEmpty()) {
        errors.add(at.error("empty segment in key path " + Echo.quote(path)));
        return;
      }
      if (cur instanceof MapNode m) {
        if (last) {
          m.entries().put(part, new Entry(part, at, value));
          return;
        }
        Entry e = m.entries().get(part);
        if (e == null) {
          Node child = parts[i + 1].matches("\\d+") ? new ListNode(at, new ArrayList<>())
              : new MapNode(at, new LinkedHashMap<>());
          m.entries().put(part, new Entry(part, at, child));
          cur = child;
        } else {
          cur = e.value();
        }
      } else if (cur instanceof ListNode l) {
        if (!part.matches("\\d+")) {
          errors.add(at.error("'" + String.join(".", java.util.Arrays.copyOf(parts, i))
              + "' is a list: address its items by index, e.g. " + String.join(".", java.util.Arrays.copyOf(parts, i)) + ".0"));
          return;
        }
        int idx = Integer.parseInt(part);
        if (idx > l.items().size() || (idx == l.items().size() && !last)) {
          errors.add(at.error("index " + idx + " is beyond the " + l.items().size()
              + " item(s) of '" + String.join(".", java.util.Arrays.copyOf(parts, i)) + "'"));
          return;
        }
        List<Node> items = new ArrayList<>(l.items());
        if (last) {
          if (idx == items.size()) {
            l.items().add(value);
          } else {
            l.items().set(idx, value);
          }
          return;
        }
        cur = items.get(idx);
      } else {
        errors.add(at.error("'" + String.join(".", java.util.Arrays.copyOf(parts, i))
            + "' is a single value, it has no key " + Echo.quote(part)));
        return;
      }
    }
  }

  /** Gives a parsed --set value the option as its position, and mutable containers. */
  private static Node relocate(Node n, Position at) {
    if (n instanceof MapNode m) {
      var entries = new LinkedHashMap<String, Entry>();
      m.entries().forEach((k, e) -> entries.put(k, new Entry(k, at, relocate(e.value(), at))));
      return new MapNode(at, entries);
    }
    if (n instanceof ListNode l) {
      var items = new ArrayList<Node>();
      l.items().forEach(i -> items.add(relocate(i, at)));
      return new ListNode(at, items);
    }
    Scalar s = (Scalar) n;
    return new Scalar(at, s.token(), s.text());
  }

  /** Turns the tree into a {@link Scenario}, recording every problem. */
  private static final class Binder {
    private final List<InputError> errors;
    private final Fields fields;
    private final String defaultName;
    private final String source;
    /** Items per wave given as values (a proposed plan's units), or null. */
    private final List<List<String>> waveItems;

    Binder(List<InputError> errors, String defaultName, String source, List<List<String>> waveItems) {
      this.errors = errors;
      this.fields = new Fields(errors);
      this.defaultName = defaultName;
      this.source = source;
      this.waveItems = waveItems;
    }

    void error(Position at, String message) {
      errors.add(at.error(message));
    }

    Scenario scenario(MapNode root) {
      keys(root, "", "name", "description", "timeline", "migration", "waves", "shares", "traffic", "pricing",
          "cdn", "targetRegion", "rightsizing", "oneOff", "link", "network");
      String name = string(root, "name", defaultName);
      if (name != null && !NAME.matcher(name).matches()) {
        error(Fields.at(root, "name"), "name " + Echo.quote(name) + " must be 1-64 letters, digits, '.', '_' or '-'");
      }
      String description = string(root, "description", "");

      MapNode tl = map(root, "timeline");
      keys(tl, "timeline.", "start", "months");
      YearMonth start = yearMonth(tl, "start");
      int months = integer(tl, "months", DEFAULT_MONTHS, 2, MAX_MONTHS);

      MapNode mg = map(root, "migration");
      keys(mg, "migration.", "startMonth", "lengthMonths", "doubleRunWeeks");
      int startMonth = integer(mg, "startMonth", 1, 1, MAX_MONTHS);
      int length = integer(mg, "lengthMonths", 6, 1, MAX_MONTHS);
      double doubleRun = number(mg, "doubleRunWeeks", DEFAULT_DOUBLE_RUN_WEEKS, 0, 104);
      if (mg != null && startMonth >= months) {
        error(Fields.at(mg, "startMonth"), "migration.startMonth " + startMonth + " is not inside the "
            + months + "-month timeline (months 0.." + (months - 1) + ")");
      }

      List<Wave> waves = waves(root, length, doubleRun);
      List<Double> shares = shares(root, length);
      if (!waves.isEmpty() && !shares.isEmpty()) {
        error(Fields.at(root, "shares"), "give either 'waves' or 'shares', not both");
      }

      MapNode tr = map(root, "traffic");
      keys(tr, "traffic.", "growthPerMonthPct", "multiplier", "multiplierFromMonth", "gcpSharePct");
      double growth = number(tr, "growthPerMonthPct", 0, -50, 100);
      double multiplier = number(tr, "multiplier", 1, 0.01, 100);
      int multiplierFrom = integer(tr, "multiplierFromMonth", 0, 0, MAX_MONTHS);
      List<Double> gcpShare = numbers(tr, "gcpSharePct", 0, 100, false);

      MapNode pr = map(root, "pricing");
      keys(pr, "pricing.", "commitment", "commitmentFromMonth", "coveragePct", "spotSharePct");
      String commitment = choice(pr, "commitment", "none", Set.of("none", "1y", "3y"));
      Integer commitFrom = pr != null && pr.entries().containsKey("commitmentFromMonth")
          ? integer(pr, "commitmentFromMonth", 0, 0, MAX_MONTHS) : null;
      double coverage = number(pr, "coveragePct", 100, 0, 100);
      double spot = number(pr, "spotSharePct", 0, 0, 100);

      MapNode cdn = map(root, "cdn");
      keys(cdn, "cdn.", "cacheHitRatio");
      Double hit = cdn != null && cdn.entries().containsKey("cacheHitRatio") ? number(cdn, "cacheHitRatio", 0, 0, 1) : null;

      String region = string(root, "targetRegion", null);
      if (region != null && !REGION.matcher(region).matches()) {
        error(Fields.at(root, "targetRegion"), "targetRegion " + Echo.quote(region) + " is not a Google Cloud region name (e.g. us-central1)");
      }

      MapNode rs = map(root, "rightsizing");
      keys(rs, "rightsizing.", "strategy", "headroomPct");
      String strategy = choice(rs, "strategy", "as-planned", Set.of("as-planned", "headroom"));
      double headroom = number(rs, "headroomPct", "headroom".equals(strategy) ? 20 : 0, 0, 300);
      if ("as-planned".equals(strategy) && rs != null && rs.entries().containsKey("headroomPct")) {
        error(Fields.at(rs, "headroomPct"), "headroomPct applies only to strategy: headroom");
      }

      OneOff oneOff = oneOff(root, months);
      Link link = link(root);

      MapNode nw = map(root, "network");
      keys(nw, "network.", "subnetCidr", "gkePodCidr", "gkeServiceCidr", "onPremises");
      Network network = new Network(cidr(nw, "subnetCidr", DEFAULT_SUBNET), cidr(nw, "gkePodCidr", DEFAULT_POD_CIDR),
          cidr(nw, "gkeServiceCidr", DEFAULT_SERVICE_CIDR), onPremises(nw));

      return new Scenario(name, description, source, start, months, new Migration(startMonth, length, doubleRun),
          waves, shares, new Traffic(growth, multiplier, multiplierFrom, gcpShare),
          new Pricing(commitment, commitFrom, coverage, spot), hit, region, new Rightsizing(strategy, headroom),
          oneOff, link, network);
    }

    private List<Wave> waves(MapNode root, int length, double defaultWeeks) {
      Entry e = root.entries().get("waves");
      if (e == null) {
        return List.of();
      }
      if (!(e.value() instanceof ListNode list)) {
        error(e.value().pos(), "waves must be a list of waves (name, month, select), got " + e.value().describe());
        return List.of();
      }
      List<Wave> out = new ArrayList<>();
      Set<String> names = new TreeSet<>();
      int lastMonth = -1;
      for (int i = 0; i < list.items().size(); i++) {
        Node n = list.items().get(i);
        if (!(n instanceof MapNode w)) {
          error(n.pos(), "waves[" + i + "] must be a mapping (name, month, select), got " + n.describe());
          continue;
        }
        String p = "waves[" + i + "].";
        keys(w, p, "name", "month", "select", "doubleRunWeeks");
        String name = string(w, "name", "wave-" + (i + 1));
        if (!names.add(name)) {
          error(Fields.at(w, "name"), "wave name " + Echo.quote(name) + " is used twice");
        }
        int month = integer(w, "month", 0, 0, MAX_MONTHS);
        if (w.entries().containsKey("month") && month >= length) {
          error(Fields.at(w, "month"), "wave " + Echo.quote(name) + " month " + month + " is not inside migration.lengthMonths "
              + length + " (wave months count from migration.startMonth: 0.." + (length - 1) + ")");
        }
        if (month < lastMonth) {
          error(Fields.at(w, "month"), "wave " + Echo.quote(name) + " moves in month " + month + ", before the wave above it (month "
              + lastMonth + "); list waves in month order");
        }
        lastMonth = Math.max(lastMonth, month);
        Double weeks = w.entries().containsKey("doubleRunWeeks") ? number(w, "doubleRunWeeks", defaultWeeks, 0, 104) : null;
        Selector sel = selector(w, p, name, i);
        if (sel != null && sel.rest() && i != list.items().size() - 1) {
          error(Fields.at(w, "select"), "wave " + Echo.quote(name) + " selects 'rest: true' but is not the last wave");
        }
        out.add(new Wave(name, month, sel, weeks, w.pos()));
      }
      if (out.isEmpty()) {
        error(e.value().pos(), "waves is empty: list at least one wave, or use 'shares'");
      }
      return out;
    }

    private Selector selector(MapNode w, String p, String wave, int index) {
      Entry e = w.entries().get("select");
      if (e == null) {
        error(w.pos(), "wave " + Echo.quote(wave) + " has no 'select' (items, apps, roles, tiers, targetKinds, workloadKinds or rest: true)");
        return null;
      }
      if (!(e.value() instanceof MapNode s)) {
        error(e.value().pos(), "select must be a mapping, got " + e.value().describe());
        return null;
      }
      keys(s, p + "select.", "items", "apps", "roles", "tiers", "targetKinds", "workloadKinds", "rest");
      List<String> items = fields.names(s, "items", null);
      if (waveItems != null && index < waveItems.size() && !waveItems.get(index).isEmpty()) {
        List<String> all = new ArrayList<>(waveItems.get(index).size() + items.size());
        all.addAll(waveItems.get(index));
        all.addAll(items);
        items = all;
      }
      var sel = new Selector(items, fields.names(s, "apps", null), fields.names(s, "roles", null),
          fields.names(s, "tiers", TIERS), fields.names(s, "targetKinds", TARGET_KINDS), fields.names(s, "workloadKinds", WORKLOAD_KINDS),
          bool(s, "rest", false));
      if (!sel.rest() && sel.items().isEmpty() && sel.apps().isEmpty() && sel.roles().isEmpty() && sel.tiers().isEmpty()
          && sel.targetKinds().isEmpty() && sel.workloadKinds().isEmpty()) {
        error(s.pos(), "wave " + Echo.quote(wave) + " select names nothing to move");
      }
      return sel;
    }

    private List<Double> shares(MapNode root, int length) {
      if (!root.entries().containsKey("shares")) {
        return List.of();
      }
      List<Double> shares = numbers(root, "shares", 0, 1, true);
      Node n = root.entries().get("shares").value();
      if (shares.size() > length) {
        error(n.pos(), "shares has " + shares.size() + " months but migration.lengthMonths is " + length);
      }
      if (!shares.isEmpty() && shares.get(shares.size() - 1) < 1.0 && n instanceof ListNode l) {
        error(l.items().get(l.items().size() - 1).pos(), "the last share must be 1 (everything moved); it is "
            + shares.get(shares.size() - 1));
      }
      return shares;
    }

    private OneOff oneOff(MapNode root, int months) {
      MapNode o = map(root, "oneOff");
      keys(o, "oneOff.", "dataTransfer", "engineering", "other");
      boolean transfer = bool(o, "dataTransfer", true);
      MapNode eng = o == null ? null : map(o, "engineering");
      keys(eng, "oneOff.engineering.", "personDays", "dayRateUsd");
      double days = number(eng, "personDays", 0, 0, 1_000_000);
      double rate = number(eng, "dayRateUsd", 0, 0, 100_000);
      if (eng != null && days > 0 && !eng.entries().containsKey("dayRateUsd")) {
        error(eng.pos(), "engineering gives personDays but no dayRateUsd");
      }
      List<Other> other = new ArrayList<>();
      Entry e = o == null ? null : o.entries().get("other");
      if (e != null) {
        if (e.value() instanceof ListNode l) {
          for (int i = 0; i < l.items().size(); i++) {
            Node n = l.items().get(i);
            if (!(n instanceof MapNode m)) {
              error(n.pos(), "oneOff.other[" + i + "] must be a mapping (month, usd, what)");
              continue;
            }
            keys(m, "oneOff.other[" + i + "].", "month", "usd", "what");
            int month = integer(m, "month", 0, 0, MAX_MONTHS);
            if (month >= months) {
              error(Fields.at(m, "month"), "month " + month + " is not inside the " + months + "-month timeline");
            }
            if (!m.entries().containsKey("usd")) {
              error(m.pos(), "oneOff.other[" + i + "] needs 'usd'");
            }
            other.add(new Other(month, number(m, "usd", 0, 0, 1e12), string(m, "what", "one-off cost")));
          }
        } else {
          error(e.value().pos(), "oneOff.other must be a list, got " + e.value().describe());
        }
      }
      return new OneOff(transfer, days, rate, other);
    }

    private Link link(MapNode root) {
      MapNode l = map(root, "link");
      keys(l, "link.", "type", "tunnels", "tunnelGbps", "ipsecEfficiency", "peakToAverage", "capacityGbps",
          "hourlyUsd", "egressUsdPerGib");
      String type = choice(l, "type", "ha-vpn", LINK_TYPES);
      int tunnels = integer(l, "tunnels", DEFAULT_TUNNELS, 1, 64);
      double tunnelGbps = number(l, "tunnelGbps", DEFAULT_TUNNEL_GBPS, 0.01, 100);
      double eff = number(l, "ipsecEfficiency", DEFAULT_IPSEC_EFFICIENCY, 0.01, 1);
      Double p2a = l != null && l.entries().containsKey("peakToAverage") ? number(l, "peakToAverage", 3, 1, 100) : null;
      Double cap = l != null && l.entries().containsKey("capacityGbps") ? number(l, "capacityGbps", 10, 0.05, 1000) : null;
      Double hourly = l != null && l.entries().containsKey("hourlyUsd") ? number(l, "hourlyUsd", 0, 0, 1e6) : null;
      Double egress = l != null && l.entries().containsKey("egressUsdPerGib") ? number(l, "egressUsdPerGib", 0, 0, 10) : null;
      if (type.endsWith("interconnect")) {
        Position at = l == null ? root.pos() : Fields.at(l, "type");
        if (cap == null) {
          error(at, "link type " + type + " needs capacityGbps (Partner: 0.05-50, Dedicated: 10 or 100 per circuit)");
        }
        if ("partner-interconnect".equals(type) && cap != null && cap > 50) {
          error(Fields.at(l, "capacityGbps"), "Partner Interconnect attachments go up to 50 Gbps; use dedicated-interconnect");
        }
      }
      return new Link(type, tunnels, tunnelGbps, eff, p2a, cap, hourly, egress);
    }

    // ---- typed accessors: each returns the default (and records an error) when the value is wrong

    private MapNode map(MapNode parent, String key) {
      if (parent == null) {
        return null;
      }
      Entry e = parent.entries().get(key);
      if (e == null) {
        return null;
      }
      if (e.value() instanceof MapNode m) {
        return m;
      }
      error(e.value().pos(), Echo.quote(key) + " must be a mapping, got " + e.value().describe());
      return null;
    }

    private Scalar scalar(MapNode m, String key) {
      return fields.single(m, key);
    }

    /** Reports the keys of {@code m} not in {@code allowed}; {@code where} is its path ("" for the top level). */
    private void keys(MapNode m, String where, String... allowed) {
      fields.unknown(m, where.isEmpty() ? "the scenario" : where.substring(0, where.length() - 1),
          new TreeSet<>(List.of(allowed)));
    }

    private String string(MapNode m, String key, String dflt) {
      Scalar s = scalar(m, key);
      return s == null ? dflt : s.text();
    }

    private String choice(MapNode m, String key, String dflt, Set<String> allowed) {
      Scalar s = scalar(m, key);
      if (s == null) {
        return dflt;
      }
      if (!allowed.contains(s.text())) {
        error(s.pos(), Echo.quote(key) + " is " + Echo.quote(s.text()) + ", expected one of: " + String.join(", ", new TreeSet<>(allowed)));
        return dflt;
      }
      return s.text();
    }

    private boolean bool(MapNode m, String key, boolean dflt) {
      Scalar s = scalar(m, key);
      if (s == null) {
        return dflt;
      }
      String t = s.text().toLowerCase(Locale.ROOT);
      if (t.equals("true") || t.equals("false")) {
        return Boolean.parseBoolean(t);
      }
      error(s.pos(), Echo.quote(key) + " must be true or false, got " + Echo.quote(s.text()));
      return dflt;
    }

    private double number(MapNode m, String key, double dflt, double min, double max) {
      Scalar s = scalar(m, key);
      if (s == null) {
        return dflt;
      }
      return number(s, key, dflt, min, max);
    }

    private double number(Scalar s, String key, double dflt, double min, double max) {
      java.util.Optional<java.math.BigDecimal> d = s.decimal();
      if (d.isEmpty()) {
        error(s.pos(), Echo.quote(key) + " must be a number, got " + shown(s));
        return dflt;
      }
      // decimal() bounds the magnitude (10^300), so the double is finite
      double v = d.get().doubleValue();
      if (!(v >= min && v <= max)) {
        error(s.pos(), Echo.quote(key) + " is " + Echo.clip(s.text()) + ", must be between " + plain(min) + " and " + plain(max));
        return dflt;
      }
      return v;
    }

    private int integer(MapNode m, String key, int dflt, int min, int max) {
      Scalar s = scalar(m, key);
      if (s == null) {
        return dflt;
      }
      java.util.Optional<java.math.BigDecimal> d = s.decimal();
      if (d.isEmpty() || d.get().signum() != 0 && d.get().stripTrailingZeros().scale() > 0) {
        error(s.pos(), Echo.quote(key) + " must be a whole number, got " + shown(s));
        return dflt;
      }
      java.math.BigDecimal v = d.get();
      if (v.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || v.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
        error(s.pos(), Echo.quote(key) + " is " + Echo.clip(s.text()) + ", must be between " + min + " and " + max);
        return dflt;
      }
      return v.intValueExact();
    }

    /** A scalar that is not a plain number, as a message shows it; YAML-typed numbers say what is wrong. */
    private static String shown(Scalar s) {
      String problem = s.numberProblem();
      return Echo.quote(s.text()) + (s.isNumber() && problem != null ? ", which " + problem : "");
    }

    private YearMonth yearMonth(MapNode m, String key) {
      Scalar s = scalar(m, key);
      if (s == null) {
        return null;
      }
      try {
        return YearMonth.parse(s.text());
      } catch (DateTimeParseException e) {
        error(s.pos(), Echo.quote(key) + " must be a month written YYYY-MM, got " + Echo.quote(s.text()));
        return null;
      }
    }

    private String cidr(MapNode m, String key, String dflt) {
      Scalar s = scalar(m, key);
      if (s == null) {
        return dflt;
      }
      try {
        Cidr.parse(s.text());
        return s.text();
      } catch (IllegalArgumentException e) {
        error(s.pos(), Echo.quote(key) + ": " + e.getMessage());
        return dflt;
      }
    }

    /** {@code network.onPremises}: IPv4 CIDR blocks, or null when the scenario does not say (the run's apply). */
    private List<String> onPremises(MapNode nw) {
      if (nw == null || !nw.entries().containsKey("onPremises")) {
        return null;
      }
      Node n = nw.entries().get("onPremises").value();
      List<String> out = new ArrayList<>();
      List<Node> items = n instanceof ListNode l ? l.items() : List.of(n);
      for (Node item : items) {
        if (!(item instanceof Scalar s) || s.text() == null || s.text().isBlank()) {
          error(item.pos(), "'onPremises' must be a list of IPv4 CIDR blocks (e.g. [192.168.0.0/16]), got "
              + item.describe());
          continue;
        }
        try {
          Cidr.parse(s.text());
          // the dependency graph attributes the flows with its own reader of ranges: it must accept them too
          dev.migrate.deps.DependencyOptions.DEFAULTS.withOnPremises(List.of(s.text()));
          out.add(s.text().trim());
        } catch (IllegalArgumentException e) {
          error(s.pos(), "'onPremises': " + e.getMessage().replaceFirst("^on-premises range ", ""));
        }
      }
      return out;
    }

    /** A list of numbers within [min, max]; {@code monotonic} requires each to be at least the one before. */
    private List<Double> numbers(MapNode m, String key, double min, double max, boolean monotonic) {
      if (m == null || !m.entries().containsKey(key)) {
        return List.of();
      }
      Node n = m.entries().get(key).value();
      if (!(n instanceof ListNode l)) {
        error(n.pos(), Echo.quote(key) + " must be a list of numbers, one per month, got " + n.describe());
        return List.of();
      }
      List<Double> out = new ArrayList<>();
      double prev = Double.NEGATIVE_INFINITY;
      for (Node item : l.items()) {
        if (!(item instanceof Scalar s) || s.text() == null) {
          error(item.pos(), Echo.quote(key) + " must hold numbers, got " + item.describe());
          continue;
        }
        double v = number(s, key, Double.NaN, min, max);
        if (Double.isNaN(v)) {
          continue;
        }
        if (monotonic && v < prev) {
          error(s.pos(), Echo.quote(key) + " is cumulative and must not go down: " + plain(v) + " after " + plain(prev));
        }
        prev = Math.max(prev, v);
        out.add(v);
      }
      return out;
    }

    private static String plain(double d) {
      return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
  }
}
