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
    Path out) {
  public CollectRequest {
    regions = regions == null ? List.of() : List.copyOf(regions);
  }
}
