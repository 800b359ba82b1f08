package dev.migrate.app;

import dev.migrate.cost.CostOptions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of the command line that take one of a fixed set of words, as enums. Each
 * constant's {@link Choice#label() label} is the word a user types (also its {@code toString()},
 * so that help texts list the labels); each enum maps to what the stages take.
 */
public final class Choices {
  private Choices() {}

  /** A constant with the word that names it on the command line. */
  public interface Choice {
    String label();
  }

  /** {@code --target-pricing}: how Google Cloud compute is bought. */
  public enum TargetPricing implements Choice {
    ON_DEMAND("on-demand", CostOptions.TargetPricing.ON_DEMAND),
    SPOT("spot", CostOptions.TargetPricing.SPOT_SHARE),
    CUD_1Y("cud-1y", CostOptions.TargetPricing.CUD_1Y),
    CUD_3Y("cud-3y", CostOptions.TargetPricing.CUD_3Y);

    private final String label;
    private final CostOptions.TargetPricing pricing;

    TargetPricing(String label, CostOptions.TargetPricing pricing) {
      this.label = label;
      this.pricing = pricing;
    }

    @Override
    public String label() {
      return label;
    }

    CostOptions.TargetPricing pricing() {
      return pricing;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** {@code --gke-mode}: how GKE workloads are priced. */
  public enum GkeMode implements Choice {
    AS_PLANNED("as-planned", CostOptions.GkeMode.AS_PLANNED),
    STANDARD("standard", CostOptions.GkeMode.STANDARD),
    AUTOPILOT("autopilot", CostOptions.GkeMode.AUTOPILOT);

    private final String label;
    private final CostOptions.GkeMode mode;

    GkeMode(String label, CostOptions.GkeMode mode) {
      this.label = label;
      this.mode = mode;
    }

    @Override
    public String label() {
      return label;
    }

    CostOptions.GkeMode mode() {
      return mode;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** {@code --rightsizing}: keep the AWS size, or size by measured usage. */
  public enum Rightsizing implements Choice {
    AS_IS("as-is"),
    MEASURED("measured");

    private final String label;

    Rightsizing(String label) {
      this.label = label;
    }

    /** Also the strategy's name in rule files. */
    @Override
    public String label() {
      return label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** {@code --format}: one output, or all of them. */
  public enum Output implements Choice {
    XLSX("xlsx"),
    JSON("json"),
    CSV("csv"),
    CONSOLE("console"),
    ALL("all");

    private final String label;

    Output(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }

    @Override
    public String toString() {
      return label;
    }

    /** The formats a list of outputs names ({@code all}: every format). */
    public static Set<Reporting.Format> formats(List<Output> outputs) {
      var set = EnumSet.noneOf(Reporting.Format.class);
      for (Output o : outputs) {
        if (o == ALL) {
          set.addAll(Reporting.Format.all());
        } else {
          set.add(Reporting.Format.valueOf(o.name()));
        }
      }
      return set;
    }
  }

  /** {@code logs --log-format}: the access-log format Athena reads. */
  public enum LogFormat implements Choice {
    ALB("alb", dev.migrate.logs.LogFormat.ALB),
    CLB("clb", dev.migrate.logs.LogFormat.CLB),
    CLOUDFRONT("cloudfront", dev.migrate.logs.LogFormat.CLOUDFRONT),
    /** VPC Flow Logs: read into the snapshot's flow logs rather than usage. */
    VPC_FLOW("vpc-flow", null);

    private final String label;
    private final dev.migrate.logs.LogFormat format;

    LogFormat(String label, dev.migrate.logs.LogFormat format) {
      this.label = label;
      this.format = format;
    }

    @Override
    public String label() {
      return label;
    }

    dev.migrate.logs.LogFormat format() {
      return format;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** {@code deps --format}: how the dependency graph is written. */
  public enum DepsFormat implements Choice {
    TEXT("text"),
    DOT("dot"),
    JSON("json");

    private final String label;

    DepsFormat(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** The constant of {@code type} whose label is {@code text}, ignoring case, or null. */
  public static <E extends Enum<E> & Choice> E parse(Class<E> type, String text) {
    String t = text.trim();
    for (E e : type.getEnumConstants()) {
      if (e.label().equalsIgnoreCase(t)) {
        return e;
      }
    }
    return null;
  }

  /** The labels of {@code type} for a message: "a, b or c". */
  public static <E extends Enum<E> & Choice> String labels(Class<E> type) {
    List<String> l = Arrays.stream(type.getEnumConstants()).map(Choice::label).toList();
    return l.size() == 1 ? l.get(0)
        : l.subList(0, l.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + l.get(l.size() - 1);
  }
}
