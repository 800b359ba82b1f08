package dev.migrate.collect;

/**
 * The scan cannot start or cannot go on: no credentials for the profile, an endpoint URL that is
 * not a URL, a progress file that does not fit ({@link #remote()} false: the user's options), or
 * an account whose identity cannot be read at all, so nothing could be collected
 * ({@link #remote()} true: AWS or the network). Faults during the scan are gaps, never this.
 */
public final class CollectException extends RuntimeException {
  private final boolean remote;

  public CollectException(String message, Throwable cause) {
    this(message, cause, false);
  }

  CollectException(String message, Throwable cause, boolean remote) {
    super(message, cause);
    this.remote = remote;
  }

  /** True when AWS or the network failed (as opposed to the user's options or files). */
  public boolean remote() {
    return remote;
  }
}
