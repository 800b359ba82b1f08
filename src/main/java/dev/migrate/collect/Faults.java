package dev.migrate.collect;

import dev.migrate.inventory.Gap;
import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Turns a failed call into a {@link Gap}: service, region, error code, what is missing. */
final class Faults {
  private Faults() {}

  /**
   * Codes that mean the whole region is off limits (an opt-in region that is not enabled):
   * AWS answers AuthFailure / UnrecognizedClientException / InvalidClientTokenId for
   * credentials it does not know in that region, OptInRequired where it says so.
   */
  private static final Set<String> REGION_DISABLED = Set.of(
      "OptInRequired", "AuthFailure", "UnrecognizedClientException", "InvalidClientTokenId");

  static Gap gap(String service, String region, String missing, Throwable e) {
    return new Gap(service, region, code(e), missing, message(e));
  }

  static boolean regionDisabled(Throwable e) {
    return REGION_DISABLED.contains(code(e));
  }

  /** An AccessDenied of any spelling (AccessDenied, AccessDeniedException): the action is refused for every resource. */
  static boolean denied(Throwable e) {
    return code(e).contains("AccessDenied");
  }

  /** What a failed attempt means for retrying it. */
  enum Kind {
    /** AWS asks us to slow down: retried with a larger budget, and the client's pace drops. */
    THROTTLING,
    /** A 5xx answer (internal error, unavailable, gateway timeout): retried. */
    SERVER,
    /** The connection failed, was reset or closed mid-body, or timed out: retried. */
    CONNECTION,
    /** A 200 answer whose body is truncated or unreadable: retried (the SDK alone would not). */
    MALFORMED,
    /** AWS refuses for good (denied, credentials unknown, region not enabled): never retried. */
    REFUSED,
    /** Anything else (a validation error, a local problem): not retried. */
    OTHER;

    boolean retryable() {
      return this == THROTTLING || this == SERVER || this == CONNECTION || this == MALFORMED;
    }
  }

  /**
   * Error codes that mean "too many requests", over the services collected: EC2
   * RequestLimitExceeded, the query services' Throttling, Cost Explorer's LimitExceededException
   * ("You have exceeded the rate limit"), S3 SlowDown, JSON services' ThrottlingException and
   * TooManyRequestsException; HTTP 429 always. Source: each service's API reference, "Common errors".
   */
  private static final Set<String> THROTTLE_CODES = Set.of(
      "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
      "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "SlowDown",
      "LimitExceededException", "BandwidthLimitExceeded", "EC2ThrottledException", "PriorRequestNotComplete");

  /**
   * Codes some services send with a 4xx status for a fault that a retry may clear: timeouts and
   * internal errors, and clock skew (403 RequestTimeTooSkewed and the like), after which the SDK
   * corrects its clock and the next attempt is signed right.
   */
  private static final Set<String> TRANSIENT_CODES = Set.of(
      "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
      "ServiceUnavailableException", "InternalServerError", "InternalServerException", "IDPCommunicationError",
      "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture");

  static Kind kind(Throwable e) {
    if (e instanceof java.io.UncheckedIOException) {
      return Kind.CONNECTION;
    }
    if (e instanceof AwsServiceException a) {
      String c = code(e);
      if (a.statusCode() == 429 || THROTTLE_CODES.contains(c)) {
        return Kind.THROTTLING;
      }
      if (TRANSIENT_CODES.contains(c)) {
        return Kind.SERVER;
      }
      if (a.statusCode() == 401 || a.statusCode() == 403 || denied(e) || REGION_DISABLED.contains(c)
          || "UnauthorizedOperation".equals(c)) {
        return Kind.REFUSED;
      }
      if (a.statusCode() >= 500) {
        return Kind.SERVER;
      }
      return Kind.OTHER;
    }
    if (e instanceof SdkClientException) {
      return switch (code(e)) {
        case "MalformedResponse" -> Kind.MALFORMED;
        case "Unreachable" -> Kind.CONNECTION;
        default -> Kind.OTHER;
      };
    }
    return Kind.OTHER;
  }

  /** A failure that a retry might have overcome, as opposed to AWS refusing. */
  static boolean transientFault(Throwable e) {
    return kind(e).retryable();
  }

  /** A gap error code that records a refusal (the answer, not a fault): see {@link Kind#REFUSED}. */
  static boolean refusalCode(String code) {
    return code.contains("AccessDenied") || REGION_DISABLED.contains(code) || "UnauthorizedOperation".equals(code)
        || "UnknownRegion".equals(code);
  }

  static String code(Throwable e) {
    if (e instanceof java.io.UncheckedIOException) {
      return "Unreachable";
    }
    if (e instanceof AwsServiceException a) {
      if (a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null) {
        return a.awsErrorDetails().errorCode();
      }
      return "HTTP" + a.statusCode();
    }
    if (e instanceof SdkClientException) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("unmarshall") || m.contains("parse") || c instanceof javax.xml.stream.XMLStreamException
            || c.getClass().getName().contains("Json")) {
          return "MalformedResponse";
        }
        if (c instanceof IOException) {
          return "Unreachable";
        }
      }
      return "ClientError";
    }
    return e.getClass().getSimpleName();
  }

  /** One line for a person; AWS messages never carry credentials, but keep it short anyway. */
  static String message(Throwable e) {
    String m;
    if (e instanceof AwsServiceException a && a.awsErrorDetails() != null
        && a.awsErrorDetails().errorMessage() != null) {
      m = a.awsErrorDetails().errorMessage();
    } else {
      m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    m = m.replaceAll("\\s+", " ").trim();
    return m.length() > 240 ? m.substring(0, 237) + "..." : m;
  }
}
