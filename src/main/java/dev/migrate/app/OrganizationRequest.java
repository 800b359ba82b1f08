package dev.migrate.app;

import java.util.List;
import java.util.Objects;

/**
 * What the user asked {@code collect --organization} to scan.
 *
 * @param scan             the scan options every account gets ({@code out} is the estate folder)
 * @param roleName         role to assume in each member account
 * @param externalId       the role's external id, or null
 * @param accounts         collect only these account ids (empty: every active account)
 * @param excludeAccounts  never collect these account ids
 * @param parallelAccounts accounts scanned at the same time
 */
public record OrganizationRequest(
    CollectRequest scan,
    String roleName,
    String externalId,
    List<String> accounts,
    List<String> excludeAccounts,
    int parallelAccounts) {
  /** Accounts scanned at once by default: with 8 regions and services each, 32 calls in flight at most. */
  public static final int DEFAULT_PARALLEL_ACCOUNTS = 4;
  /** The role AWS Organizations creates in every account it creates. */
  public static final String DEFAULT_ROLE = dev.migrate.collect.OrganizationCollector.DEFAULT_ROLE;

  public OrganizationRequest {
    Objects.requireNonNull(scan, "scan");
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    excludeAccounts = excludeAccounts == null ? List.of() : List.copyOf(excludeAccounts);
  }
}
