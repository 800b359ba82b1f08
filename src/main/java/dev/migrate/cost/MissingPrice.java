package dev.migrate.cost;

/**
 * A component that could not be priced because the price book has no such key. It is never
 * priced at zero; totals that miss it say so.
 *
 * @param phase      CURRENT or TARGET
 * @param itemId     item the component belongs to
 * @param component  what could not be priced
 * @param priceKey   the key that was looked up
 */
public record MissingPrice(Phase phase, String itemId, String component, String priceKey) {}
