package dev.migrate.rules;

import dev.migrate.inventory.Snapshot;

/** Lets tests in other packages use the small test estate. */
public final class TestEstateAccess {
  private TestEstateAccess() {}

  public static Snapshot small() {
    return TestEstate.small();
  }
}
