package dev.migrate.bill;

/** A Data Exports file or folder that cannot be read; the message is one line naming the file and what to do. */
public final class BillExportException extends RuntimeException {
  public BillExportException(String message) {
    super(message);
  }
}
