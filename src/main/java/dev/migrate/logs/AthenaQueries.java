package dev.migrate.logs;

/**
 * The same aggregation as the parser, as Amazon Athena SQL over the logs where they lie in S3,
 * for estates whose logs are too large for one machine. Three queries (each one scan):
 * <ol>
 *   <li>{@link #facts}: per resource, with GROUPING SETS, the totals, latency percentiles and
 *       first/last time, and the requests and bytes per UTC hour, status class, edge location
 *       code and cache result;</li>
 *   <li>{@link #peaks}: per resource and UTC day, the busiest second;</li>
 *   <li>{@link #topPaths}: per resource, the N paths with most requests and with most bytes
 *       (exact, unlike the parser's bounded Space-Saving lists).</li>
 * </ol>
 * Tables use the DDL of the Athena User Guide ("Querying Application Load Balancer logs",
 * "Querying Classic Load Balancer logs", "Querying Amazon CloudFront logs"). The SQL is
 * written once and rendered for Athena (Trino) or, in tests, DuckDB, whose few differing
 * functions {@link Dialect} supplies.
 */
public final class AthenaQueries {
  private AthenaQueries() {}

  /** Where Athena and DuckDB spell things differently. */
  public enum Dialect {
    ATHENA, DUCKDB;

    String isoTimestamp(String col) {
      return this == ATHENA ? "from_iso8601_timestamp(" + col + ")"
          : "CAST(replace(" + col + ", 'Z', '') AS TIMESTAMP)";
    }

    String epochSeconds(String ts) {
      return this == ATHENA ? "CAST(floor(to_unixtime(" + ts + ")) AS BIGINT)" : "CAST(floor(epoch(" + ts + ")) AS BIGINT)";
    }

    String percentile(String col, String q) {
      return this == ATHENA ? "approx_percentile(" + col + ", " + q + ")" : "quantile_disc(" + col + ", " + q + ")";
    }

    /** Whether the regular expression matches somewhere in the value (anchor it for a whole match). */
    String matches(String col, String regex) {
      return (this == ATHENA ? "regexp_like(" : "regexp_matches(") + col + ", '" + regex + "')";
    }

    String urlDecode(String col) {
      return this == ATHENA ? "url_decode(" + col + ")" : "url_decode(" + col + ")";
    }
  }

  /** Athena's default table names, one per format. */
  public static String defaultTable(LogFormat f) {
    return switch (f) {
      case ALB -> "alb_logs";
      case CLB -> "elb_logs";
      case CLOUDFRONT -> "cloudfront_logs";
    };
  }

  /** The Athena User Guide DDL for the format, with the table name and S3 location filled in. */
  public static String createTable(LogFormat f, String table, String location) {
    return switch (f) {
      case ALB -> "CREATE EXTERNAL TABLE IF NOT EXISTS " + table + " (\n"
          + "    type string,\n    time string,\n    elb string,\n    client_ip string,\n    client_port int,\n"
          + "    target_ip string,\n    target_port int,\n    request_processing_time double,\n"
          + "    target_processing_time double,\n    response_processing_time double,\n    elb_status_code string,\n"
          + "    target_status_code string,\n    received_bytes bigint,\n    sent_bytes bigint,\n    request_verb string,\n"
          + "    request_url string,\n    request_proto string,\n    user_agent string,\n    ssl_cipher string,\n"
          + "    ssl_protocol string,\n    target_group_arn string,\n    trace_id string,\n    domain_name string,\n"
          + "    chosen_cert_arn string,\n    matched_rule_priority string,\n    request_creation_time string,\n"
          + "    actions_executed string,\n    redirect_url string,\n    lambda_error_reason string,\n"
          + "    target_port_list string,\n    target_status_code_list string,\n    classification string,\n"
          + "    classification_reason string,\n    conn_trace_id string\n    )\n"
          + "    ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'\n    WITH SERDEPROPERTIES (\n"
          + "    'serialization.format' = '1',\n    'input.regex' = \n'" + ALB_REGEX + "')\n"
          + "    LOCATION '" + location + "'";
      case CLB -> "CREATE EXTERNAL TABLE IF NOT EXISTS " + table + " (\n"
          + " request_timestamp string,\n elb_name string,\n request_ip string,\n request_port int,\n backend_ip string,\n"
          + " backend_port int,\n request_processing_time double,\n backend_processing_time double,\n"
          + " client_response_time double,\n elb_response_code string,\n backend_response_code string,\n"
          + " received_bytes bigint,\n sent_bytes bigint,\n request_verb string,\n url string,\n protocol string,\n"
          + " user_agent string,\n ssl_cipher string,\n ssl_protocol string\n)\n"
          + "ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.RegexSerDe'\nWITH SERDEPROPERTIES (\n"
          + " 'serialization.format' = '1',\n 'input.regex' = '" + CLB_REGEX + "' )\n"
          + "LOCATION '" + location + "'";
      case CLOUDFRONT -> "CREATE EXTERNAL TABLE IF NOT EXISTS " + table + " (\n"
          + "  `date` DATE,\n  time STRING,\n  location STRING,\n  bytes BIGINT,\n  requestip STRING,\n  method STRING,\n"
          + "  host STRING,\n  uri STRING,\n  status INT,\n  referrer STRING,\n  useragent STRING,\n  querystring STRING,\n"
          + "  cookie STRING,\n  resulttype STRING,\n  requestid STRING,\n  hostheader STRING,\n  requestprotocol STRING,\n"
          + "  requestbytes BIGINT,\n  timetaken FLOAT,\n  xforwardedfor STRING,\n  sslprotocol STRING,\n"
          + "  sslcipher STRING,\n  responseresulttype STRING,\n  httpversion STRING,\n  filestatus STRING,\n"
          + "  encryptedfields INT\n)\nROW FORMAT DELIMITED \nFIELDS TERMINATED BY '\\t'\n"
          + "LOCATION '" + location + "'\nTBLPROPERTIES ( 'skip.header.line.count'='2' )";
    };
  }

  /**
   * The ALB SerDe regex as in the DDL text of the current Athena User Guide page (Hive unescapes
   * {@code \"} to {@code "} and {@code \\s} to {@code \s}). It needs the fields ALB added in 2020
   * ({@code "error_reason"} to {@code "classification_reason"}, quoted) and accepts TLS 1.3 cipher
   * names with underscores; the guide's older regex ({@code ([A-Z0-9-]+)}) rejects every TLS 1.3
   * entry.
   */
  static final String ALB_REGEX = "([^ ]*) ([^ ]*) ([^ ]*) ([^ ]*):([0-9]*) ([^ ]*)[:-]([0-9]*) ([-.0-9]*) ([-.0-9]*) "
      + "([-.0-9]*) (|[-0-9]*) (-|[-0-9]*) ([-0-9]*) ([-0-9]*) \\\"([^ ]*) (.*) (- |[^ ]*)\\\" \\\"([^\\\"]*)\\\" "
      + "([A-Z0-9-_]+) ([A-Za-z0-9.-]*) ([^ ]*) \\\"([^\\\"]*)\\\" \\\"([^\\\"]*)\\\" \\\"([^\\\"]*)\\\" ([-.0-9]*) ([^ ]*) "
      + "\\\"([^\\\"]*)\\\" \\\"([^\\\"]*)\\\" \\\"([^ ]*)\\\" \\\"([^\\\\s]+?)\\\" \\\"([^\\\\s]+)\\\" \\\"([^ ]*)\\\" "
      + "\\\"([^ ]*)\\\" ?([^ ]*)?( .*)?";

  /** The CLB SerDe regex exactly as in the DDL text. */
  static final String CLB_REGEX = "([^ ]*) ([^ ]*) ([^ ]*):([0-9]*) ([^ ]*)[:\\-]([0-9]*) ([-.0-9]*) ([-.0-9]*) "
      + "([-.0-9]*) (|[-0-9]*) (-|[-0-9]*) ([-0-9]*) ([-0-9]*) \\\\\\\"([^ ]*) ([^ ]*) (- |[^ ]*)\\\\\\\" "
      + "(\\\"[^\\\"]*\\\") ([A-Z0-9-]+) ([A-Za-z0-9.-]*)$";

  /** One normalised row per request: the columns every query below reads. */
  static String rows(LogFormat f, String table, Dialect d) {
    String resource;
    String ts;
    String status;
    String out;
    String in;
    String latency;
    String path;
    String edge;
    String result;
    switch (f) {
      case ALB, CLB -> {
        boolean alb = f == LogFormat.ALB;
        resource = alb ? "elb" : "elb_name";
        ts = d.isoTimestamp(alb ? "time" : "request_timestamp");
        String code = alb ? "elb_status_code" : "elb_response_code";
        status = "CASE WHEN " + code + " LIKE '1__' THEN 1 WHEN " + code + " LIKE '2__' THEN 2 WHEN " + code
            + " LIKE '3__' THEN 3 WHEN " + code + " LIKE '4__' THEN 4 WHEN " + code + " LIKE '5__' THEN 5 ELSE 0 END";
        out = "sent_bytes";
        in = "received_bytes";
        String t1 = "request_processing_time";
        String t2 = alb ? "target_processing_time" : "backend_processing_time";
        String t3 = alb ? "response_processing_time" : "client_response_time";
        latency = "CASE WHEN " + t1 + " < 0 OR " + t2 + " < 0 OR " + t3 + " < 0 THEN NULL ELSE " + t1 + " + " + t2
            + " + " + t3 + " END";
        String url = alb ? "request_url" : "url";
        // scheme://host:port/path?query -> /path (no path -> "/"); "-" (TCP/SSL listener) -> no path
        path = "CASE WHEN " + url + " = '-' THEN NULL ELSE coalesce(NULLIF(regexp_extract(" + url
            + ", '^[^/?]*://[^/]*(/[^?]*)', 1), ''), NULLIF(regexp_extract(" + url + ", '^([^?]+)', 1), ''), '/') END";
        edge = "CAST(NULL AS VARCHAR)";
        result = "CAST(NULL AS VARCHAR)";
      }
      default -> {
        // The distribution id is in the object name, <distribution ID>.YYYY-MM-DD-HH.unique-ID.gz
        resource = "coalesce(NULLIF(regexp_extract(\"$path\", '([A-Z0-9]{6,})\\.[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{2}\\.[^./]+(\\.gz)?$', 1), ''), host)";
        ts = "CAST(CAST(\"date\" AS VARCHAR) || ' ' || time AS TIMESTAMP)";
        status = "CASE WHEN status BETWEEN 100 AND 599 THEN CAST(floor(status / 100.0) AS INTEGER) ELSE 0 END";
        out = "bytes";
        in = "requestbytes";
        latency = "CAST(timetaken AS DOUBLE)";
        path = d.urlDecode("uri");
        edge = "substr(location, 1, 3)";
        result = "resulttype";
      }
    }
    return "r AS (SELECT " + resource + " AS resource, " + d.epochSeconds(ts) + " AS sec, " + status + " AS status_class, "
        + out + " AS bytes_out, " + in + " AS bytes_in, " + latency + " AS latency_s, " + path + " AS path, " + edge
        + " AS edge, " + result + " AS result FROM " + table + ")";
  }

  /**
   * Columns: resource, fact (total|hour|status|edge|cache), k, requests, bytes_out, bytes_in,
   * first_sec, last_sec, latency_samples, p50, p90, p99, p999, max (latency in seconds).
   */
  public static String facts(LogFormat f, String table, Dialect d) {
    String lat = "latency_s";
    return "WITH " + rows(f, table, d) + ",\n"
        + "h AS (SELECT resource, CAST(floor(sec / 3600.0) AS BIGINT) AS hour, status_class, edge, result, bytes_out, "
        + "bytes_in, sec, latency_s FROM r)\n"
        + "SELECT resource,\n"
        + "  CASE WHEN grouping(hour) = 0 THEN 'hour' WHEN grouping(status_class) = 0 THEN 'status'"
        + " WHEN grouping(edge) = 0 THEN 'edge' WHEN grouping(result) = 0 THEN 'cache' ELSE 'total' END AS fact,\n"
        + "  coalesce(CAST(hour AS VARCHAR), CAST(status_class AS VARCHAR), edge, result, '') AS k,\n"
        + "  count(*) AS requests, sum(bytes_out) AS bytes_out, sum(bytes_in) AS bytes_in, min(sec) AS first_sec,"
        + " max(sec) AS last_sec,\n"
        + "  count(" + lat + ") AS latency_samples, " + d.percentile(lat, "0.5") + " AS p50, "
        + d.percentile(lat, "0.9") + " AS p90, " + d.percentile(lat, "0.99") + " AS p99, "
        + d.percentile(lat, "0.999") + " AS p999, max(" + lat + ") AS max_latency\n"
        + "FROM h\n"
        + "GROUP BY GROUPING SETS ((resource), (resource, hour), (resource, status_class), (resource, edge),"
        + " (resource, result))\n"
        + "ORDER BY resource, fact, k";
  }

  /** Columns: resource, day (epoch day), sec (epoch second of the day's busiest second), requests. */
  public static String peaks(LogFormat f, String table, Dialect d) {
    return "WITH " + rows(f, table, d) + ",\n"
        + "s AS (SELECT resource, sec, count(*) AS n FROM r GROUP BY resource, sec),\n"
        + "d AS (SELECT resource, CAST(floor(sec / 86400.0) AS BIGINT) AS day, sec, n, row_number() OVER ("
        + "PARTITION BY resource, CAST(floor(sec / 86400.0) AS BIGINT) ORDER BY n DESC, sec) AS rk FROM s)\n"
        + "SELECT resource, day, sec, n FROM d WHERE rk = 1 ORDER BY resource, day";
  }

  /** Columns: resource, path, requests, bytes_out, rank by requests, rank by bytes. */
  public static String topPaths(LogFormat f, String table, Dialect d, int n) {
    return "WITH " + rows(f, table, d) + ",\n"
        + "p AS (SELECT resource, path, count(*) AS n, sum(bytes_out) AS b FROM r WHERE path IS NOT NULL"
        + " GROUP BY resource, path),\n"
        + "q AS (SELECT resource, path, n, b, row_number() OVER (PARTITION BY resource ORDER BY n DESC, path) AS rn,"
        + " row_number() OVER (PARTITION BY resource ORDER BY b DESC, path) AS rb FROM p)\n"
        + "SELECT resource, path, n, b, rn, rb FROM q WHERE rn <= " + n + " OR rb <= " + n
        + " ORDER BY resource, rn";
  }
}
