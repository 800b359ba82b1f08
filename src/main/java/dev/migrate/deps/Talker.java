package dev.migrate.deps;

/**
 * One end's traffic over the window, for the top talkers.
 *
 * @param end       the end
 * @param bytesOut  bytes it sent (to other ends; traffic within the end is not counted)
 * @param bytesIn   bytes it received from other ends
 * @param flows     flow records it took part in
 * @param peers     how many other ends it exchanged traffic with
 */
public record Talker(End end, long bytesOut, long bytesIn, long flows, int peers) {
  public long bytes() {
    return bytesOut + bytesIn;
  }
}
