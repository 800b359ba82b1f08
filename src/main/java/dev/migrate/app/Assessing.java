package dev.migrate.app;

import dev.migrate.cost.Assessment;
import dev.migrate.cost.CostOptions;
import dev.migrate.cost.Timeline;
import dev.migrate.inventory.Billing;
import dev.migrate.inventory.Snapshot;
import dev.migrate.inventory.SnapshotFormatException;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.topology.Topology;
import dev.migrate.plan.MigrationPlan;
import dev.migrate.pricing.PriceBook;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The {@code assess} pipeline: snapshot (bundled sample, a file, or a fresh collection) ->
 * rules -> costs -> reports. Every stage after reading the snapshot is a pure function of
 * its inputs and the clock.
 */
public final class Assessing {
  /** Where the bundled sample estate lives inside the jar (the pom copies it there). */
  static final String SAMPLE_RESOURCE = "/sample-data/tableapp/snapshot.json";

  private final Clock clock;

  public Assessing(Clock clock) {
    this.clock = clock;
  }

  /**
   * Where the snapshot comes from: exactly one of {@code sample}, {@code snapshots}, {@code collect} and
   * {@code organization} is set.
   *
   * @param snapshots           snapshot files and folders of them: one account, or several assessed together as an
   *                            estate; empty when not from files
   * @param billExport          AWS Data Exports folder, file or s3:// prefix whose bill replaces the snapshot's for this
   *                            run, or null to keep the snapshot's bill
   * @param billExportEndpoint  endpoint override for an s3:// {@code billExport} read without a collection, or null
   * @param account             the one account of the estate to assess ({@code --account}), or null for all
   * @param organization        collect every account of an AWS Organization into a folder first, then assess them
   *                            ({@code --organization}), or null
   */
  public record Source(boolean sample, List<Path> snapshots, CollectRequest collect, String billExport,
      String billExportEndpoint, String account, OrganizationRequest organization) {
    public Source {
      snapshots = snapshots == null ? List.of() : List.copyOf(snapshots);
      int given = (sample ? 1 : 0) + (snapshots.isEmpty() ? 0 : 1) + (collect != null ? 1 : 0)
          + (organization != null ? 1 : 0);
      if (given != 1) {
        throw new IllegalArgumentException("exactly one snapshot source");
      }
    }

    /** A source that is not a collection of an organization. */
    public Source(boolean sample, List<Path> snapshots, CollectRequest collect, String billExport,
        String billExportEndpoint, String account) {
      this(sample, snapshots, collect, billExport, billExportEndpoint, account, null);
    }

    /** One snapshot file, the sample or a collection, with the source's own bill. */
    public Source(boolean sample, Path snapshot, CollectRequest collect) {
      this(sample, snapshot == null ? List.of() : List.of(snapshot), collect, null, null, null);
    }

    /** What the source is called in messages. */
    String label() {
      return sample ? "the sample" : snapshots.size() == 1 ? snapshots.get(0).toString() : "the estate";
    }
  }

  /**
   * The cost knobs the command line offers; null means the cost model's default.
   *
   * @param targetPricing  how Google Cloud compute is bought
   * @param spotShare      share of node hours on Spot VMs with {@code spot}, 0..1
   * @param gkeMode        how GKE workloads are priced
   * @param settings       further {@code name=value} cost options ({@code --cost-option})
   */
  public record CostChoices(Choices.TargetPricing targetPricing, BigDecimal spotShare, Choices.GkeMode gkeMode,
      List<String> settings, List<String> onPremises) {
    public CostChoices {
      settings = List.copyOf(settings);
      onPremises = onPremises == null ? List.of() : List.copyOf(onPremises);
    }

    /** Choices without on-premises ranges. */
    public CostChoices(Choices.TargetPricing targetPricing, BigDecimal spotShare, Choices.GkeMode gkeMode,
        List<String> settings) {
      this(targetPricing, spotShare, gkeMode, settings, List.of());
    }
  }

  /**
   * @param source      snapshot source
   * @param plan        rules and sizing choices
   * @param priceBook   price book folder, or null for the bundled one
   * @param cost        cost knobs
   * @param outDir      where files go
   * @param formats     what to write
   * @param anonymize   pseudonyms instead of ids, names and tag values
   * @param anonymizeSalt  secret salt of the pseudonyms, or null for a random one each run
   * @param sizing      how the outputs that grow with the estate are written (cost lines in the JSON, gzip)
   */
  public record Request(Source source, Planning.PlanRequest plan, Path priceBook, CostChoices cost, Path outDir,
      Set<Reporting.Format> formats, boolean anonymize, String anonymizeSalt, Reporting.Sizing sizing) {
    public Request {
      sizing = sizing == null ? Reporting.Sizing.FULL : sizing;
    }

    /** A request whose outputs are written in full. */
    public Request(Source source, Planning.PlanRequest plan, Path priceBook, CostChoices cost, Path outDir,
        Set<Reporting.Format> formats, boolean anonymize, String anonymizeSalt) {
      this(source, plan, priceBook, cost, outDir, formats, anonymize, anonymizeSalt, Reporting.Sizing.FULL);
    }

    /** A request with a random salt when anonymising. */
    public Request(Source source, Planning.PlanRequest plan, Path priceBook, CostChoices cost, Path outDir,
        Set<Reporting.Format> formats, boolean anonymize) {
      this(source, plan, priceBook, cost, outDir, formats, anonymize, null);
    }
  }

  /**
   * What-if scenarios to project over the assessment.
   *
   * @param files   scenario files
   * @param sets    {@code key.path=value} overrides applied to every scenario
   * @param sample  run the shipped sample scenarios (when {@code files} is empty)
   */
  public record Scenarios(List<Path> files, List<String> sets, boolean sample, Proposal propose) {
    public Scenarios {
      files = List.copyOf(files);
      sets = List.copyOf(sets);
    }

    /** Scenario files (or the shipped samples) without a proposal. */
    public Scenarios(List<Path> files, List<String> sets, boolean sample) {
      this(files, sets, sample, null);
    }

    boolean any() {
      return sample || !files.isEmpty();
    }
  }

  /**
   * Waves to propose and run before any scenario files.
   *
   * @param waves     how many (1..12)
   * @param maxUnits  move units a wave may take, or null for the default
   * @param write     write the scenario to {@code proposed-waves.yaml} in the output folder and print the waves
   *                  ({@code whatif --propose-waves}); false when {@code assess} runs it as its default plan
   */
  public record Proposal(int waves, Integer maxUnits, boolean write) {}

  /**
   * Runs the pipeline, projects the scenarios (if any) and prints their comparison, writes the
   * reports, and returns the assessment.
   */
  public Assessment run(Request req, Scenarios scenarios, PrintStream out, PrintStream err) {
    // The daily points were checked while reading; no stage after it reads them, so the run does not keep them to
    // its last output (at 200,000 instances with 30 days, about 150 MB of heap).
    Snapshot snapshot = withoutDailyPoints(snapshot(req.source(), err));
    // One index of the snapshot for the whole run: the plan, the cost model, the what-if and the reports read it.
    Topology topology = Topology.of(snapshot);
    MigrationPlan plan = Planning.plan(topology, req.plan());
    PriceBook book = Costing.priceBook(req.priceBook());
    Assessment assessment = Costing.assess(topology, plan, book, costOptions(req.cost()), clock);
    if (scenarios.propose() != null) {
      assessment = proposeAndRun(assessment, book, scenarios, req.outDir(), out, err);
    } else if (scenarios.any()) {
      List<Timeline> timelines = scenarios.sample()
          ? WhatIf.runSample(assessment, book, scenarios.sets())
          : WhatIf.run(assessment, book, scenarios.files(), scenarios.sets());
      assessment = WhatIf.withTimelines(assessment, timelines);
      out.println(dev.migrate.io.Terminal.safeLines(WhatIf.compare(timelines)));
    }
    List<Path> written = Reporting.write(assessment, req.outDir(), req.formats(), req.anonymize(), req.anonymizeSalt(),
        req.sizing(), out, err::println);
    if (!req.formats().contains(Reporting.Format.CONSOLE)) {
      written.forEach(p -> out.println(p));
    }
    return assessment;
  }

  /**
   * Proposes waves and runs them (and any scenario files after them). Written and printed for
   * {@code whatif --propose-waves}; for {@code assess}'s default plan only run, so that the Summary's hybrid
   * months are always filled (an estate with nothing to move has none, and says so on stderr).
   */
  private static Assessment proposeAndRun(Assessment assessment, PriceBook book, Scenarios scenarios, Path outDir,
      PrintStream out, PrintStream err) {
    Proposal p = scenarios.propose();
    WhatIf.Proposed proposed = WhatIf.propose(assessment, book, p.waves(), p.maxUnits(), scenarios.sets());
    if (proposed == null) {
      if (p.write()) {
        throw new Failure(Failure.Kind.INVALID_INPUT, "--propose-waves: the estate has nothing to move (no items in"
            + " the snapshot or the plan)");
      }
      err.println("migrate: no hybrid months: the estate has nothing to move");
      return assessment;
    }
    if (p.write()) {
      Path file = outDir.resolve(WhatIf.PROPOSED + ".yaml");
      String yaml = proposed.proposal().yaml();
      try {
        java.nio.file.Files.createDirectories(outDir);
        dev.migrate.io.AtomicFiles.writeString(file, yaml);
      } catch (IOException e) {
        throw new Failure(Failure.Kind.OUTPUT, "cannot write " + file + ": " + e.getMessage(), e);
      }
      out.print(dev.migrate.io.Terminal.safeLines(dev.migrate.cost.hybrid.WavePlanner.summary(proposed.proposal())));
      out.println("proposed waves written to " + file);
      if (yaml.length() > dev.migrate.io.Yaml.MAX_CHARS) {
        // This run projects the plan as it stands; the file is there to read and edit, not to pass back as it is.
        err.println("migrate: note: " + file + " lists " + proposed.model().unitCount() + " move units by id in "
            + yaml.length() + " characters, more than the " + dev.migrate.io.Yaml.MAX_CHARS + " a scenario file may"
            + " have: --scenario cannot read it back as it is; select with apps, tiers or roles to shorten it"
            + " (sample-data/scenarios/README.md)");
      }
    }
    List<Timeline> timelines = WhatIf.run(proposed, scenarios.files(), scenarios.sets());
    if (p.write()) {
      out.println(dev.migrate.io.Terminal.safeLines(WhatIf.compare(timelines)));
    }
    return WhatIf.withTimelines(assessment, timelines);
  }

  /** The snapshot with every usage record's daily points dropped, or the same snapshot when it has none. */
  static Snapshot withoutDailyPoints(Snapshot s) {
    if (s.usage().stream().allMatch(u -> u.daily().isEmpty())) {
      return s;
    }
    return s.withUsage(s.usage().stream().map(dev.migrate.inventory.Usage::withoutDaily).toList());
  }

  /** Reads or collects the snapshot the source names. */
  public Snapshot snapshot(Source source, PrintStream err) {
    if (source.organization() != null) {
      OrganizationCollection.Collected c = new OrganizationCollection(clock).collect(source.organization(), err);
      err.println("migrate: estate written to " + c.folder());
      return EstateReading.read(List.of(c.folder()), source.account(), w -> err.println("migrate: warning: " + w));
    }
    if (source.collect() == null) {
      // The export is read first, as collect does: a bad export fails at once, before anything else is done.
      Billing bill = source.billExport() == null ? null
          : BillExport.read(source.billExport(), null, source.billExportEndpoint(), clock, err);
      Snapshot s = source.sample() ? bundledSample()
          : EstateReading.read(source.snapshots(), source.account(), w -> err.println("migrate: warning: " + w));
      if (bill == null) {
        return s;
      }
      err.println("migrate: the bill of " + source.label() + " is replaced by the "
          + "Data Exports bill for this run (the snapshot file is not changed)");
      return s.withBilling(bill);
    }
    Collection collection = new Collection(clock);
    Collection.Collected collected = collection.collectToFile(source.collect(), source.billExport(), err);
    err.println("migrate: snapshot written to " + collected.file());
    return collected.snapshot();
  }

  /** The bundled sample estate (sample-data/tableapp), read from the jar. */
  static Snapshot bundledSample() {
    try (InputStream in = Assessing.class.getResourceAsStream(SAMPLE_RESOURCE)) {
      if (in == null) {
        throw new Failure(Failure.Kind.INVALID_INPUT, "the bundled sample estate is missing from this build"
            + " (rebuild with 'mvn package' from the repository)");
      }
      return SnapshotJson.read(in, "sample-data/tableapp/snapshot.json (bundled)");
    } catch (SnapshotFormatException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, e.getMessage());
    } catch (IOException e) {
      throw new Failure(Failure.Kind.INVALID_INPUT, "cannot read the bundled sample: " + e.getMessage());
    }
  }

  static CostOptions costOptions(CostChoices c) {
    CostOptions d = CostOptions.defaults();
    CostOptions.TargetPricing pricing = c.targetPricing() == null ? d.targetPricing() : c.targetPricing().pricing();
    BigDecimal spotShare = d.spotShare();
    if (c.spotShare() != null) {
      if (pricing != CostOptions.TargetPricing.SPOT_SHARE) {
        throw new Failure(Failure.Kind.USAGE, "--spot-share needs --target-pricing spot");
      }
      if (c.spotShare().signum() < 0 || c.spotShare().compareTo(BigDecimal.ONE) > 0) {
        throw new Failure(Failure.Kind.USAGE, "--spot-share " + c.spotShare() + ": give a share between 0 and 1, e.g. 0.3");
      }
      spotShare = c.spotShare();
    } else if (pricing == CostOptions.TargetPricing.SPOT_SHARE && spotShare.signum() == 0) {
      throw new Failure(Failure.Kind.USAGE, "--target-pricing spot needs --spot-share, e.g. --spot-share 0.3");
    }
    CostOptions.GkeMode gke = c.gkeMode() == null ? d.gkeMode() : c.gkeMode().mode();
    CostOptions base = d.toBuilder().targetPricing(pricing).spotShare(spotShare).gkeMode(gke).build();
    for (String range : c.onPremises()) {
      try {
        base = base.with("on-premises", range);
      } catch (IllegalArgumentException e) {
        throw new Failure(Failure.Kind.USAGE, "--on-premises " + dev.migrate.io.Echo.quote(range) + " is not an IPv4"
            + " CIDR block (a.b.c.d/n): give the ranges reached over VPN or Direct Connect, e.g. --on-premises"
            + " 192.168.0.0/16");
      }
    }
    return Costing.options(base, c.settings());
  }
}
