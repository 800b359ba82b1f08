package dev.migrate.pricing;

import java.math.BigDecimal;

/**
 * The part of a quantity that falls into one tier.
 *
 * @param tier      the tier
 * @param quantity  quantity priced at the tier's unit price
 * @param usd       quantity x tier.usd (not rounded)
 */
public record TierSlice(Tier tier, BigDecimal quantity, BigDecimal usd) {}
