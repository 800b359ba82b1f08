package dev.migrate.collect;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Downloads the AWS Data Exports files under an {@code s3://bucket/prefix} (Parquet, gzip CSV) to a
 * local folder, keeping their paths below the prefix, so that they are read like a downloaded export.
 * Read-only: needs {@code s3:ListBucket} and {@code s3:GetObject} on the export's bucket, which the
 * inventory policy does not grant (an export bucket is one bucket, the policy covers the account).
 */
public final class BillExportDownload {
  private BillExportDownload() {}

  /**
   * @param uri         {@code s3://bucket/prefix}
   * @param profile     AWS profile, or null for the default chain
   * @param endpointUrl endpoint override (tests, emulators), or null
   * @param into        an empty folder
   * @return the number of files downloaded
   * @throws CollectException with a one-line message for a bad URI, a refusal or a failed download
   */
  public static int download(String uri, String profile, String endpointUrl, Path into) {
    if (!uri.startsWith("s3://") || uri.length() <= 5 || uri.charAt(5) == '/') {
      throw new CollectException(uri + ": not an s3://bucket/prefix address", null);
    }
    String rest = uri.substring(5);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    int n = 0;
    try (S3Client s3 = client(profile, endpointUrl)) {
      for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
        String key = o.key();
        String lower = key.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".parquet") || lower.endsWith(".csv.gz") || lower.endsWith(".csv"))) {
          continue;   // manifests and metadata
        }
        String relative = key.substring(prefix.length()).replaceFirst("^/+", "");
        Path target = into.resolve(relative).normalize();
        if (!target.startsWith(into) || relative.isEmpty()) {
          throw new CollectException(uri + ": object key '" + key + "' does not name a file below the prefix", null);
        }
        Files.createDirectories(target.getParent());
        s3.getObject(r -> r.bucket(bucket).key(key), ResponseTransformer.toFile(target));
        n++;
      }
    } catch (S3Exception e) {
      String code = e.awsErrorDetails() == null ? String.valueOf(e.statusCode()) : e.awsErrorDetails().errorCode();
      throw new CollectException(uri + ": " + code + ": " + Faults.message(e)
          + " (reading an export needs s3:ListBucket and s3:GetObject on bucket " + bucket + ")", e, true);
    } catch (SdkClientException e) {
      throw new CollectException(uri + ": " + Faults.message(e), e, true);
    } catch (IOException e) {
      throw new CollectException(uri + ": cannot write the download to " + into + ": " + e.getMessage(), e);
    }
    if (n == 0) {
      throw new CollectException(uri + ": no Data Exports files (*.parquet, *.csv.gz) under this prefix; give the "
          + "export's data prefix (it holds BILLING_PERIOD=YYYY-MM folders)", null);
    }
    return n;
  }

  private static S3Client client(String profile, String endpointUrl) {
    S3ClientBuilder b = S3Client.builder().httpClientBuilder(ApacheHttpClient.builder());
    b.credentialsProvider(profile == null ? DefaultCredentialsProvider.builder().build()
        : ProfileCredentialsProvider.builder().profileName(profile).build());
    Region r;
    try {
      r = profile == null ? new DefaultAwsRegionProviderChain().getRegion()
          : DefaultAwsRegionProviderChain.builder().profileName(profile).build().getRegion();
    } catch (RuntimeException e) {
      r = Region.US_EAST_1;   // the bucket's own region is reached through cross-region access
    }
    b.region(r).crossRegionAccessEnabled(true);
    if (endpointUrl != null) {
      b.endpointOverride(URI.create(endpointUrl)).forcePathStyle(true);
    }
    return b.build();
  }
}
