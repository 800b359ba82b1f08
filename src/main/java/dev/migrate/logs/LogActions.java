package dev.migrate.logs;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The IAM actions {@code migrate logs analyze} needs, in one place: the calls it makes itself to read logs (S3
 * objects, a CloudWatch Logs log group, Athena queries), and what Athena does with the caller's permissions when
 * it runs them (the table in the Glue Data Catalog, reading the logs, writing the results). The shipped
 * {@code iam/migrate-logs-policy.json} lists exactly these; collection's read-only policy is separate.
 */
public final class LogActions {
  private LogActions() {}

  /** {@link S3LogSources}: ListObjectsV2 and GetObject. */
  public static final List<String> S3 = List.of("s3:ListBucket", "s3:GetObject");

  /** {@link CloudWatchFlowLogs}: FilterLogEvents. */
  public static final List<String> CLOUDWATCH_LOGS = List.of(CloudWatchFlowLogs.ACTION);

  /** {@link AthenaRunner}: StartQueryExecution, GetQueryExecution, GetQueryResults. */
  public static final List<String> ATHENA = List.of("athena:StartQueryExecution", "athena:GetQueryExecution",
      "athena:GetQueryResults");

  /**
   * Checked by Athena against the caller while it runs the statements: {@code CREATE EXTERNAL TABLE} writes the
   * table into the Glue Data Catalog, the query reads it and the logs' bucket, and the results are written to
   * the output location (multipart for large results). Athena User Guide, "Identity and access management in
   * Athena"; the AmazonAthenaFullAccess managed policy lists the same S3 actions for results buckets.
   */
  public static final List<String> ATHENA_FOR_THE_CALLER = List.of("glue:CreateTable", "glue:GetDatabase",
      "glue:GetTable", "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:PutObject",
      "s3:AbortMultipartUpload", "s3:ListBucketMultipartUploads", "s3:ListMultipartUploadParts");

  /** The calls the tool itself makes, sorted. */
  public static SortedSet<String> called() {
    SortedSet<String> s = new TreeSet<>(S3);
    s.addAll(CLOUDWATCH_LOGS);
    s.addAll(ATHENA);
    return Collections.unmodifiableSortedSet(s);
  }

  /** What Athena needs of the caller, sorted. */
  public static SortedSet<String> forAthena() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(ATHENA_FOR_THE_CALLER));
  }
}
