package dev.migrate.logs;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/** SDK clients of the log readers, configured from the usual options. */
final class LogClients {
  private LogClients() {}

  /**
   * {@code builder} with the profile's credentials (the default chain when null), the region (the SDK's
   * when null) and an endpoint override (a stub in tests, a VPC endpoint for users; none when null).
   */
  static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String profile,
      String region, String endpointUrl) {
    builder.httpClientBuilder(ApacheHttpClient.builder());
    builder.credentialsProvider(profile == null ? DefaultCredentialsProvider.builder().build()
        : ProfileCredentialsProvider.builder().profileName(profile).build());
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (endpointUrl != null) {
      builder.endpointOverride(URI.create(endpointUrl));
    }
    return builder.build();
  }
}
