package dev.migrate.sampledata;

import java.util.Map;

/**
 * AWS list prices (USD) used to make the sample bill agree with the sample inventory.
 *
 * <p>Copied by hand at generation time from {@code shared/reference-data/} (gathered
 * 2026-11-25): EC2 from {@code aws_ec2_ondemand_linux_prices.csv} (aws-price-watcher capture
 * 2025-06-18), EBS from {@code aws_ebs_prices.csv} (us-east-1: infracost golden 2024-07-01;
 * ap-northeast-1: 2021 table, medium/low confidence), ELB from {@code aws_elb_prices.csv}
 * (2025-06-05), CloudFront from {@code aws_cloudfront_prices.csv} (first tier, 2025-04-25),
 * S3 from {@code aws_s3_prices.csv} (2025-06-05), data transfer from
 * {@code aws_data_transfer_prices.csv} (first tier, 2025-06-18), RDS for MySQL from
 * {@code aws_rds_ondemand_prices.csv} and ElastiCache from {@code aws_elasticache_ondemand_prices.csv}
 * (aws-price-watcher capture 2025-06-18). They are constants only because
 * this is a generator of sample data; the product reads its own dated price book.
 */
final class ListPrices {
  private ListPrices() {}

  static final String TOKYO = "ap-northeast-1";
  static final String VIRGINIA = "us-east-1";

  /** On-demand Linux, USD per instance-hour, keyed "region/type". */
  static final Map<String, Double> EC2_LINUX_HOURLY = Map.ofEntries(
      Map.entry(TOKYO + "/c5.large", 0.107),
      Map.entry(TOKYO + "/c5.xlarge", 0.214),
      Map.entry(TOKYO + "/c5.2xlarge", 0.428),
      Map.entry(TOKYO + "/m4.large", 0.129),
      Map.entry(TOKYO + "/m5.large", 0.124),
      Map.entry(TOKYO + "/m5.xlarge", 0.248),
      Map.entry(TOKYO + "/m5.2xlarge", 0.496),
      Map.entry(TOKYO + "/m6g.large", 0.099),
      Map.entry(TOKYO + "/r5.large", 0.152),
      Map.entry(TOKYO + "/r5.xlarge", 0.304),
      Map.entry(TOKYO + "/r5.2xlarge", 0.608),
      Map.entry(TOKYO + "/r5.4xlarge", 1.216),
      Map.entry(TOKYO + "/t2.medium", 0.0608),
      Map.entry(TOKYO + "/t3.micro", 0.0136),
      Map.entry(TOKYO + "/t3.medium", 0.0544),
      Map.entry(TOKYO + "/g4dn.xlarge", 0.71),
      Map.entry(VIRGINIA + "/t3.small", 0.0208),
      Map.entry(VIRGINIA + "/t3.medium", 0.0416));

  /** vCPUs per instance type, from aws_ec2_instance_types.csv (needed for the Windows licence). */
  static final Map<String, Integer> VCPUS = Map.ofEntries(
      Map.entry("c5.large", 2), Map.entry("c5.xlarge", 4), Map.entry("c5.2xlarge", 8),
      Map.entry("m4.large", 2), Map.entry("m5.large", 2), Map.entry("m5.xlarge", 4),
      Map.entry("m5.2xlarge", 8), Map.entry("m6g.large", 2), Map.entry("r5.large", 2),
      Map.entry("r5.xlarge", 4), Map.entry("r5.2xlarge", 8), Map.entry("r5.4xlarge", 16), Map.entry("t2.medium", 2),
      Map.entry("t3.micro", 2), Map.entry("t3.small", 2), Map.entry("t3.medium", 2),
      Map.entry("g4dn.xlarge", 4));

  /**
   * Windows Server licence on top of the Linux rate, USD per vCPU-hour. Not in the reference
   * data: AWS's Windows on-demand rates for current families are the Linux rate plus $0.046 per
   * vCPU-hour (e.g. m5.xlarge us-east-1 $0.384 Windows vs $0.192 Linux, aws.amazon.com/ec2/pricing).
   */
  static final double WINDOWS_LICENCE_PER_VCPU_HOUR = 0.046;

  /**
   * Reserved instance, r5.large Linux ap-northeast-1, Standard 1 year No Upfront, USD per
   * instance-hour. Not in the reference data: about 35% below on-demand ($0.152), the usual
   * discount of that offering.
   */
  static final double RI_R5_LARGE_TOKYO_HOURLY = 0.099;

  /** EBS storage, USD per GiB-month, keyed "region/type". */
  static final Map<String, Double> EBS_GIB_MONTH = Map.ofEntries(
      Map.entry(TOKYO + "/gp3", 0.096),
      Map.entry(TOKYO + "/gp2", 0.12),
      Map.entry(TOKYO + "/io1", 0.142),
      Map.entry(TOKYO + "/st1", 0.054),
      Map.entry(TOKYO + "/sc1", 0.018),
      Map.entry(VIRGINIA + "/gp3", 0.08),
      Map.entry(VIRGINIA + "/gp2", 0.10),
      Map.entry(VIRGINIA + "/standard", 0.05));

  /** gp3 IOPS above the free 3,000, ap-northeast-1, USD per IOPS-month. */
  static final double GP3_IOPS_TOKYO = 0.006;
  /** io1 provisioned IOPS, ap-northeast-1, USD per IOPS-month. */
  static final double IO1_IOPS_TOKYO = 0.074;

  /** Load balancer hours and capacity units, ap-northeast-1. */
  static final double ALB_HOUR_TOKYO = 0.0243;
  static final double ALB_LCU_HOUR_TOKYO = 0.008;
  static final double NLB_HOUR_TOKYO = 0.0243;
  static final double NLB_NLCU_HOUR_TOKYO = 0.006;
  static final double CLB_HOUR_TOKYO = 0.027;
  static final double CLB_GB_TOKYO = 0.008;

  /** CloudFront data transfer out, first 10 TB tier, USD per GB, by price geography. */
  static final Map<String, Double> CLOUDFRONT_GB = Map.of(
      "japan", 0.114,
      "asia_pacific", 0.12,
      "united_states", 0.085,
      "europe", 0.085,
      "india", 0.109,
      "south_america", 0.11,
      "australia", 0.114,
      "middle_east_africa", 0.11);

  /** CloudFront HTTPS requests, USD per 10,000, by price geography. */
  static final Map<String, Double> CLOUDFRONT_HTTPS_10K = Map.of(
      "japan", 0.012,
      "asia_pacific", 0.012,
      "united_states", 0.01,
      "europe", 0.012,
      "india", 0.012,
      "south_america", 0.022,
      "australia", 0.0125,
      "middle_east_africa", 0.012);

  /** S3 storage, first 50 TB tier where tiered, USD per GB-month, keyed "region/class". */
  static final Map<String, Double> S3_GB_MONTH = Map.ofEntries(
      Map.entry(TOKYO + "/STANDARD", 0.025),
      Map.entry(TOKYO + "/STANDARD_IA", 0.0138),
      Map.entry(TOKYO + "/GLACIER_IR", 0.005),
      Map.entry(TOKYO + "/GLACIER", 0.0045),
      Map.entry(TOKYO + "/DEEP_ARCHIVE", 0.002),
      Map.entry(VIRGINIA + "/STANDARD", 0.023));

  /** S3 STANDARD GET requests, ap-northeast-1, USD per request. */
  static final double S3_GET_TOKYO = 0.00000037;

  /** Internet data transfer out, first 10 TB tier, USD per GB. */
  static final double INTERNET_OUT_TOKYO = 0.114;
  static final double INTERNET_OUT_VIRGINIA = 0.09;

  /**
   * RDS instance hours, USD per instance-hour, keyed "region/engine/class/deployment": MySQL
   * db.r6g.xlarge Multi-AZ (one standby) in ap-northeast-1 ({@code aws_rds_ondemand_prices.csv};
   * the Single-AZ rate is 0.51).
   */
  static final Map<String, Double> RDS_HOURLY = Map.of(TOKYO + "/mysql/db.r6g.xlarge/multi-az", 1.02);
  /**
   * RDS gp3 storage, Multi-AZ, ap-northeast-1, USD per GB-month. Not in the reference data (its RDS
   * file holds instance hours only): the Single-AZ rate of 0.138 (aws.amazon.com/rds/mysql/pricing,
   * Asia Pacific (Tokyo)) doubled for the standby's copy, as AWS prices Multi-AZ storage.
   */
  static final double RDS_GP3_MULTI_AZ_GB_MONTH_TOKYO = 0.276;
  /**
   * RDS backup storage beyond the free allowance (100% of the provisioned storage), ap-northeast-1,
   * USD per GB-month. Not in the reference data: aws.amazon.com/rds/mysql/pricing, Backup Storage.
   */
  static final double RDS_BACKUP_GB_MONTH_TOKYO = 0.095;
  /**
   * ElastiCache node hours, USD per node-hour, keyed "region/engine/node type": Redis OSS
   * cache.r6g.large in ap-northeast-1 ({@code aws_elasticache_ondemand_prices.csv}).
   */
  static final Map<String, Double> ELASTICACHE_HOURLY = Map.of(TOKYO + "/redis/cache.r6g.large", 0.247);

  static double rdsHourly(dev.migrate.inventory.DbInstance d) {
    String key = d.region() + "/" + d.engine() + "/" + d.instanceClass() + "/" + (d.multiAz() ? "multi-az" : "single-az");
    Double p = RDS_HOURLY.get(key);
    if (p == null) {
      throw new IllegalStateException("no RDS price copied for " + key);
    }
    return p;
  }

  static double elastiCacheHourly(dev.migrate.inventory.CacheCluster c) {
    String key = c.region() + "/" + c.engine() + "/" + c.nodeType();
    Double p = ELASTICACHE_HOURLY.get(key);
    if (p == null) {
      throw new IllegalStateException("no ElastiCache price copied for " + key);
    }
    return p;
  }

  static double ec2Hourly(String region, String type, String platform, int vcpus) {
    Double linux = EC2_LINUX_HOURLY.get(region + "/" + type);
    if (linux == null) {
      throw new IllegalStateException("no list price copied for " + region + "/" + type);
    }
    return "windows".equals(platform) ? linux + vcpus * WINDOWS_LICENCE_PER_VCPU_HOUR : linux;
  }

  static double ebsGibMonth(String region, String type) {
    Double p = EBS_GIB_MONTH.get(region + "/" + type);
    if (p == null) {
      throw new IllegalStateException("no EBS price copied for " + region + "/" + type);
    }
    return p;
  }
}
