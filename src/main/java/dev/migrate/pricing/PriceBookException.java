package dev.migrate.pricing;

/** A price book that cannot be read; the message names file:line and what is wrong. */
public final class PriceBookException extends RuntimeException {
  public PriceBookException(String message) {
    super(message);
  }

  public PriceBookException(String message, Throwable cause) {
    super(message, cause);
  }
}
