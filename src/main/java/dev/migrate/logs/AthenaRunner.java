package dev.migrate.logs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;

/**
 * Runs a statement on Amazon Athena and reads its result: StartQueryExecution, GetQueryExecution
 * until the state is final, then GetQueryResults page by page (the header row skipped).
 */
public final class AthenaRunner {
  /** Waits between polls; tests pass one that does not sleep. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** A query that ended FAILED or CANCELLED, or took too long. */
  public static final class QueryFailed extends RuntimeException {
    public QueryFailed(String message) {
      super(message);
    }
  }

  private final AthenaClient athena;
  private final String database;
  private final String workGroup;
  private final String outputLocation;
  private final Duration poll;
  private final int maxPolls;
  private final Sleeper sleeper;

  /**
   * @param database        Glue database for the table ("default" if null)
   * @param workGroup       workgroup ("primary" if null)
   * @param outputLocation  s3:// location for results, or null when the workgroup sets one
   * @param poll            pause between GetQueryExecution calls
   * @param maxPolls        polls before giving up
   */
  public AthenaRunner(AthenaClient athena, String database, String workGroup, String outputLocation, Duration poll,
      int maxPolls, Sleeper sleeper) {
    this.athena = athena;
    this.database = database == null ? "default" : database;
    this.workGroup = workGroup == null ? "primary" : workGroup;
    this.outputLocation = outputLocation;
    this.poll = poll;
    this.maxPolls = maxPolls;
    this.sleeper = sleeper;
  }

  /** A client from the usual options (nulls: SDK defaults). */
  public static AthenaClient client(String profile, String region, String endpointUrl) {
    return LogClients.build(AthenaClient.builder(), profile, region, endpointUrl);
  }

  /** Runs a statement that returns no rows (DDL) and waits for it. */
  public void execute(String sql) {
    await(start(sql));
  }

  /** Runs a query and returns its rows, each cell as Athena's string (null for SQL NULL). */
  public List<List<String>> query(String sql) {
    String id = start(sql);
    await(id);
    List<List<String>> rows = new ArrayList<>();
    String token = null;
    boolean header = true;
    do {
      String t = token;
      GetQueryResultsResponse page = athena.getQueryResults(b -> b.queryExecutionId(id).nextToken(t));
      for (Row row : page.resultSet().rows()) {
        if (header) {
          header = false;
          continue;
        }
        List<String> cells = new ArrayList<>(row.data().size());
        for (Datum d : row.data()) {
          cells.add(d.varCharValue());
        }
        rows.add(cells);
      }
      token = page.nextToken();
    } while (token != null);
    return rows;
  }

  private String start(String sql) {
    StartQueryExecutionRequest.Builder b = StartQueryExecutionRequest.builder().queryString(sql)
        .queryExecutionContext(c -> c.database(database)).workGroup(workGroup);
    if (outputLocation != null) {
      b.resultConfiguration(c -> c.outputLocation(outputLocation));
    }
    return athena.startQueryExecution(b.build()).queryExecutionId();
  }

  private void await(String id) {
    for (int i = 0; i < maxPolls; i++) {
      QueryExecution q = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
      QueryExecutionState state = q.status().state();
      if (state == QueryExecutionState.SUCCEEDED) {
        return;
      }
      if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) {
        throw new QueryFailed("Athena query " + id + " " + state + ": " + q.status().stateChangeReason());
      }
      try {
        sleeper.sleep(poll);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QueryFailed("interrupted while waiting for Athena query " + id);
      }
    }
    throw new QueryFailed("Athena query " + id + " did not finish after " + maxPolls + " polls");
  }
}
