package dev.migrate.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The manifest of an estate folder ({@value #FILE_NAME}): which accounts of an AWS Organization a
 * {@code collect --organization} run found, which it collected into which snapshot file of the
 * folder, which failed (and why) and which it skipped. A folder without a manifest is read as
 * every snapshot file in it.
 *
 * @param schema               always {@value #SCHEMA_V1}
 * @param organizationId       the organization's id ({@code o-...}), or null when it was not readable
 * @param managementAccountId  the organization's management account, or null when not readable
 * @param collectedAt          when the run that wrote this manifest started
 * @param billSource           where the collected accounts' bills came from: {@value #BILL_CONSOLIDATED} (the
 *                             management account's Cost Explorer, grouped by linked account),
 *                             {@value #BILL_PER_ACCOUNT} (each account's own Cost Explorer) or {@value #BILL_MIXED}
 *                             (some one way, some the other: runs resumed from different profiles); each
 *                             account's {@link AccountEntry#bill() bill} says which; null when no account was collected
 * @param billNote             one line: why some bills are per account (the profile was not the management account,
 *                             or its query by linked account was refused); null when every bill is consolidated
 * @param accounts             every account the organization listed, sorted by id
 */
public record EstateManifest(
    @JsonProperty(required = true) String schema,
    String organizationId,
    String managementAccountId,
    @JsonProperty(required = true) Instant collectedAt,
    String billSource,
    String billNote,
    @JsonProperty(required = true) List<AccountEntry> accounts) {

  public static final String SCHEMA_V1 = "migrate.estate/v1";
  /** The manifest's file name inside an estate folder. */
  public static final String FILE_NAME = "estate.json";
  /** Bills of every account from the management account's Cost Explorer, grouped by linked account. */
  public static final String BILL_CONSOLIDATED = "consolidated";
  /** Each account's bill from its own Cost Explorer. */
  public static final String BILL_PER_ACCOUNT = "per-account";
  /** Some accounts' bills consolidated, the others' per account. */
  public static final String BILL_MIXED = "mixed";

  public EstateManifest {
    if (!SCHEMA_V1.equals(schema)) {
      throw new IllegalArgumentException("unknown estate manifest schema '" + schema + "' (this version of migrate reads '"
          + SCHEMA_V1 + "')");
    }
    Objects.requireNonNull(collectedAt, "collectedAt");
    if (managementAccountId != null && !isAccountId(managementAccountId)) {
      throw new IllegalArgumentException("managementAccountId '" + managementAccountId + "' is not a 12-digit account id");
    }
    if (billSource != null && !billSource.equals(BILL_CONSOLIDATED) && !billSource.equals(BILL_PER_ACCOUNT)
        && !billSource.equals(BILL_MIXED)) {
      throw new IllegalArgumentException("billSource '" + billSource + "' is not '" + BILL_CONSOLIDATED + "', '"
          + BILL_PER_ACCOUNT + "' or '" + BILL_MIXED + "'");
    }
    if (billNote != null && (billNote.contains("\n") || billNote.contains("\r"))) {
      throw new IllegalArgumentException("billNote is more than one line");
    }
    List<AccountEntry> sorted = new ArrayList<>(Objects.requireNonNull(accounts, "accounts"));
    sorted.sort(Comparator.comparing(AccountEntry::id));
    Set<String> seen = new HashSet<>();
    Set<String> files = new HashSet<>();
    for (AccountEntry a : sorted) {
      Objects.requireNonNull(a, "accounts: null entry");
      if (!seen.add(a.id())) {
        throw new IllegalArgumentException("account " + a.id() + " is listed twice");
      }
      if (a.snapshot() != null && !files.add(a.snapshot())) {
        throw new IllegalArgumentException("snapshot file " + a.snapshot() + " is named by two accounts");
      }
    }
    accounts = List.copyOf(sorted);
  }

  /** A new manifest of the current format. */
  public static EstateManifest of(String organizationId, String managementAccountId, Instant collectedAt,
      String billSource, List<AccountEntry> accounts) {
    return new EstateManifest(SCHEMA_V1, organizationId, managementAccountId, collectedAt, billSource, null, accounts);
  }

  /** A new manifest of the current format whose bill source is what its collected accounts' bills say. */
  public static EstateManifest of(String organizationId, String managementAccountId, Instant collectedAt,
      List<AccountEntry> accounts, String billNote) {
    return new EstateManifest(SCHEMA_V1, organizationId, managementAccountId, collectedAt, billSourceOf(accounts),
        billNote, accounts);
  }

  /**
   * Where the collected accounts' bills came from, as one word: {@value #BILL_CONSOLIDATED} or
   * {@value #BILL_PER_ACCOUNT} when all agree, {@value #BILL_MIXED} when they do not; null when none says
   * (nothing collected, or a manifest written before accounts said it).
   */
  public static String billSourceOf(List<AccountEntry> accounts) {
    Set<String> seen = new java.util.TreeSet<>();
    for (AccountEntry a : accounts) {
      if (a.status() == Status.COLLECTED && a.bill() != null) {
        seen.add(a.bill());
      }
    }
    return seen.isEmpty() ? null : seen.size() == 1 ? seen.iterator().next() : BILL_MIXED;
  }

  /** The entry of an account, or null when the manifest does not list it. */
  public AccountEntry account(String id) {
    return accounts.stream().filter(a -> a.id().equals(id)).findFirst().orElse(null);
  }

  /** The accounts with a snapshot, sorted by id. */
  public List<AccountEntry> collected() {
    return accounts.stream().filter(a -> a.status() == Status.COLLECTED).toList();
  }

  /** The accounts that could not be collected, sorted by id. */
  public List<AccountEntry> failed() {
    return accounts.stream().filter(a -> a.status() == Status.FAILED).toList();
  }

  /** The snapshot file name of an account inside the estate folder: {@code <accountId>.json}. */
  public static String snapshotFileName(String accountId) {
    return accountId + ".json";
  }

  /** True for a 12-digit AWS account id. */
  public static boolean isAccountId(String id) {
    return id != null && id.matches("\\d{12}");
  }

  /** What became of an account in the run. */
  public enum Status {
    /** Its snapshot is in the folder. */
    @JsonProperty("collected") COLLECTED,
    /** It could not be entered or read: {@code errorCode} and {@code message} say why; no snapshot. */
    @JsonProperty("failed") FAILED,
    /** Not collected on purpose (not ACTIVE, or left out by the account filters): {@code message} says why. */
    @JsonProperty("skipped") SKIPPED
  }

  /**
   * One account of the organization.
   *
   * @param id        12-digit account id
   * @param name      the account's name in AWS Organizations, or null
   * @param email     the account's root e-mail address in AWS Organizations, or null
   * @param status    collected, failed or skipped
   * @param snapshot  the account's snapshot file in the folder (a plain file name, {@code <id>.json}) when
   *                  collected; null otherwise
   * @param bill      where a collected account's bill came from: {@value #BILL_CONSOLIDATED} or
   *                  {@value #BILL_PER_ACCOUNT}; null when not collected (or not said, in older manifests)
   * @param errorCode the AWS error code (or the tool's own, such as {@code Incomplete}) when failed; null otherwise
   * @param message   one line: why the account failed or was skipped; null when collected
   */
  public record AccountEntry(
      @JsonProperty(required = true) String id,
      String name,
      String email,
      @JsonProperty(required = true) Status status,
      String snapshot,
      String bill,
      String errorCode,
      String message) {
    public AccountEntry {
      if (!isAccountId(id)) {
        throw new IllegalArgumentException("account id '" + id + "' is not a 12-digit account id");
      }
      Objects.requireNonNull(status, "status");
      if (status == Status.COLLECTED && snapshot == null) {
        throw new IllegalArgumentException("account " + id + " is collected but names no snapshot file");
      }
      if (status != Status.COLLECTED && snapshot != null) {
        throw new IllegalArgumentException("account " + id + " is " + status.name().toLowerCase(java.util.Locale.ROOT)
            + " but names a snapshot file");
      }
      if (snapshot != null && (snapshot.isBlank() || snapshot.contains("/") || snapshot.contains("\\")
          || snapshot.startsWith("."))) {
        throw new IllegalArgumentException("account " + id + ": snapshot '" + snapshot
            + "' is not a plain file name inside the estate folder");
      }
      if (bill != null && status != Status.COLLECTED) {
        throw new IllegalArgumentException("account " + id + " is " + status.name().toLowerCase(java.util.Locale.ROOT)
            + " but names a bill source");
      }
      if (bill != null && !bill.equals(BILL_CONSOLIDATED) && !bill.equals(BILL_PER_ACCOUNT)) {
        throw new IllegalArgumentException("account " + id + ": bill '" + bill + "' is neither '" + BILL_CONSOLIDATED
            + "' nor '" + BILL_PER_ACCOUNT + "'");
      }
      if (status == Status.FAILED && (errorCode == null || message == null)) {
        throw new IllegalArgumentException("account " + id + " failed but has no errorCode and message");
      }
      if (message != null && (message.contains("\n") || message.contains("\r"))) {
        throw new IllegalArgumentException("account " + id + ": message is more than one line");
      }
    }

    /** Collected, without saying where its bill came from. */
    public static AccountEntry collected(String id, String name, String email) {
      return collected(id, name, email, null);
    }

    /** Collected, its bill from {@code bill} ({@value #BILL_CONSOLIDATED} or {@value #BILL_PER_ACCOUNT}). */
    public static AccountEntry collected(String id, String name, String email, String bill) {
      return new AccountEntry(id, name, email, Status.COLLECTED, snapshotFileName(id), bill, null, null);
    }

    public static AccountEntry failed(String id, String name, String email, String errorCode, String message) {
      return new AccountEntry(id, name, email, Status.FAILED, null, null, errorCode, message);
    }

    public static AccountEntry skipped(String id, String name, String email, String reason) {
      return new AccountEntry(id, name, email, Status.SKIPPED, null, null, null, reason);
    }
  }
}
