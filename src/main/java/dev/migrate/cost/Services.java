package dev.migrate.cost;

/** Service names on cost lines, and how AWS ones map to Cost Explorer's service names. */
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

  static final String COMPUTE_ENGINE = "Compute Engine";
  static final String GKE = "Google Kubernetes Engine";
  static final String PERSISTENT_DISK = "Persistent Disk";
  static final String CLOUD_LB = "Cloud Load Balancing";
  static final String CLOUD_CDN = "Cloud CDN";
  static final String CLOUD_STORAGE = "Cloud Storage";
  static final String NETWORKING = "Networking (internet egress)";
  static final String MEMORYSTORE = "Memorystore";
  static final String CLOUD_ARMOR = "Cloud Armor";

  /** Cost Explorer (unblended, by SERVICE) names for the modelled AWS services. */
  static String costExplorerName(String service) {
    return switch (service) {
      case EC2 -> "Amazon Elastic Compute Cloud - Compute";
      case EBS -> "EC2 - Other";
      case ELB -> "Amazon Elastic Load Balancing";
      case CLOUDFRONT -> "Amazon CloudFront";
      case S3 -> "Amazon Simple Storage Service";
      case DATA_TRANSFER -> "AWS Data Transfer";
      case SAVINGS_PLANS -> "Savings Plans for AWS Compute usage";
      default -> service;
    };
  }
}
