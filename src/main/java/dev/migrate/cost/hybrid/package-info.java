/**
 * The hybrid phase: what-if scenarios (YAML, validated with file:line:col), the month-by-month
 * timeline from today's AWS bill to the steady-state Google Cloud bill, inter-cloud traffic and
 * link sizing, address-overlap checks, and the side-by-side comparison of scenarios.
 *
 * <p>Entry points: {@link dev.migrate.cost.hybrid.ScenarioReader} (files and {@code --set}),
 * {@link dev.migrate.cost.hybrid.HybridModel#of} (index one assessment once),
 * {@link dev.migrate.cost.hybrid.TimelineEngine#project} (one scenario to one
 * {@link dev.migrate.cost.Timeline}) and {@link dev.migrate.cost.hybrid.Comparison#render}.
 * The model is documented in {@code docs/whatif.md}.
 */
package dev.migrate.cost.hybrid;
