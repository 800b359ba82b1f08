/**
 * The rules engine: loads rule files (YAML under {@code rules/}) with {@code file:line:col}
 * positions, validates them (all errors at once), matches inventory items against them and
 * produces a {@link dev.migrate.plan.MigrationPlan}, rightsizing machines from the machine-type
 * catalogue under {@code src/main/resources/catalog/}.
 *
 * <p>Public entry points: {@link dev.migrate.rules.RuleLoader} (load and validate),
 * {@link dev.migrate.rules.RuleSet} (a validated set), {@link dev.migrate.rules.RuleEngine}
 * (plan and explain), {@link dev.migrate.rules.PlanOptions} (per-run knobs),
 * {@link dev.migrate.rules.RulesException} (every error of a load).
 */
package dev.migrate.rules;
