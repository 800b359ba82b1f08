/**
 * The dated offline price book: unit prices as data (CSV files under {@code pricebook/}, one row per
 * price or price tier, each with its source and date), lookups by {@link dev.migrate.pricing.PriceKey},
 * tier arithmetic, price geographies, and the refresh clients that rebuild a book from the live
 * AWS Price List and Cloud Billing Catalog APIs. Depends on nothing else in the project.
 */
package dev.migrate.pricing;
