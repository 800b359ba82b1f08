/**
 * AWS collectors: the only package that talks to AWS through the SDK (v2, pinned at 2.40.2).
 *
 * <p>{@link dev.migrate.collect.AwsCollector} scans an account read-only and returns a
 * {@link dev.migrate.inventory.Snapshot}; SDK types never leave this package. Every collector
 * declares the IAM actions it may call ({@link dev.migrate.collect.IamActions#declared()}); the
 * shipped least-privilege policy {@code iam/migrate-readonly-policy.json} is checked against
 * that list by a test. A fault (AccessDenied, disabled region, throttling that outlasts the
 * retries, an unavailable service, an unreadable response) becomes a
 * {@link dev.migrate.inventory.Gap} and the rest is still collected.
 */
package dev.migrate.collect;
