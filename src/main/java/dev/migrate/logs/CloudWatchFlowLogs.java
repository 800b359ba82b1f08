package dev.migrate.logs;

import java.time.Instant;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * VPC Flow Logs delivered to a CloudWatch Logs log group (one log stream per interface): the events of the
 * group (all of them, or those of a time window), read with FilterLogEvents page by page, each event's message
 * one record for the same reader as the files. CloudWatch Logs keeps no header line, so a custom format needs
 * its field order. Read-only: needs {@code logs:FilterLogEvents}.
 */
public final class CloudWatchFlowLogs {
  /** The IAM action this source calls. */
  public static final String ACTION = "logs:FilterLogEvents";

  private CloudWatchFlowLogs() {}

  /**
   * Which events to read, by their CloudWatch Logs timestamp (for flow logs, when the record's capture window
   * was published): from {@code since} (inclusive) to {@code until} (exclusive); a null end is open.
   */
  public record Window(Instant since, Instant until) {
    /** Every event of the group. */
    public static final Window ALL = new Window(null, null);

    /**
     * @throws IllegalArgumentException when {@code until} is not after {@code since}
     */
    public Window {
      if (since != null && until != null && !until.isAfter(since)) {
        throw new IllegalArgumentException("--until " + until + " must be after --since " + since);
      }
    }
  }

  /**
   * @param format  the flow log's format (null: the default format)
   */
  public static FlowLogReport read(CloudWatchLogsClient logs, String logGroup, FlowLogFormat format,
      Consumer<String> progress) {
    return read(logs, logGroup, format, Window.ALL, progress);
  }

  /**
   * @param format  the flow log's format (null: the default format)
   * @param window  the events to read by timestamp
   */
  public static FlowLogReport read(CloudWatchLogsClient logs, String logGroup, FlowLogFormat format, Window window,
      Consumer<String> progress) {
    FlowLogParser parser = new FlowLogParser("cloudwatch-logs:" + logGroup,
        format == null ? FlowLogFormat.defaults() : format);
    // FilterLogEvents takes milliseconds since the epoch and includes both ends (events "later than endTime are
    // not returned"), so an exclusive until is one millisecond earlier.
    Long startMs = window.since() == null ? null : window.since().toEpochMilli();
    Long endMs = window.until() == null ? null : window.until().toEpochMilli() - 1;
    long pages = 0;
    for (var page : logs.filterLogEventsPaginator(r -> r.logGroupName(logGroup).startTime(startMs).endTime(endMs))) {
      for (FilteredLogEvent e : page.events()) {
        if (e.message() != null) {
          parser.line(e.message());
        }
      }
      if (++pages % 100 == 0) {
        progress.accept(String.format(java.util.Locale.ROOT, "%s: %,d pages, %,d records so far", logGroup, pages,
            parser.records));
      }
    }
    FlowLogTotals totals = new FlowLogTotals();
    totals.add(parser);
    return totals.report("cloudwatch-logs");
  }

  /** Reads the log group with a client built from the options (nulls: SDK defaults), closed afterwards. */
  public static FlowLogReport read(String profile, String region, String endpointUrl, String logGroup,
      FlowLogFormat format, Window window, Consumer<String> progress) {
    try (CloudWatchLogsClient client = client(profile, region, endpointUrl)) {
      return read(client, logGroup, format, window, progress);
    }
  }

  /** A client from the options (nulls: SDK defaults). */
  static CloudWatchLogsClient client(String profile, String region, String endpointUrl) {
    return LogClients.build(CloudWatchLogsClient.builder(), profile, region, endpointUrl);
  }
}
