package dev.migrate.rules;

import dev.migrate.inventory.Snapshot;

/** Lets tests in other packages use the small test estate. */
public final class TestEstateAccess {
  private TestEstateAccess() {}

  public static Snapshot small() {
    return TestEstate.small();
  }

  /** The database and cache estate of the database rules golden. */
  public static Snapshot databases() {
    return TestEstate.databases();
  }
}
