package dev.migrate.logs;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Log files under an {@code s3://bucket/prefix}: listed with ListObjectsV2 (all pages), each
 * streamed with GetObject when its turn comes, never downloaded whole. Read-only: needs
 * {@code s3:ListBucket} and {@code s3:GetObject}.
 */
public final class S3LogSources {
  /** Same selection as a local folder walk: gzip or .log objects and CloudFront log names. */
  private static final Pattern LOG_NAME = Pattern.compile(
      ".*\\.(gz|log)|[A-Z0-9]{6,}\\.\\d{4}-\\d{2}-\\d{2}-\\d{2}\\.[^.]+");

  private S3LogSources() {}

  /** Sources under {@code uri} with a client built from the options (nulls: SDK defaults). */
  public static List<LogSource> list(String uri, String profile, String region, String endpointUrl) {
    return list(client(profile, region, endpointUrl), uri);
  }

  /**
   * @throws IllegalArgumentException when {@code uri} is not {@code s3://bucket[/prefix]}
   */
  public static List<LogSource> list(S3Client s3, String uri) {
    if (!uri.startsWith("s3://") || uri.length() <= 5) {
      throw new IllegalArgumentException("expected s3://bucket/prefix");
    }
    String rest = uri.substring(5);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    if (bucket.isEmpty()) {
      throw new IllegalArgumentException("expected s3://bucket/prefix");
    }
    List<LogSource> out = new ArrayList<>();
    ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
    for (S3Object o : s3.listObjectsV2Paginator(req).contents()) {
      String key = o.key();
      String base = key.substring(key.lastIndexOf('/') + 1);
      if (base.isEmpty() || base.startsWith(".") || !LOG_NAME.matcher(base).matches()) {
        continue;
      }
      String name = "s3://" + bucket + "/" + key;
      out.add(new LogSource() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public InputStream open() {
          return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
        }
      });
    }
    return out;
  }

  static S3Client client(String profile, String region, String endpointUrl) {
    S3ClientBuilder b = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder());
    b.credentialsProvider(profile == null ? DefaultCredentialsProvider.builder().build()
        : ProfileCredentialsProvider.builder().profileName(profile).build());
    Region r;
    if (region != null) {
      r = Region.of(region);
    } else {
      try {
        r = profile == null ? new DefaultAwsRegionProviderChain().getRegion()
            : DefaultAwsRegionProviderChain.builder()
                .profileName(profile).build().getRegion();
      } catch (RuntimeException e) {
        r = Region.US_EAST_1; // buckets in other regions are reached through cross-region access
      }
    }
    b.region(r).crossRegionAccessEnabled(true);
    if (endpointUrl != null) {
      b.endpointOverride(URI.create(endpointUrl)).forcePathStyle(true);
    }
    return b.build();
  }
}
