/**
 * Generator of the bundled sample estate {@code sample-data/tableapp/} (a snapshot in format v1
 * plus one day of ALB and CloudFront access logs) and the test that keeps the committed files
 * equal to what the generator produces. A development tool: it lives in test sources and is
 * never shipped in the jar.
 */
package dev.migrate.sampledata;
