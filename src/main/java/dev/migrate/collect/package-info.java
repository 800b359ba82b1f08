/**
 * AWS collectors: the only package that talks to AWS through the SDK (v2, pinned at 2.40.2).
 *
 * <p>{@link dev.migrate.collect.AwsCollector} scans an account read-only and returns a
 * {@link dev.migrate.inventory.Snapshot}; SDK types never leave this package. Every collector
 * declares the IAM actions it may call ({@link dev.migrate.collect.IamActions#declared()}); the
 * shipped least-privilege policy {@code iam/migrate-readonly-policy.json} is checked against
 * that list by a test. Throttling, 5xx answers, dropped connections and unreadable answers are
 * retried per request ({@link dev.migrate.collect.FaultRetry}); a refusal (AccessDenied, a
 * disabled region) or a fault that outlasts its retries becomes a
 * {@link dev.migrate.inventory.Gap} and the rest is still collected. Finished parts are recorded
 * in a progress file so that an interrupted collection can be resumed.
 */
package dev.migrate.collect;
