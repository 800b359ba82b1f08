package dev.migrate.cost;

/** Service names on cost lines (the Cost Explorer name each AWS one is billed under is in the bill family table). */
final class Services {
  private Services() {}

  static final String EC2 = "Amazon EC2";
  static final String EBS = "Amazon EBS";
  static final String ELB = "Elastic Load Balancing";
  static final String CLOUDFRONT = "Amazon CloudFront";
  static final String S3 = "Amazon S3";
  static final String DATA_TRANSFER = "AWS Data Transfer";
  static final String SAVINGS_PLANS = "Savings Plans";
  /** Same name as Cost Explorer's, so the reconciliation pairs it with the bill as is. */
  static final String WAF = "AWS WAF";
  /** NAT gateways and public IPv4 addresses (priced from the bill's quantities). */
  static final String VPC = "Amazon VPC";
  /** RDS DB instances and Aurora clusters (Cost Explorer: Amazon Relational Database Service). */
  static final String RDS = "Amazon RDS";
  /** Same name as Cost Explorer's. */
  static final String ELASTICACHE = "Amazon ElastiCache";

  static final String COMPUTE_ENGINE = "Compute Engine";
  static final String GKE = "Google Kubernetes Engine";
  static final String PERSISTENT_DISK = "Persistent Disk";
  static final String CLOUD_LB = "Cloud Load Balancing";
  static final String CLOUD_CDN = "Cloud CDN";
  static final String CLOUD_STORAGE = "Cloud Storage";
  static final String NETWORKING = "Networking (internet egress)";
  static final String MEMORYSTORE = "Memorystore";
  static final String CLOUD_SQL = "Cloud SQL";
  static final String ALLOYDB = "AlloyDB";
  static final String CLOUD_ARMOR = "Cloud Armor";
  static final String CLOUD_NAT = "Cloud NAT";
  static final String INTER_ZONE = "Networking (inter-zone)";
  static final String EXTERNAL_IP = "Networking (external IP addresses)";
}
