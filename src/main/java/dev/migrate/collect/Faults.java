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

  static String code(Throwable e) {
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
