package dev.migrate.cost.hybrid;

import static dev.migrate.cost.hybrid.HybridModel.MC;

import dev.migrate.cost.hybrid.HybridModel.Flow;
import dev.migrate.cost.hybrid.HybridModel.MeasuredFlow;
import dev.migrate.cost.hybrid.HybridModel.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Proposes migration waves for an estate: storage and edge first (the data and static content a
 * typical EC2-to-GKE move takes first), then the application groups, each kept in one wave, packed
 * into the remaining waves within a limit of move units per wave and ordered so that the bytes
 * crossing the link while the waves sit in different clouds are as few as the greedy search finds.
 *
 * <p>Groups are the application groups measured from flow logs when the model has them, else the
 * application tag of each unit (else one group of untagged units). A group larger than the wave
 * limit is split by tier in the order the story moves them (batch, then web and load balancers,
 * then caches and databases, then the rest). Traffic between groups is the model's: measured flows
 * where flow logs cover both ends, its assumptions elsewhere (load balancer to backends, CDN origin
 * fetches, data stores to their clients by instance count).
 */
public final class WavePlanner {
  /** Most waves proposed (a wave a month; longer plans are hand-written). */
  public static final int MAX_WAVES = 12;
  /** Default wave limit: 1.5 x an even share of the units per wave, so groups of uneven size still fit. */
  static final double DEFAULT_SLACK = 1.5;
  /** Weeks of double running per wave: the shipped scenarios' default, long enough to roll back. */
  static final int DOUBLE_RUN_WEEKS = 4;

  private WavePlanner() {}

  /**
   * One proposed wave.
   *
   * @param name        wave name (valid in a scenario)
   * @param month       months after the migration start
   * @param units       move unit ids (item ids), sorted
   * @param groups      application groups (or group/tier parts) it takes, sorted
   * @param exchangeGib GiB per month it exchanges with units outside it at today's traffic, both directions
   * @param measuredGib the part of {@code exchangeGib} measured by flow logs
   */
  public record ProposedWave(String name, int month, List<String> units, List<String> groups, BigDecimal exchangeGib,
      BigDecimal measuredGib) {}

  /**
   * @param name            the scenario's name (and its file's, with {@code .yaml})
   * @param waves           the waves, in order
   * @param maxUnits        the limit of move units per wave used
   * @param groupsMeasured  the groups came from flow logs (else application tags and tiers)
   * @param notes           what the proposer had to do (groups split, limit exceeded, fewer waves)
   * @param description     one sentence for the scenario ("proposed plan: ...")
   * @param trafficBasis    where the traffic between waves came from, for the file's comment
   */
  public record Proposal(String name, List<ProposedWave> waves, int maxUnits, boolean groupsMeasured,
      List<String> notes, String description, String trafficBasis) {
    public Proposal {
      waves = List.copyOf(waves);
      notes = List.copyOf(notes);
    }

    /** The scenario file: each wave lists its units by id (for an estate of tens of thousands of units, megabytes). */
    public String yaml() {
      return WavePlanner.yaml(this, true);
    }

    /**
     * The plan as a scenario to run, with the {@code key.path=value} overrides applied as to a file: the units
     * of each wave are handed over as values, not written out and read back, so an estate of any size runs.
     *
     * @throws ScenarioException when an override is wrong
     */
    public Scenario scenario(List<String> sets) throws ScenarioException {
      return ScenarioReader.parse(WavePlanner.yaml(this, false), name + ".yaml", sets,
          waves.stream().map(ProposedWave::units).toList());
    }
  }

  /** Ordering phase of a tier in the story: storage and edge first, then batch, web, data stores, the rest. */
  private static int phase(String tier) {
    return switch (tier) {
      case "storage", "edge" -> -1;
      case "batch" -> 0;
      case "web", "lb" -> 1;
      case "cache", "db" -> 2;
      default -> 3;
    };
  }

  private static final String[] PHASE_NAMES = {"batch", "web", "data", "other"};

  /** A set of units that moves together: a group, or one tier part of a group too large for a wave. */
  private static final class Atom {
    final String group;
    final int phase;
    final List<Integer> units = new ArrayList<>();

    Atom(String group, int phase) {
      this.group = group;
      this.phase = phase;
    }

    String label(boolean split) {
      return split ? group + "/" + (phase < 0 ? "storage" : PHASE_NAMES[phase]) : group;
    }
  }

  /**
   * Proposes {@code waves} waves (1..{@link #MAX_WAVES}); {@code maxUnits} is the limit of move units
   * per wave, or null for the default.
   */
  public static Proposal propose(HybridModel model, int waves, Integer maxUnits, String scenarioName) {
    if (waves < 1 || waves > MAX_WAVES) {
      throw new IllegalArgumentException("waves must be 1.." + MAX_WAVES + ", got " + waves);
    }
    List<String> notes = new ArrayList<>();
    boolean measuredGroups = model.groupsMeasured;
    // Groups of units: measured application group, else application tag, else untagged.
    Map<String, List<Integer>> byGroup = new TreeMap<>();
    Map<String, Boolean> measuredGroupMovesCompute = new TreeMap<>();
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < model.units.size(); i++) {
      Unit u = model.units.get(i);
      if (i == model.shared) {
        continue;
      }
      String g = measuredGroups && u.group != null ? u.group : u.apps.isEmpty() ? "untagged" : u.apps.first();
      byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
      if (measuredGroups && u.group != null) {
        measuredGroupMovesCompute.merge(u.group, phase(u.tier) >= 0, Boolean::logicalOr);
      }
    }
    // Storage and edge go first, unless the flows put the unit itself in a group with units of other tiers.
    Map<String, List<Integer>> rest = new TreeMap<>();
    for (var e : byGroup.entrySet()) {
      for (int ui : e.getValue()) {
        Unit u = model.units.get(ui);
        boolean tied = u.group != null && measuredGroups && measuredGroupMovesCompute.getOrDefault(u.group, false);
        if (!tied && phase(u.tier) < 0) {
          first.add(ui);
        } else {
          rest.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ui);
        }
      }
    }
    int restUnits = rest.values().stream().mapToInt(List::size).sum();
    int slots = first.isEmpty() ? waves : waves - 1;
    if (slots == 0) { // one wave asked for: everything in it
      first.clear();
      rest.clear();
      slots = 1;
      for (int i = 0; i < model.units.size(); i++) {
        if (i != model.shared) {
          rest.computeIfAbsent("estate", k -> new ArrayList<>()).add(i);
        }
      }
      restUnits = model.unitCount();
    }
    int limit = maxUnits != null ? maxUnits : Math.max(1, (int) Math.ceil(DEFAULT_SLACK * restUnits / slots));
    // Atoms: a whole group, or its tier parts when it is larger than a wave may be.
    List<Atom> atoms = new ArrayList<>();
    List<Boolean> split = new ArrayList<>();
    for (var e : rest.entrySet()) {
      if (e.getValue().size() <= limit) {
        int p = 3;
        for (int ui : e.getValue()) {
          p = Math.min(p, Math.max(0, phase(model.units.get(ui).tier)));
        }
        Atom a = new Atom(e.getKey(), p);
        a.units.addAll(e.getValue());
        atoms.add(a);
        split.add(false);
        continue;
      }
      Map<Integer, Atom> parts = new TreeMap<>();
      for (int ui : e.getValue()) {
        int p = Math.max(0, phase(model.units.get(ui).tier));
        parts.computeIfAbsent(p, k -> new Atom(e.getKey(), k)).units.add(ui);
      }
      notes.add("group " + e.getKey() + " has " + e.getValue().size() + " units, more than the " + limit
          + " a wave may take: split by tier into " + parts.size() + " part(s)");
      for (Atom a : parts.values()) {
        if (a.units.size() > limit) {
          notes.add("part " + a.label(true) + " has " + a.units.size() + " units, more than " + limit
              + ": kept together in one wave");
        }
        atoms.add(a);
        split.add(true);
      }
    }
    int n = atoms.size();
    int[] atomOf = new int[model.units.size()];
    java.util.Arrays.fill(atomOf, -2); // -2: the shared unit; -1: the first wave
    for (int ui : first) {
      atomOf[ui] = -1;
    }
    for (int a = 0; a < n; a++) {
      for (int ui : atoms.get(a).units) {
        atomOf[ui] = a;
      }
    }
    // Traffic between atoms (and each atom with the first wave at index n), GiB per month, both directions.
    BigDecimal[][] t = new BigDecimal[n + 1][n + 1];
    BigDecimal[][] measured = new BigDecimal[n + 1][n + 1];
    for (int a = 0; a <= n; a++) {
      java.util.Arrays.fill(t[a], BigDecimal.ZERO);
      java.util.Arrays.fill(measured[a], BigDecimal.ZERO);
    }
    traffic(model, atomOf, n, t, measured);
    // Greedy: merge the two clusters that exchange the most bytes while they fit, until as many as the slots.
    // The search runs on doubles over a cluster-by-cluster matrix updated in place (an ordering heuristic,
    // not money): O(clusters^2) a merge.
    List<List<Integer>> clusters = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    double[][] between = new double[n][n];
    for (int a = 0; a < n; a++) {
      clusters.add(new ArrayList<>(List.of(a)));
      sizes.add(atoms.get(a).units.size());
      for (int b = 0; b < n; b++) {
        between[a][b] = t[a][b].doubleValue();
      }
    }
    int[] slot = new int[n]; // cluster k lives in row slot[k] of the matrix
    for (int a = 0; a < n; a++) {
      slot[a] = a;
    }
    boolean overLimit = false;
    while (clusters.size() > slots) {
      int bi = -1;
      int bj = -1;
      double best = -1;
      int bestSize = Integer.MAX_VALUE;
      boolean bestFits = false;
      for (int i = 0; i < clusters.size(); i++) {
        for (int j = i + 1; j < clusters.size(); j++) {
          int size = sizes.get(i) + sizes.get(j);
          boolean fits = size <= limit;
          double bytes = between[slot[i]][slot[j]];
          boolean better = bi < 0 || (fits && !bestFits)
              || (fits == bestFits && (fits ? bytes > best || (bytes == best && size < bestSize) : size < bestSize));
          if (better) {
            bi = i;
            bj = j;
            best = bytes;
            bestSize = size;
            bestFits = fits;
          }
        }
      }
      overLimit |= !bestFits;
      int ri = slot[bi];
      int rj = slot[bj];
      for (int k = 0; k < n; k++) {
        between[ri][k] += between[rj][k];
        between[k][ri] += between[k][rj];
      }
      between[ri][ri] = 0;
      clusters.get(bi).addAll(clusters.remove(bj));
      sizes.set(bi, bestSize);
      sizes.remove(bj);
      System.arraycopy(slot, bj + 1, slot, bj, clusters.size() - bj);
    }
    if (overLimit) {
      notes.add("the groups do not fit " + slots + " wave(s) of at most " + limit + " units: the smallest were"
          + " put together beyond the limit (give more waves or --max-wave-units)");
    }
    if (clusters.size() < slots) {
      notes.add("only " + (clusters.size() + (first.isEmpty() ? 0 : 1)) + " wave(s): the estate has no more groups"
          + " to spread over " + waves);
    }
    // Order: the story's phases first, then adjacent swaps while they lower sum(bytes x waves apart).
    clusters.sort(Comparator.comparingInt((List<Integer> c) -> minPhase(atoms, c))
        .thenComparing(c -> atoms.get(c.get(0)).group));
    improveOrder(clusters, t, n);
    // The waves.
    List<ProposedWave> out = new ArrayList<>();
    int month = 0;
    if (!first.isEmpty()) {
      List<String> ids = ids(model, first);
      out.add(new ProposedWave("wave-1-storage-and-edge", month++, ids, List.of("storage and edge"),
          rowSum(t, n, n), rowSum(measured, n, n)));
    }
    for (List<Integer> c : clusters) {
      List<Integer> units = new ArrayList<>();
      List<String> groups = new ArrayList<>();
      BigDecimal ex = BigDecimal.ZERO;
      BigDecimal me = BigDecimal.ZERO;
      for (int a : c) {
        units.addAll(atoms.get(a).units);
        groups.add(atoms.get(a).label(split.get(a)));
      }
      java.util.Set<Integer> inWave = new java.util.HashSet<>(c);
      for (int a : c) {
        for (int b = 0; b <= n; b++) {
          if (!inWave.contains(b)) {
            ex = ex.add(t[a][b]);
            me = me.add(measured[a][b]);
          }
        }
      }
      groups.sort(null);
      // Named by number only: group names are application tag values, which an anonymised report must not show.
      out.add(new ProposedWave("wave-" + (month + 1), month++, ids(model, units), List.copyOf(groups), ex, me));
    }
    String description = "proposed plan: " + out.size() + " waves, " + (measuredGroups
        ? "application groups measured from flow logs" : "grouped by application tags and tiers (not measured)")
        + ", at most " + limit + " units a wave, no engineering effort counted";
    String basis = model.hasMeasuredFlows()
        ? "measured by flow logs where they cover both ends (" + model.measuredSource + "), assumed elsewhere"
        : "assumed (no flow logs: load balancer to backends, CDN origin fetches, data stores to clients)";
    return new Proposal(scenarioName, out, limit, measuredGroups, notes, description, basis);
  }

  /**
   * The model's traffic between units, summed per atom pair (index n: the first wave), both directions in
   * each cell's row: measured flows, the assumed flows, and data stores with their clients by instance count.
   */
  private static void traffic(HybridModel model, int[] atomOf, int n, BigDecimal[][] t, BigDecimal[][] measured) {
    for (MeasuredFlow f : model.measured) {
      add(t, atomOf, n, f.src(), f.dst(), f.gib());
      add(measured, atomOf, n, f.src(), f.dst(), f.gib());
    }
    for (Flow f : model.flows) {
      add(t, atomOf, n, f.src(), f.dst(), f.cdn() ? f.gib().multiply(f.missRatio(), MC) : f.gib());
    }
    // Data stores: their client traffic over the client units by instance count (only over the clients the
    // flows do not cover when the data store is covered), summed per atom first.
    long total = 0;
    Map<Integer, long[]> clientsByAtom = new TreeMap<>();
    for (int i = 0; i < model.units.size(); i++) {
      Unit u = model.units.get(i);
      if (i == model.shared || !u.isClient()) {
        continue;
      }
      long w = Math.max(1, u.instances);
      total += w;
      long[] c = clientsByAtom.computeIfAbsent(atomOf[i], k -> new long[2]);
      c[0] += w;
      c[1] += u.covered ? 0 : w;
    }
    if (total == 0) {
      return;
    }
    for (int i = 0; i < model.units.size(); i++) {
      Unit u = model.units.get(i);
      BigDecimal gib = u.clientOutGib.add(u.clientInGib);
      if (i == model.shared || gib.signum() == 0) {
        continue;
      }
      for (var e : clientsByAtom.entrySet()) {
        long w = u.covered ? e.getValue()[1] : e.getValue()[0];
        if (w == 0) {
          continue;
        }
        BigDecimal share = gib.multiply(BigDecimal.valueOf(w), MC).divide(BigDecimal.valueOf(total), MC);
        addAtoms(t, idx(atomOf[i], n), idx(e.getKey(), n), share);
      }
    }
  }

  private static int idx(int atom, int n) {
    return atom == -1 ? n : atom;
  }

  private static void add(BigDecimal[][] t, int[] atomOf, int n, int src, int dst, BigDecimal gib) {
    if (atomOf[src] == -2 || atomOf[dst] == -2) {
      return; // the shared unit moves with whatever runs
    }
    addAtoms(t, idx(atomOf[src], n), idx(atomOf[dst], n), gib);
  }

  private static void addAtoms(BigDecimal[][] t, int a, int b, BigDecimal gib) {
    if (a == b) {
      return;
    }
    t[a][b] = t[a][b].add(gib);
    t[b][a] = t[b][a].add(gib);
  }

  private static int size(List<Atom> atoms, List<Integer> cluster) {
    int s = 0;
    for (int a : cluster) {
      s += atoms.get(a).units.size();
    }
    return s;
  }

  private static int minPhase(List<Atom> atoms, List<Integer> cluster) {
    int p = Integer.MAX_VALUE;
    for (int a : cluster) {
      p = Math.min(p, atoms.get(a).phase);
    }
    return p;
  }

  /**
   * Swaps neighbouring waves while a swap lowers the crossing cost: sum over pairs of waves of the bytes they
   * exchange x the waves between them (the months those bytes cross the link, one wave a month).
   */
  private static void improveOrder(List<List<Integer>> clusters, BigDecimal[][] t, int n) {
    int c = clusters.size();
    int[] clusterOf = new int[n];
    for (int k = 0; k < c; k++) {
      for (int a : clusters.get(k)) {
        clusterOf[a] = k;
      }
    }
    double[][] w = new double[c][c];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (clusterOf[a] != clusterOf[b]) {
          w[clusterOf[a]][clusterOf[b]] += t[a][b].doubleValue();
        }
      }
    }
    int[] order = new int[c];
    for (int k = 0; k < c; k++) {
      order[k] = k;
    }
    boolean changed = true;
    for (int pass = 0; changed && pass < c * c; pass++) {
      changed = false;
      for (int i = 0; i + 1 < c; i++) {
        double before = cost(order, w);
        swap(order, i);
        if (cost(order, w) < before - 1e-9) {
          changed = true;
        } else {
          swap(order, i);
        }
      }
    }
    List<List<Integer>> sorted = new ArrayList<>();
    for (int k : order) {
      sorted.add(clusters.get(k));
    }
    clusters.clear();
    clusters.addAll(sorted);
  }

  private static void swap(int[] order, int i) {
    int x = order[i];
    order[i] = order[i + 1];
    order[i + 1] = x;
  }

  private static double cost(int[] order, double[][] w) {
    double c = 0;
    for (int i = 0; i < order.length; i++) {
      for (int j = i + 1; j < order.length; j++) {
        c += w[order[i]][order[j]] * (j - i);
      }
    }
    return c;
  }

  private static BigDecimal rowSum(BigDecimal[][] t, int row, int n) {
    BigDecimal s = BigDecimal.ZERO;
    for (int b = 0; b < n; b++) {
      s = s.add(t[row][b]);
    }
    return s;
  }

  private static List<String> ids(HybridModel model, List<Integer> units) {
    return units.stream().map(ui -> model.units.get(ui).id).sorted().toList();
  }

  /**
   * The scenario text of a proposal; {@code listUnits} false leaves each wave's units out (its select is then
   * empty but for the last wave's {@code rest}), for {@link Proposal#scenario} to hand them over as values.
   */
  private static String yaml(Proposal p, boolean listUnits) {
    List<ProposedWave> waves = p.waves();
    StringBuilder y = new StringBuilder();
    y.append("# Proposed by migrate whatif --propose-waves: ").append(p.description()).append(".\n");
    y.append("# Traffic between waves is ").append(p.trafficBasis()).append(".\n");
    for (String note : p.notes()) {
      y.append("# Note: ").append(comment(note)).append(".\n");
    }
    y.append("name: ").append(p.name()).append('\n');
    y.append("description: ").append(quote(p.description())).append('\n');
    y.append("migration:\n  startMonth: 1\n  lengthMonths: ").append(waves.size())
        .append("\n  doubleRunWeeks: ").append(DOUBLE_RUN_WEEKS).append('\n');
    y.append("waves:\n");
    for (int k = 0; k < waves.size(); k++) {
      ProposedWave w = waves.get(k);
      y.append("  # ").append(w.units().size()).append(" unit(s): ").append(comment(String.join(", ", w.groups())))
          .append("; exchanges ").append(gib(w.exchangeGib())).append(" GiB/month with the other waves (")
          .append(dev.migrate.cost.Timeline.basis(w.exchangeGib(), w.measuredGib())).append(")\n");
      y.append("  - name: ").append(w.name()).append('\n');
      y.append("    month: ").append(w.month()).append('\n');
      boolean last = k == waves.size() - 1;
      if (!listUnits) {
        y.append(last ? "    select:\n      rest: true\n" : "    select: {}\n");
        continue;
      }
      y.append("    select:\n");
      if (last) {
        y.append("      rest: true\n");
      }
      y.append("      items:\n");
      for (String id : w.units()) {
        y.append("        - ").append(quote(id)).append('\n');
      }
    }
    y.append("# Engineering effort is not counted: add engineering: {personDays: N, dayRateUsd: USD} under oneOff.\n");
    y.append("oneOff:\n  dataTransfer: true\n");
    y.append("link:\n  type: ha-vpn\n  tunnels: 4\n");
    return y.toString();
  }

  /**
   * Text safe inside a YAML comment: group names are tag values, and a line break in one would end the comment
   * and put the rest into the scenario.
   */
  static String comment(String text) {
    return text.replaceAll("[\\p{Cntrl}\u0085\u2028\u2029]", " ");
  }

  private static String gib(BigDecimal g) {
    return g.setScale(1, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A YAML single-quoted scalar. */
  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** For tests and the console: the waves one per line. */
  public static String summary(Proposal p) {
    StringBuilder b = new StringBuilder(p.description()).append('\n');
    int width = p.waves().stream().mapToInt(w -> w.name().length()).max().orElse(0);
    for (ProposedWave w : p.waves()) {
      b.append(String.format(Locale.ROOT, "  %-" + width + "s  month %d  %4d unit(s)  %10s GiB/month with the other"
          + " waves (%s): %s%n", w.name(), w.month(), w.units().size(), gib(w.exchangeGib()),
          dev.migrate.cost.Timeline.basis(w.exchangeGib(), w.measuredGib()), String.join(", ", w.groups())));
    }
    p.notes().forEach(n -> b.append("  note: ").append(n).append('\n'));
    return b.toString();
  }
}
