/**
 * The pipeline that wires the stages together (collect, logs, rules, cost, report) for the
 * commands. The CLI talks only to this package; stage exceptions become {@link
 * dev.migrate.app.Failure}s here.
 */
package dev.migrate.app;
