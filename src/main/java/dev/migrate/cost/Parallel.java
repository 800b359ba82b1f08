package dev.migrate.cost;

/**
 * Runs two independent parts of the cost model at once: the second on a thread of its own, the first on the
 * caller's. The model's stages read the estate, the plan and the price book, and each part writes only its own
 * ledger, so two cores price an estate in about the time of its larger part (at 200,000 instances each side is
 * about a second of CPU).
 */
final class Parallel {
  private Parallel() {}

  /**
   * Runs both and returns when both are done. A failure is rethrown as it was raised, the first part's before the
   * second's, as if they had run one after the other.
   */
  static void both(Runnable first, Runnable second) {
    Throwable[] failed = new Throwable[1];
    Thread t = new Thread(() -> {
      try {
        second.run();
      } catch (Throwable e) {
        failed[0] = e;
      }
    }, "migrate-cost");
    t.setDaemon(true);
    t.start();
    try {
      first.run();
    } finally {
      boolean interrupted = false;
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    // join() makes the second part's writes, and its failure, visible here.
    Throwable e = failed[0];
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    if (e != null) {
      throw new IllegalStateException(e);
    }
  }
}
