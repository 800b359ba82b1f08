package dev.migrate.rules;

/** The shipped catalogue, loaded once (immutable data, safe to share). */
final class Catalogs {
  static final Catalog BUILT_IN = Catalog.builtIn();

  private Catalogs() {}
}
