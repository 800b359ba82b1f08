package dev.migrate.collect;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.ChunkedDribbleDelay;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces a share of the stub server's answers by faults, in each service's wire format:
 * throttling (EC2 503 RequestLimitExceeded, query and CloudFront 400 Throttling, S3 503 SlowDown,
 * Cost Explorer 400 LimitExceededException, JSON 400 ThrottlingException, sometimes with
 * {@code Retry-After: 0}), 500/503 server errors, WireMock's connection faults (reset, malformed
 * chunk, random data then close, empty response), a 200 answer cut half-way and a slow body.
 *
 * <p>Which answers fail depends only on the seed, the request (method, URL, body, signed region
 * and service) and how many times that same request was seen before, never on thread timing,
 * so a seeded run faults the same requests every time.
 */
final class FaultInjector implements ResponseTransformerV2 {
  enum Kind { THROTTLE, SERVER_ERROR, RESET, MALFORMED_CHUNK, RANDOM_DATA, EMPTY, TRUNCATED, SLOW_BODY }

  private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d+/([^/]+)/([^/]+)/aws4_request");

  private final double rate;
  private final long seed;
  private final Kind[] kinds;
  private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
  final Map<Kind, AtomicLong> injected = new EnumMap<>(Kind.class);
  final AtomicLong requests = new AtomicLong();

  FaultInjector(double rate, long seed, Kind... kinds) {
    this.rate = rate;
    this.seed = seed;
    this.kinds = kinds.length == 0 ? Kind.values() : kinds;
    for (Kind k : Kind.values()) {
      injected.put(k, new AtomicLong());
    }
  }

  @Override
  public String getName() {
    return "fault-injector";
  }

  long total() {
    return injected.values().stream().mapToLong(AtomicLong::get).sum();
  }

  @Override
  public Response transform(Response response, ServeEvent event) {
    requests.incrementAndGet();
    Request r = event.getRequest();
    Matcher m = SCOPE.matcher(String.valueOf(r.getHeader("Authorization")));
    boolean signed = m.find();
    String region = signed ? m.group(1) : "?";
    String service = signed ? m.group(2) : "?";
    String key = r.getMethod() + " " + r.getUrl() + " " + region + " " + service + " " + r.getBodyAsString();
    int nth = seen.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
    long h = mix(seed ^ key.hashCode() * 0x9E3779B97F4A7C15L ^ nth * 0xC2B2AE3D27D4EB4FL);
    double u = (h >>> 11) * 0x1.0p-53;
    if (u >= rate) {
      return response;
    }
    Kind kind = kinds[(int) Long.remainderUnsigned(mix(h), kinds.length)];
    injected.get(kind).incrementAndGet();
    return switch (kind) {
      case THROTTLE -> throttle(service, (h & 3) == 0);
      case SERVER_ERROR -> serverError(service, (h & 1) == 0 ? 500 : 503);
      case RESET -> Response.Builder.like(response).but().fault(Fault.CONNECTION_RESET_BY_PEER).build();
      case MALFORMED_CHUNK -> Response.Builder.like(response).but().fault(Fault.MALFORMED_RESPONSE_CHUNK).build();
      case RANDOM_DATA -> Response.Builder.like(response).but().fault(Fault.RANDOM_DATA_THEN_CLOSE).build();
      case EMPTY -> Response.Builder.like(response).but().fault(Fault.EMPTY_RESPONSE).build();
      case TRUNCATED -> {
        byte[] body = response.getBody();
        // Half the body under a 200 and the original headers minus its length: what a proxy that dropped the rest sends.
        yield Response.Builder.like(response).but().body(Arrays.copyOf(body, body.length / 2))
            .headers(withoutLength(response.getHeaders())).build();
      }
      case SLOW_BODY -> Response.Builder.like(response).but().chunkedDribbleDelay(new ChunkedDribbleDelay(5, 20)).build();
    };
  }

  private static HttpHeaders withoutLength(HttpHeaders h) {
    HttpHeaders out = new HttpHeaders();
    for (HttpHeader x : h.all()) {
      if (!x.keyEquals("Content-Length")) {
        out = out.plus(x);
      }
    }
    return out;
  }

  /** The service's own throttling answer; {@code retryAfter} adds {@code Retry-After: 0}. */
  static Response throttle(String service, boolean retryAfter) {
    Response.Builder b = switch (service) {
      case "ec2" -> xml(503, "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded."
          + "</Message></Error></Errors><RequestID>f00d</RequestID></Response>");
      case "s3" -> xml(503, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message>"
          + "<RequestId>f00d</RequestId></Error>");
      case "ce" -> json(400, "{\"__type\":\"LimitExceededException\",\"Message\":\"You have exceeded the rate limit.\"}");
      case "wafv2" -> json(400, "{\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\"}");
      case "savingsplans" -> json(429, "{\"message\":\"Rate exceeded\"}").headers(new HttpHeaders(
          new HttpHeader("Content-Type", "application/json"), new HttpHeader("x-amzn-ErrorType", "ThrottlingException")));
      default -> xml(400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded"
          + "</Message></Error><RequestId>f00d</RequestId></ErrorResponse>");
    };
    Response resp = b.build();
    if (retryAfter) {
      return Response.Builder.like(resp).but().headers(resp.getHeaders().plus(new HttpHeader("Retry-After", "0"))).build();
    }
    return resp;
  }

  static Response serverError(String service, int status) {
    String code = status == 500 ? "InternalError" : "ServiceUnavailable";
    Response.Builder b = switch (service) {
      case "ec2" -> xml(status, "<Response><Errors><Error><Code>" + (status == 500 ? "InternalError" : "Unavailable")
          + "</Code><Message>An internal error has occurred.</Message></Error></Errors><RequestID>f00d</RequestID></Response>");
      case "s3" -> xml(status, "<Error><Code>" + code + "</Code><Message>Please try again.</Message></Error>");
      case "ce", "wafv2" -> json(status, "{\"__type\":\"" + (status == 500 ? "InternalServerException" : "ServiceUnavailableException")
          + "\",\"Message\":\"Please try again.\"}");
      case "savingsplans" -> json(status, "{\"message\":\"Please try again.\"}").headers(new HttpHeaders(
          new HttpHeader("Content-Type", "application/json"), new HttpHeader("x-amzn-ErrorType", "InternalServerException")));
      default -> xml(status, "<ErrorResponse><Error><Type>Receiver</Type><Code>" + (status == 500 ? "InternalFailure" : code)
          + "</Code><Message>Please try again.</Message></Error><RequestId>f00d</RequestId></ErrorResponse>");
    };
    return b.build();
  }

  private static Response.Builder xml(int status, String body) {
    return new Response.Builder().status(status).body(body.getBytes(StandardCharsets.UTF_8))
        .headers(new HttpHeaders(new HttpHeader("Content-Type", "text/xml")));
  }

  private static Response.Builder json(int status, String body) {
    return new Response.Builder().status(status).body(body.getBytes(StandardCharsets.UTF_8))
        .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/x-amz-json-1.1")));
  }

  /** SplitMix64's finaliser: spreads the key's bits over the whole word. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
