package dev.migrate.logs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.SortedSet;
import java.util.TreeSet;

/** The IAM action of each request a log source sent to WireMock, checked against {@link LogActions#called()}. */
public final class LogsWire {
  private LogsWire() {}

  /**
   * Maps requests to IAM actions: JSON protocols by their X-Amz-Target ({@code AmazonAthena.X} to
   * {@code athena:X}, {@code Logs_20140328.X} to {@code logs:X}), S3 REST by method and path
   * ({@code GET /bucket?list-type=2} is ListObjectsV2, authorised by {@code s3:ListBucket};
   * {@code GET /bucket/key} is {@code s3:GetObject}).
   */
  public static SortedSet<String> actions(WireMockServer server) {
    SortedSet<String> out = new TreeSet<>();
    for (ServeEvent e : server.getAllServeEvents()) {
      LoggedRequest r = e.getRequest();
      String target = r.getHeader("X-Amz-Target");
      String path = r.getUrl().split("\\?", 2)[0];
      if (target != null && target.startsWith("AmazonAthena.")) {
        out.add("athena:" + target.substring("AmazonAthena.".length()));
      } else if (target != null && target.startsWith("Logs_20140328.")) {
        out.add("logs:" + target.substring("Logs_20140328.".length()));
      } else if (r.getMethod().getName().equals("GET") && r.getUrl().contains("list-type=2")
          && path.indexOf('/', 1) < 0) {
        out.add("s3:ListBucket");
      } else if (r.getMethod().getName().equals("GET") && path.indexOf('/', 1) > 0) {
        out.add("s3:GetObject");
      } else {
        throw new AssertionError("a request no IAM action is known for: " + r.getMethod() + " " + r.getUrl());
      }
    }
    return out;
  }

  /** Every request on the wire is an action the logs policy grants, and the run made some. */
  public static void assertDeclared(WireMockServer server) {
    SortedSet<String> wire = actions(server);
    assertTrue(!wire.isEmpty(), "nothing was sent");
    for (String a : wire) {
      assertTrue(LogActions.called().contains(a), "undeclared call on the wire: " + a + " (LogActions)");
    }
  }
}
