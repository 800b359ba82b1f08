package dev.migrate.plan;

import java.util.Objects;

/**
 * An item that no rule mapped.
 *
 * @param itemId     inventory id
 * @param kind       item kind
 * @param itemName   name for people
 * @param awsRegion  AWS region
 * @param reason     why nothing matched (closest rule and the condition that failed, where known)
 */
public record Unmapped(String itemId, ItemKind kind, String itemName, String awsRegion, String reason) {
  public Unmapped {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
  }
}
