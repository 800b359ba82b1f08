package dev.migrate.logs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The field order of VPC Flow Log records: AWS's default (version 2) format, a custom format as the header line
 * AWS writes at the top of each file delivered to S3, or a format string as given to {@code create-flow-logs}
 * ({@code ${version} ${vpc-id} ...}). Parquet column names (underscores) name the same fields.
 */
public final class FlowLogFormat {
  /** The default format (VPC user guide, "Default format"): 14 fields, version 2. */
  public static final String DEFAULT_FIELDS =
      "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

  /** Every field AWS documents (versions 2 to 8), used to tell a header line from a record. */
  static final Set<String> KNOWN = Set.of("version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport",
      "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status", "vpc-id", "subnet-id",
      "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr", "region", "az-id", "sublocation-type",
      "sublocation-id", "pkt-src-aws-service", "pkt-dst-aws-service", "flow-direction", "traffic-path",
      "ecs-cluster-arn", "ecs-cluster-name", "ecs-container-instance-arn", "ecs-container-instance-id",
      "ecs-container-id", "ecs-second-container-id", "ecs-service-name", "ecs-task-definition-arn", "ecs-task-arn",
      "ecs-task-id", "reject-reason");

  // Slots: the fields this tool reads.
  static final int INTERFACE = 0;
  static final int SRCADDR = 1;
  static final int DSTADDR = 2;
  static final int SRCPORT = 3;
  static final int DSTPORT = 4;
  static final int PROTOCOL = 5;
  static final int PACKETS = 6;
  static final int BYTES = 7;
  static final int START = 8;
  static final int END = 9;
  static final int ACTION = 10;
  static final int LOG_STATUS = 11;
  static final int PKT_SRCADDR = 12;
  static final int PKT_DSTADDR = 13;
  static final String[] SLOT_NAMES = {"interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol",
      "packets", "bytes", "start", "end", "action", "log-status", "pkt-srcaddr", "pkt-dstaddr"};
  /** Without these a record cannot be attributed to a pair and an hour. */
  private static final int[] REQUIRED = {SRCADDR, DSTADDR, BYTES, START};

  private final List<String> fields;
  /** field index -> slot, or -1 for a field not read */
  final int[] slotOfField;
  /** slot -> field index, or -1 when the format lacks it */
  final int[] fieldOfSlot;

  private FlowLogFormat(List<String> fields) {
    this.fields = List.copyOf(fields);
    slotOfField = new int[fields.size()];
    fieldOfSlot = new int[SLOT_NAMES.length];
    Arrays.fill(slotOfField, -1);
    Arrays.fill(fieldOfSlot, -1);
    for (int i = 0; i < fields.size(); i++) {
      for (int s = 0; s < SLOT_NAMES.length; s++) {
        if (SLOT_NAMES[s].equals(fields.get(i)) && fieldOfSlot[s] < 0) {
          slotOfField[i] = s;
          fieldOfSlot[s] = i;
        }
      }
    }
  }

  /** The default version 2 format. */
  public static FlowLogFormat defaults() {
    return parse(DEFAULT_FIELDS);
  }

  /**
   * A format from a header line ({@code version account-id ...}), a {@code create-flow-logs} format string
   * ({@code ${version} ${account-id} ...}) or Parquet column names ({@code account_id}).
   *
   * @throws IllegalArgumentException naming the unknown or missing fields
   */
  public static FlowLogFormat parse(String text) {
    List<String> names = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String t : text.trim().split("[\\s,]+")) {
      if (t.isEmpty()) {
        continue;
      }
      String n = t.startsWith("${") && t.endsWith("}") ? t.substring(2, t.length() - 1) : t;
      n = n.toLowerCase(Locale.ROOT).replace('_', '-');
      if (!KNOWN.contains(n)) {
        unknown.add(t);
      }
      names.add(n);
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown flow log field(s) " + String.join(", ", unknown)
          + " (fields are named as in the VPC user guide, e.g. " + DEFAULT_FIELDS + ")");
    }
    FlowLogFormat f = new FlowLogFormat(names);
    List<String> missing = new ArrayList<>();
    for (int s : REQUIRED) {
      if (f.fieldOfSlot[s] < 0) {
        missing.add(SLOT_NAMES[s]);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the flow log format lacks " + String.join(", ", missing)
          + ", without which traffic cannot be attributed to address pairs and hours");
    }
    return f;
  }

  /** Whether a line's first field is a field name, i.e. the line is a header, not a record. */
  static boolean looksLikeHeader(String firstToken) {
    return KNOWN.contains(firstToken) || KNOWN.contains(firstToken.replace('_', '-'));
  }

  public List<String> fields() {
    return fields;
  }

  boolean has(int slot) {
    return fieldOfSlot[slot] >= 0;
  }

  @Override
  public String toString() {
    return String.join(" ", fields);
  }
}
