package dev.migrate.collect;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.savingsplans.SavingsplansClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.wafv2.Wafv2Client;

/**
 * Builds and caches one SDK client per service and region, all sharing one HTTP connection
 * pool, the credentials, the call log and the rate cap; each has its own pace and retry strategy ({@link FaultRetry}).
 */
final class Clients implements AutoCloseable {
  /** Cost Explorer, Savings Plans, CloudFront metrics and STS's global endpoint live here. */
  static final String HOME = "us-east-1";

  private final AwsCredentialsProvider credentials;
  private final URI endpoint;
  private final SdkHttpClient http;
  /** Settings every client shares; {@link #override(String)} adds the client's own pace and retry strategy. */
  private final ClientOverrideConfiguration shared;
  private final List<ExecutionInterceptor> interceptors;
  private final CollectOptions options;
  private final RetryStats retryStats = new RetryStats();
  private final Map<String, Pace> paces = new ConcurrentHashMap<>();
  private final Map<String, SdkClient> cache = new ConcurrentHashMap<>();
  private final String profileRegion;

  Clients(CollectOptions options, AwsCredentialsProvider credentials, List<ExecutionInterceptor> interceptors,
      String homeRegion) {
    this.credentials = credentials;
    this.endpoint = options.endpointUrl();
    // Every worker thread may hold a connection, plus head-room for retries in flight.
    this.http = new BufferedHttpClient(ApacheHttpClient.builder()
        .maxConnections(Math.max(10, options.parallelism() * 2))
        .connectionTimeout(Duration.ofSeconds(10))
        .socketTimeout(Duration.ofSeconds(60))
        .build());
    var b = ClientOverrideConfiguration.builder();
    if (options.profile() != null) {
      // The profile of --aws-profile, not AWS_PROFILE's or "default", is where the SDK looks for
      // client settings such as endpoint_url and the services section (the credentials provider
      // alone would not tell it).
      b.defaultProfileName(options.profile());
    }
    this.shared = b.build();
    this.interceptors = List.copyOf(interceptors);
    this.options = options;
    this.profileRegion = homeRegion;
  }

  /** The credentials for a profile through the standard chain (env, profile with SSO or assume-role, ...). */
  static AwsCredentialsProvider credentialsFor(String profile) {
    if (profile == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    // The profile provider covers static keys, sso_session/sso_*, role_arn with source_profile
    // or credential_source, and credential_process (sso, ssooidc and sts are on the classpath).
    return ProfileCredentialsProvider.builder().profileName(profile).build();
  }

  /** The profile's region, AWS_REGION, or us-east-1 (region discovery and STS are asked there). */
  static String profileRegion(String profile) {
    try {
      return profile == null
          ? DefaultAwsRegionProviderChain.builder().build().getRegion().id()
          : new AwsProfileRegionProvider(null, profile).getRegion().id();
    } catch (RuntimeException e) {
      String env = System.getenv("AWS_REGION");
      return env != null && !env.isBlank() ? env : HOME;
    }
  }

  /** The profile's region (or AWS_REGION), where region discovery is asked; us-east-1 if none. */
  String homeRegion() {
    return profileRegion;
  }

  /**
   * The call log first (it refuses undeclared actions and counts every attempt), then the
   * client's own pace (slowed after AWS throttles that service in that region), then the
   * account-wide {@code --max-rps} cap; and the client's retry strategy.
   */
  private ClientOverrideConfiguration override(String key) {
    Pace pace = paces.computeIfAbsent(key, k -> new Pace(options.baseBackoff()));
    var b = shared.toBuilder();
    List<ExecutionInterceptor> chain = new java.util.ArrayList<>();
    for (ExecutionInterceptor i : interceptors) {
      if (i instanceof RateLimit) {
        chain.add(pace);
      }
      chain.add(i);
    }
    if (!chain.contains(pace)) {
      chain.add(pace);
    }
    b.executionInterceptors(chain);
    b.retryStrategy(new FaultRetry(options, pace, retryStats));
    return b.build();
  }

  /** Retries made so far by fault class. */
  RetryStats retryStats() {
    return retryStats;
  }

  /** Throttles seen per client key (service/region), for the summary; clients never throttled are left out. */
  Map<String, Long> throttles() {
    Map<String, Long> out = new java.util.TreeMap<>();
    paces.forEach((k, p) -> {
      if (p.throttles() > 0) {
        out.put(k, p.throttles());
      }
    });
    return out;
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String region,
      String key) {
    builder.region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(override(key));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private <C extends SdkClient> C cached(String key, java.util.function.Function<String, C> make) {
    return (C) cache.computeIfAbsent(key, make);
  }

  Ec2Client ec2(String region) {
    return cached("ec2/" + region, k -> build(Ec2Client.builder(), region, k));
  }

  AutoScalingClient autoScaling(String region) {
    return cached("asg/" + region, k -> build(AutoScalingClient.builder(), region, k));
  }

  ElasticLoadBalancingClient elb(String region) {
    return cached("elb/" + region, k -> build(ElasticLoadBalancingClient.builder(), region, k));
  }

  ElasticLoadBalancingV2Client elbv2(String region) {
    return cached("elbv2/" + region, k -> build(ElasticLoadBalancingV2Client.builder(), region, k));
  }

  RdsClient rds(String region) {
    return cached("rds/" + region, k -> build(RdsClient.builder(), region, k));
  }

  ElastiCacheClient elastiCache(String region) {
    return cached("elasticache/" + region, k -> build(ElastiCacheClient.builder(), region, k));
  }

  CloudWatchClient cloudWatch(String region) {
    return cached("cw/" + region, k -> build(CloudWatchClient.builder(), region, k));
  }

  CloudFrontClient cloudFront() {
    return cached("cloudfront", k -> build(CloudFrontClient.builder(), Region.AWS_GLOBAL.id(), k));
  }

  S3Client s3(String region) {
    return cached("s3/" + region, k -> {
      if (endpoint != null) {
        return build(S3Client.builder().forcePathStyle(true), region, k);
      }
      // Emulators and stub servers answer on one host name: address buckets by path whenever an
      // endpoint is configured. Ask the SDK whether it resolved one (AWS_ENDPOINT_URL[_S3], the
      // aws.endpointUrl[S3] system properties, the profile's endpoint_url or services section),
      // rather than re-implementing its precedence here.
      S3Client probe = build(S3Client.builder(), region, k);
      if (probe.serviceClientConfiguration().endpointOverride().isEmpty()) {
        return probe;
      }
      probe.close();
      return build(S3Client.builder().forcePathStyle(true), region, k);
    });
  }

  CostExplorerClient costExplorer() {
    return cached("ce", k -> build(CostExplorerClient.builder(), HOME, k));
  }

  SavingsplansClient savingsPlans() {
    return cached("sp", k -> build(SavingsplansClient.builder(), HOME, k));
  }

  /** WAFv2 for CloudFront web ACLs (scope CLOUDFRONT) answers only in us-east-1. */
  Wafv2Client wafv2() {
    return cached("wafv2", k -> build(Wafv2Client.builder(), HOME, k));
  }

  /** IAM is a global service (signed for us-east-1). */
  IamClient iam() {
    return cached("iam", k -> build(IamClient.builder(), Region.AWS_GLOBAL.id(), k));
  }

  /** AWS Organizations answers in us-east-1 (its one endpoint in the aws partition). */
  OrganizationsClient organizations() {
    return cached("organizations", k -> build(OrganizationsClient.builder(), HOME, k));
  }

  StsClient sts() {
    return cached("sts", k -> build(StsClient.builder(), profileRegion, k));
  }

  @Override
  public void close() {
    cache.values().forEach(SdkClient::close);
    http.close();
  }
}
