/**
 * The migration plan: which Google Cloud target each inventory item goes to, by which rule,
 * and why. Produced by the rules engine, read by the cost model and the reports.
 */
package dev.migrate.plan;
