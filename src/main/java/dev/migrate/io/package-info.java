/**
 * The input and output layer every stage shares; depends on nothing in the project.
 *
 * <ul>
 *   <li>{@link dev.migrate.io.Yaml}: the YAML files people write (rules, scenarios) as a tree that
 *       keeps each node's line and column, with the typed readers that turn hand-written values
 *       into numbers (plain finite decimals only).</li>
 *   <li>{@link dev.migrate.io.Position} and {@link dev.migrate.io.InputError}: one error record,
 *       shown as {@code file:line:col: message}, for every input file.</li>
 *   <li>{@link dev.migrate.io.Echo}: user text quoted back in messages, short and escaped.</li>
 *   <li>{@link dev.migrate.io.AtomicFiles}: outputs written through a temporary file and a rename.</li>
 * </ul>
 */
package dev.migrate.io;
