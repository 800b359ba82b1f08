package dev.migrate.deps;

import java.util.Comparator;
import java.util.Objects;

/**
 * One end of measured traffic: a planned item, another AWS resource, or a place outside the estate.
 *
 * @param kind      what sort of end it is
 * @param id        for an {@link Kind#ITEM}, the plan item's id (auto scaling group name, instance id, load
 *                  balancer id, DB instance id, Aurora cluster id, cache id); for a {@link Kind#RESOURCE}, the
 *                  resource id (NAT gateway, Lambda function, network interface); for an
 *                  {@link Kind#UNKNOWN_IN_VPC}, the VPC id; for the other kinds, the kind's wire name
 * @param itemKind  the plan item kind's wire name ({@code auto-scaling-group}, {@code ec2-instance},
 *                  {@code load-balancer}, {@code rds-instance}, {@code aurora-cluster}, {@code elasticache-cluster})
 *                  for an item; what the resource is for a resource ({@code nat-gateway}, {@code lambda},
 *                  {@code ec2-instance} not in the snapshot, ...); null otherwise
 * @param name      what people call it: the Name tag, else the id, else the kind's label
 * @param app       the application tag's value, or null when untagged or not an item
 */
public record End(Kind kind, String id, String itemKind, String name, String app) implements Comparable<End> {

  /** What an end is. The wire names are the JSON and DOT spellings. */
  public enum Kind {
    /** An item of the migration plan: it moves with a wave. */
    ITEM("item", "item"),
    /** An AWS resource that is not a plan item (NAT gateway, Lambda, an interface of another service). */
    RESOURCE("resource", "AWS resource outside the plan"),
    /** An address inside a VPC of the snapshot that no collected network interface holds. */
    UNKNOWN_IN_VPC("unknown-in-vpc", "unknown in VPC"),
    /** An AWS service reached through an interface VPC endpoint. */
    AWS_SERVICE("aws-service", "other AWS service (VPC endpoint)"),
    /** An address in a range declared as on-premises (reached over VPN or Direct Connect). */
    ON_PREMISES("on-premises", "on-premises (VPN/Direct Connect)"),
    /** A private address outside the snapshot's VPCs and outside the declared on-premises ranges. */
    OTHER_PRIVATE("other-private", "private network outside the VPCs (peered VPC, VPN or Direct Connect)"),
    /** A public address that no collected network interface holds. */
    INTERNET("internet", "internet");

    private final String wire;
    private final String label;

    Kind(String wire, String label) {
      this.wire = wire;
      this.label = label;
    }

    public String wire() {
      return wire;
    }

    /** How the workbook names ends of this kind. */
    public String label() {
      return label;
    }
  }

  private static final Comparator<End> ORDER = Comparator.comparing(End::kind).thenComparing(End::id);

  public End {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }

  /** The single end of a kind that has one per estate (internet, on-premises, ...). */
  static End place(Kind kind) {
    return new End(kind, kind.wire(), null, kind.label(), null);
  }

  /** Ends are the same end when kind and id agree (name and app describe it). */
  @Override
  public boolean equals(Object o) {
    return o instanceof End e && kind == e.kind && id.equals(e.id);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + id.hashCode();
  }

  /** True for a plan item (what waves move). */
  public boolean isItem() {
    return kind == Kind.ITEM;
  }

  /** True for ends inside the estate's VPCs: items, other resources, unknown addresses in a VPC. */
  public boolean isInternal() {
    return kind == Kind.ITEM || kind == Kind.RESOURCE || kind == Kind.UNKNOWN_IN_VPC;
  }

  /** Short text for tables: the name, and the id when it differs. */
  public String label() {
    return name.equals(id) ? id : name + " (" + id + ")";
  }

  /** Items first, then resources, ..., internet last; by id within a kind. */
  @Override
  public int compareTo(End o) {
    return ORDER.compare(this, o);
  }
}
