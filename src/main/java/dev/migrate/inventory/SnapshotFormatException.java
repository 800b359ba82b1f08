package dev.migrate.inventory;

/**
 * A snapshot file that cannot be read. The message is one line: file, line:column where
 * known, JSON path, and what is wrong.
 */
public final class SnapshotFormatException extends RuntimeException {
  public SnapshotFormatException(String message) {
    super(message);
  }
}
