/**
 * The links between the items of one snapshot, built once and read by every stage: which
 * instances an auto scaling group holds, which load balancers send to an instance or a group,
 * which instance a volume is attached to, which load balancer or bucket a CloudFront origin
 * names, where a distribution's traffic comes from, tags by key (ignoring case) and usage by
 * resource id. Depends only on {@code inventory}.
 */
package dev.migrate.inventory.topology;
