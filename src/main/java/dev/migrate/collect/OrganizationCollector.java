package dev.migrate.collect;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Collects the accounts of an AWS Organization from its management account (or a delegated
 * administrator): lists them, enters each member through a role ({@code sts:AssumeRole}) and scans it
 * with {@link AwsCollector}, several accounts at a time. The caller's own account is scanned with the
 * caller's own credentials. An account that cannot be entered or read is reported to the listener and
 * the others go on.
 *
 * <p>The bill: from the management account, Cost Explorer's by-linked-account view gives every member
 * its own months in one query (plus one usage-type query per account); elsewhere, or when it is refused,
 * each account's own Cost Explorer is asked, as for one account, except that the management account's
 * own is filtered to that account (it sees the whole organization's cost there).
 *
 * <p>From a delegated administrator the management account is entered through the role like the others,
 * but it seldom has one (AWS Organizations creates its access role only in the accounts it creates): when
 * it is refused, the failure says so and how to add the account later ({@code --resume} from a profile of
 * the management account, which then also reads its part of the consolidated bill).
 */
public final class OrganizationCollector implements AutoCloseable {
  static final String ASSUME_ROLE = "sts:AssumeRole";
  static final List<String> ACTIONS = List.of("organizations:DescribeOrganization", "organizations:ListAccounts",
      ASSUME_ROLE);
  /** The role AWS Organizations creates in every account it creates (AWS Organizations User Guide). */
  public static final String DEFAULT_ROLE = "OrganizationAccountAccessRole";
  /** ListAccounts returns at most 20 accounts a page (AWS Organizations API reference, MaxResults 1-20). */
  static final int PAGE_SIZE = 20;
  /** The session name in the member accounts' CloudTrail: says who entered. */
  static final String SESSION_NAME = "migrate-collect";

  /** The bill came from the management account's Cost Explorer, by linked account. */
  public static final String BILL_CONSOLIDATED = dev.migrate.inventory.EstateManifest.BILL_CONSOLIDATED;
  /** Each account's bill came from its own Cost Explorer. */
  public static final String BILL_PER_ACCOUNT = dev.migrate.inventory.EstateManifest.BILL_PER_ACCOUNT;

  /**
   * An account as AWS Organizations lists it.
   *
   * @param state ACTIVE, SUSPENDED, PENDING_CLOSURE, CLOSED, PENDING_ACTIVATION (Organizations' account state)
   */
  public record Member(String id, String name, String email, String state) {
    public boolean active() {
      return "ACTIVE".equals(state);
    }
  }

  /**
   * The organization as seen from the caller.
   *
   * @param id                   {@code o-...}
   * @param managementAccountId  the management account
   * @param callerAccountId      the account of the profile's credentials (scanned with them, not through the role)
   * @param accounts             every account listed, sorted by id
   */
  public record Organization(String id, String managementAccountId, String callerAccountId, List<Member> accounts) {
    public Organization {
      accounts = accounts.stream().sorted(Comparator.comparing(Member::id)).toList();
    }

    /**
     * True when the caller is not the management account: a delegated administrator (AWS Organizations lets only
     * the management account and delegated administrators list the accounts). Its Cost Explorer has its own cost
     * only, and the management account has no member role unless one was created there.
     */
    public boolean delegated() {
      return managementAccountId != null && !managementAccountId.equals(callerAccountId);
    }
  }

  /** Hears about each account as it ends; called from several threads at once. */
  public interface Listener {
    /** Where the scan of {@code member} reports its progress and gaps. */
    Progress progress(Member member);

    /**
     * The account was scanned; its snapshot may still have gaps or be incomplete (see {@link CollectResult}).
     *
     * @param bill where its bill came from: {@link #BILL_CONSOLIDATED} or {@link #BILL_PER_ACCOUNT}
     */
    void collected(Member member, CollectResult result, String bill);

    /**
     * Before any account is scanned: where this run reads the bills from ({@link #BILL_CONSOLIDATED} or
     * {@link #BILL_PER_ACCOUNT}) and, when per account, why (one line).
     */
    default void billFrom(String billSource, String note) {}

    /** The account could not be entered or read at all. */
    void failed(Member member, String errorCode, String message);
  }

  /**
   * @param billSource {@link #BILL_CONSOLIDATED} or {@link #BILL_PER_ACCOUNT}
   * @param billNote   why the bill is per account (null when consolidated)
   * @param calls      the calls made with the caller's credentials for the organization itself (listing,
   *                   AssumeRole, the consolidated bill); each account's own calls are in its result
   */
  public record Result(String billSource, String billNote, CallStats calls) {}

  private final CollectOptions options;
  private final Clock clock;
  private final AwsCredentialsProvider base;
  private final String home;
  private final CallLog log = new CallLog();
  private final Clients clients;
  private String partition = "aws";

  /** From the profile of {@code options} (or the default chain). */
  public OrganizationCollector(CollectOptions options, Clock clock) {
    this(options, clock, null, null);
  }

  /** For tests and benchmarks: fixed credentials and home region instead of the profile chain. */
  OrganizationCollector(CollectOptions options, Clock clock, AwsCredentialsProvider credentials, String homeRegion) {
    // Each account keeps its scan in memory until its snapshot is written; --resume works per account here.
    this.options = new CollectOptions(options.profile(), options.regions(), options.days(), options.endpointUrl(),
        options.maxRps(), options.parallelism(), options.redactTags(), options.maxAttempts(), options.throttleAttempts(),
        options.baseBackoff(), options.maxCallTime(), null, false);
    this.clock = clock;
    this.base = credentials != null ? credentials : Clients.credentialsFor(options.profile());
    try {
      base.resolveCredentials();
    } catch (SdkClientException | IllegalArgumentException | IllegalStateException e) {
      String which = options.profile() == null ? "the default credential chain" : "profile '" + options.profile() + "'";
      throw new CollectException("no AWS credentials from " + which + ": " + Faults.message(e)
          + " (check ~/.aws/config, run 'aws sso login' for SSO profiles, or set AWS_PROFILE)", e);
    }
    this.home = homeRegion != null ? homeRegion : Clients.profileRegion(options.profile());
    List<ExecutionInterceptor> interceptors = new ArrayList<>();
    interceptors.add(log);
    if (options.maxRps() > 0) {
      interceptors.add(new RateLimit(options.maxRps()));
    }
    this.clients = new Clients(this.options, base, interceptors, home);
  }

  /**
   * Who the caller is, the organization and every account in it.
   *
   * @throws CollectException (remote) when the caller is not in an organization or may not list it
   */
  public Organization organization() {
    GetCallerIdentityResponse me;
    try {
      me = clients.sts().getCallerIdentity();
    } catch (RuntimeException e) {
      throw new CollectException("cannot read the caller's account (sts:GetCallerIdentity in " + home + "): "
          + Faults.code(e) + ": " + Faults.message(e) + "; nothing was collected (check the credentials, the network"
          + (options.endpointUrl() == null ? "" : " and --endpoint-url " + options.endpointUrl()) + ")", e, true);
    }
    // arn:aws:..., arn:aws-cn:..., arn:aws-us-gov:...: member roles live in the caller's partition.
    String[] arn = String.valueOf(me.arn()).split(":");
    if (arn.length > 1 && !arn[1].isBlank()) {
      partition = arn[1];
    }
    String orgId;
    String management;
    try {
      var org = clients.organizations().describeOrganization().organization();
      orgId = org.id();
      management = org.masterAccountId();
    } catch (RuntimeException e) {
      throw refused("organizations:DescribeOrganization", me.account(), e);
    }
    List<Member> members = new ArrayList<>();
    try {
      String token = null;
      do {
        String next = token;
        ListAccountsResponse page = clients.organizations().listAccounts(b -> b.maxResults(PAGE_SIZE).nextToken(next));
        for (Account a : page.accounts()) {
          // "State" replaced the older "Status" in 2025; either names the same lifecycle.
          String state = a.stateAsString() != null ? a.stateAsString() : a.statusAsString();
          members.add(new Member(a.id(), a.name(), a.email(), state));
        }
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    } catch (RuntimeException e) {
      throw refused("organizations:ListAccounts", me.account(), e);
    }
    return new Organization(orgId, management, me.account(), members);
  }

  private static CollectException refused(String action, String caller, RuntimeException e) {
    String code = Faults.code(e);
    String hint = code.equals("AWSOrganizationsNotInUseException")
        ? "account " + caller + " is not in an AWS Organization; collect it alone, without --organization"
        : "run from the organization's management account or a delegated administrator, with " + action
            + " allowed (policy in docs/collect.md)";
    return new CollectException(action + " failed: " + code + ": " + Faults.message(e) + "; " + hint, e, true);
  }

  /**
   * Scans {@code members}, at most {@code parallelAccounts} at a time, each with its own scan options
   * ({@code --max-rps}, retries and parallelism apply per account), and tells the listener about each.
   *
   * @param roleName   role to assume in each member account (a path may precede the name)
   * @param externalId the role's external id, or null
   */
  public Result collect(Organization org, List<Member> members, String roleName, String externalId,
      int parallelAccounts, Listener listener) {
    Objects.requireNonNull(roleName, "roleName");
    if (parallelAccounts < 1) {
      throw new IllegalArgumentException("parallelAccounts must be at least 1");
    }
    CostCollector.Consolidated consolidated = null;
    String note = null;
    if (members.isEmpty()) {
      note = "no account to collect";
    } else if (org.delegated()) {
      note = "the profile's account " + org.callerAccountId() + " is a delegated administrator, not the management"
          + " account " + org.managementAccountId() + ", whose Cost Explorer has the consolidated bill";
    } else {
      try {
        consolidated = CostCollector.Consolidated.read(clients.costExplorer(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
      } catch (RuntimeException e) {
        note = "the management account's Cost Explorer by linked account was not readable: " + Faults.code(e) + ": "
            + Faults.message(e);
      }
    }
    CostCollector.Consolidated bill = consolidated;
    listener.billFrom(bill != null ? BILL_CONSOLIDATED : BILL_PER_ACCOUNT, note);
    ExecutorService pool = Executors.newFixedThreadPool(parallelAccounts, r -> {
      Thread t = new Thread(r, "migrate-collect-account");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Member m : members) {
        futures.add(pool.submit(() -> collectOne(org, m, roleName, externalId, bill, listener)));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("collection interrupted", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException("account collection failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(bill != null ? BILL_CONSOLIDATED : BILL_PER_ACCOUNT, note, log.stats(clients.retryStats()));
  }

  private void collectOne(Organization org, Member m, String roleName, String externalId,
      CostCollector.Consolidated bill, Listener listener) {
    StsAssumeRoleCredentialsProvider role = null;
    AwsCredentialsProvider creds = base;
    try {
      if (!m.id().equals(org.callerAccountId())) {
        String arn = "arn:" + partition + ":iam::" + m.id() + ":role/" + roleName;
        role = StsAssumeRoleCredentialsProvider.builder().stsClient(clients.sts()).asyncCredentialUpdateEnabled(false)
            .refreshRequest(r -> r.roleArn(arn).roleSessionName(SESSION_NAME).externalId(externalId)).build();
        try {
          role.resolveCredentials();
        } catch (RuntimeException e) {
          String code = Faults.code(e);
          boolean refused = Faults.kind(e) == Faults.Kind.REFUSED;
          String why;
          if (refused && m.id().equals(org.managementAccountId())) {
            // AWS Organizations creates its access role only in the accounts it creates, never in the management
            // account, and a delegated administrator has no other way in.
            why = " (from a delegated administrator the management account is reachable only through a role created"
                + " there that trusts account " + org.callerAccountId() + "; without it, its resources and its part of"
                + " the bill are not in the estate: run again with --resume and a profile of the management account"
                + " to add them)";
          } else if (refused) {
            why = " (the role may be missing, not trust the caller" + (externalId == null ? "" : " with this external id")
                + ", or a service control policy denies it; choose another role with --role-name"
                + (org.delegated() && roleName.equals(DEFAULT_ROLE) ? "; " + DEFAULT_ROLE + " trusts only the"
                    + " management account, so a delegated administrator needs a role that trusts account "
                    + org.callerAccountId() : "") + ")";
          } else {
            why = "";
          }
          listener.failed(m, code, "cannot enter the account: sts:AssumeRole of " + arn + ": " + code + ": "
              + Faults.message(e) + why);
          return;
        }
        creds = role;
      }
      AwsCollector collector = new AwsCollector(options, clock, creds, home).withAccountId(m.id());
      if (bill != null) {
        collector.withBill((today, sink) -> bill.collect(clients.costExplorer(), m.id(), sink));
      } else if (m.id().equals(org.managementAccountId())) {
        // The management account's own Cost Explorer shows every member's cost: only its own part is its bill.
        collector.withOwnBillOnly(m.id());
      }
      CollectResult result;
      try {
        result = collector.collect(listener.progress(m));
      } catch (CollectException e) {
        listener.failed(m, e.getCause() == null ? "CollectFailed" : Faults.code(e.getCause()), oneLine(e.getMessage()));
        return;
      } catch (RuntimeException e) {
        listener.failed(m, Faults.code(e), oneLine(Faults.message(e)));
        return;
      }
      listener.collected(m, result, bill != null ? BILL_CONSOLIDATED : BILL_PER_ACCOUNT);
    } finally {
      if (role != null) {
        role.close();
      }
    }
  }

  private static String oneLine(String s) {
    return String.valueOf(s).replaceAll("\\s+", " ").trim();
  }

  @Override
  public void close() {
    clients.close();
  }
}
