package dev.migrate.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user asked {@code collect} (or {@code assess --aws-profile}) to scan.
 *
 * @param profile      AWS profile, or null for the default credential chain
 * @param regions      regions to scan; empty means every region enabled for the account
 * @param days         look-back window in days
 * @param endpointUrl  endpoint for every AWS client, or null
 * @param maxRps       cap on AWS requests per second, 0 for none
 * @param parallelism  regions and services scanned at once
 * @param redactTags   replace tag values by REDACTED
 * @param strict       gaps make the run fail (exit code FINDINGS) after the snapshot is written
 * @param out          snapshot file, or null for {@code reports/snapshot-<account>-<date>.json}
 * @param allowPartial write the snapshot even when inventory could not be read after retries
 *                     (otherwise that is exit code 4 and no snapshot)
 * @param resume       continue an interrupted or incomplete collection from its progress file
 * @param retryBackoff base delay of the back-off between retries
 */
public record CollectRequest(
    String profile,
    List<String> regions,
    int days,
    String endpointUrl,
    double maxRps,
    int parallelism,
    boolean redactTags,
    boolean strict,
    Path out,
    boolean allowPartial,
    boolean resume,
    java.time.Duration retryBackoff) {
  public CollectRequest {
    regions = regions == null ? List.of() : List.copyOf(regions);
  }

  /** Where the collection records its progress: next to {@code out}, or under reports/ per profile. */
  public Path progressFile() {
    if (out != null) {
      return out.resolveSibling(out.getFileName() + ".progress");
    }
    String name = profile == null ? "default" : profile.replaceAll("[^A-Za-z0-9._-]", "_");
    return Path.of("reports", "collect-" + name + ".progress");
  }
}
