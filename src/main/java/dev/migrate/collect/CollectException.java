package dev.migrate.collect;

/**
 * The scan cannot start at all (no credentials for the profile, an endpoint URL that is not a
 * URL). Faults during the scan are gaps, never this.
 */
public final class CollectException extends RuntimeException {
  public CollectException(String message, Throwable cause) {
    super(message, cause);
  }
}
