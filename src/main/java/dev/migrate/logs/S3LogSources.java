package dev.migrate.logs;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
  /** Same selection as a local folder walk of access logs: gzip or .log objects and CloudFront log names. */
  private static final Pattern LOG_NAME = Pattern.compile(
      ".*\\.(gz|log)|[A-Z0-9]{6,}\\.\\d{4}-\\d{2}-\\d{2}-\\d{2}\\.[^.]+");

  /** Access-log object names (the default selection). */
  public static final Predicate<String> ACCESS_LOGS = name -> LOG_NAME.matcher(name).matches();

  private S3LogSources() {}

  /** Access-log sources under {@code uri} with a client built from the options (nulls: SDK defaults). */
  public static List<LogSource> list(String uri, String profile, String region, String endpointUrl) {
    return list(client(profile, region, endpointUrl), uri);
  }

  /**
   * Sources under {@code uri} whose object names (the part after the last {@code /}) {@code wanted} accepts, at
   * most {@code limit} of them (listing stops there), with a client built from the options (nulls: SDK defaults).
   */
  public static List<LogSource> list(String uri, String profile, String region, String endpointUrl,
      Predicate<String> wanted, int limit) {
    return list(client(profile, region, endpointUrl), uri, wanted, limit);
  }

  /**
   * Access-log sources under {@code uri}.
   *
   * @throws IllegalArgumentException when {@code uri} is not {@code s3://bucket[/prefix]}
   */
  public static List<LogSource> list(S3Client s3, String uri) {
    return list(s3, uri, ACCESS_LOGS, Integer.MAX_VALUE);
  }

  /**
   * @throws IllegalArgumentException when {@code uri} is not {@code s3://bucket[/prefix]}
   */
  public static List<LogSource> list(S3Client s3, String uri, Predicate<String> wanted, int limit) {
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
      if (base.isEmpty() || base.startsWith(".") || !wanted.test(base)) {
        continue;
      }
      String name = "s3://" + bucket + "/" + key;
      long size = o.size() == null ? -1 : o.size();
      out.add(new LogSource() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public long size() {
          return size;
        }

        @Override
        public InputStream open() {
          return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(key).build());
        }
      });
      if (out.size() >= limit) {
        break; // before asking for the next element, which would fetch the next page
      }
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
