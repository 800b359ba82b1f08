package dev.migrate.deps;

import java.util.List;
import java.util.Objects;

/**
 * An application group: plan items that talk to each other (a connected component of strong internal
 * traffic), split and joined by the application tag where the items carry one.
 *
 * @param id             {@code G1}, {@code G2}, ... by bytes, largest first
 * @param name           the application tag's value, else the busiest member's name and how many more
 * @param app            the application tag's value, or null for a group found from traffic alone
 * @param members        its items, in {@link End} order
 * @param internalBytes  bytes among its members over the window, both directions
 * @param externalBytes  bytes between its members and every other end over the window, both directions
 */
public record Group(String id, String name, String app, List<End> members, long internalBytes, long externalBytes) {
  public Group {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    members = List.copyOf(members);
  }

  /** Ids of its items (plan item ids). */
  public List<String> itemIds() {
    return members.stream().map(End::id).toList();
  }
}
