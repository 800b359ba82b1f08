/**
 * Access-log analysis: a streaming, allocation-light parser for Application Load Balancer,
 * Classic Load Balancer and CloudFront standard (legacy) access logs, bounded-memory summaries
 * per load balancer or distribution ({@link dev.migrate.logs.LogSummary}), the merge of those
 * facts into a snapshot's {@link dev.migrate.inventory.Usage} records, and the check that lists
 * what logging and monitoring is off. Depends on {@code inventory} only (and the AWS SDK for the
 * S3 log source).
 *
 * <p>See {@code docs/logs.md} for formats, the meaning of every figure and the error bounds.
 */
package dev.migrate.logs;
