/**
 * Acceptance checks of the issues on the real bundled sample estate
 * ({@code sample-data/tableapp/snapshot.json}, its access logs and the shipped scenarios),
 * run through the same app facades the commands use: golden cost table (issue 5), golden
 * scenario comparison and timeline ends (issue 7), access-log merge effects (issue 8), and
 * collect-then-assess through {@code Main.run} (issue 3).
 */
package dev.migrate.acceptance;
