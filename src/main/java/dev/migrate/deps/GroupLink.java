package dev.migrate.deps;

import java.util.Objects;

/**
 * Traffic between two boxes of the group diagram: application groups, and the places outside them (internet,
 * on-premises, other AWS services, resources outside the plan, unknown addresses in a VPC).
 *
 * @param a      box id: a group id ({@code G1}) or an end kind's wire name ({@code internet})
 * @param aName  the box's name
 * @param b      the other box's id
 * @param bName  its name
 * @param bytes  bytes each way over the window
 */
public record GroupLink(String a, String aName, String b, String bName, TwoWay bytes) {
  public GroupLink {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(bytes, "bytes");
  }
}
