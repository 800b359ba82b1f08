package dev.migrate.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A flat unit price read from a live price API.
 *
 * @param key     where it goes in the book
 * @param usd     USD per unit
 * @param unit    unit, as the book names it (hour, GiB-month, ...)
 * @param source  API and SKU it was read from
 * @param asOf    effective or publication date the API gave
 */
public record FetchedPrice(PriceKey key, BigDecimal usd, String unit, String source, LocalDate asOf) {}
