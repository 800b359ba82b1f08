package dev.migrate.deps;

/**
 * A figure measured in each direction between two ends {@code a} and {@code b} (bytes, or bytes in the
 * busiest hour), in the order the caller named the ends.
 *
 * @param aToB  from {@code a} to {@code b}
 * @param bToA  from {@code b} to {@code a}
 */
public record TwoWay(long aToB, long bToA) {
  /** Nothing measured either way. */
  public static final TwoWay ZERO = new TwoWay(0, 0);

  /** Both directions together. */
  public long total() {
    return aToB + bToA;
  }

  /** The same figures seen from the other end. */
  public TwoWay reversed() {
    return new TwoWay(bToA, aToB);
  }

  /** Direction by direction sum. */
  public TwoWay plus(TwoWay o) {
    return new TwoWay(aToB + o.aToB, bToA + o.bToA);
  }
}
