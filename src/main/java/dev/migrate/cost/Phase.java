package dev.migrate.cost;

/** The three phases a migration is priced in. */
public enum Phase {
  /** Today, on AWS. */
  CURRENT,
  /** Both clouds running, plus the link between them. */
  HYBRID,
  /** After the move, on Google Cloud. */
  TARGET
}
