package dev.migrate.collect;

import dev.migrate.inventory.Gap;

/** Hears about a scan while it runs; called from several threads. */
public interface Progress {
  /** {@code more} units of work (one region and service each) were added to the plan. */
  void planned(int more);

  /** One unit finished; {@code items} resources were read. */
  void done(String service, String region, int items);

  /** Something could not be collected; the scan goes on. */
  void gap(Gap gap);

  Progress NONE = new Progress() {
    @Override
    public void planned(int more) {}

    @Override
    public void done(String service, String region, int items) {}

    @Override
    public void gap(Gap gap) {}
  };
}
