package dev.migrate.inventory;

/**
 * What the quick reading of a snapshot throws when the file is not in the form it reads (see {@link SnapshotJson}):
 * not a problem of the file, only a sign to read it again with the general binder, which then gives the snapshot or
 * the problem in its words. It carries no message and no stack trace, as it never reaches a user.
 */
final class Irregular extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final Irregular INSTANCE = new Irregular();

  private Irregular() {
    super(null, null, false, false);
  }
}
