/**
 * The cost model: cost lines per item and phase (CURRENT on AWS, TARGET on Google Cloud),
 * reconciliation with the real bill, cost per million requests, the hybrid timeline, and the
 * {@link dev.migrate.cost.Assessment} value that reporters read.
 */
package dev.migrate.cost;
