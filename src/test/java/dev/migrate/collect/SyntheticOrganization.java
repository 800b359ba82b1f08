package dev.migrate.collect;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock extension that plays an AWS Organization: its management account is {@link SyntheticAccount#ACCOUNT},
 * its members are {@code 100000000000 + i}; Organizations (AWS JSON 1.1) lists them in pages of the size the
 * client asks, STS (query protocol) hands out keys {@code ASIA<accountId>} for each member's role, the
 * management account's Cost Explorer answers the by-linked-account query, and every other call is answered by
 * one {@link SyntheticAccount} (every account holds the same resources). Used by
 * {@link OrganizationCollectBenchmark}.
 */
final class SyntheticOrganization implements ResponseDefinitionTransformerV2 {
  private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/\\d+/([^/]+)/([^/]+)/aws4_request");
  static final String ORG = "o-bench000001";
  final SyntheticAccount account;
  final int members;
  final AtomicLong requests = new AtomicLong();
  /** Requests signed with a member's role keys, by any account but the management one. */
  final AtomicLong memberRequests = new AtomicLong();

  SyntheticOrganization(SyntheticAccount account, int members) {
    this.account = account;
    this.members = members;
  }

  static String member(int i) {
    return String.valueOf(100_000_000_000L + i);
  }

  @Override
  public String getName() {
    return "synthetic-aws-organization";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    requests.incrementAndGet();
    Request r = event.getRequest();
    Matcher m = SCOPE.matcher(String.valueOf(r.getHeader("Authorization")));
    if (!m.find()) {
      return account.transform(event);
    }
    String key = m.group(1);
    String service = m.group(3);
    if (key.startsWith("ASIA")) {
      memberRequests.incrementAndGet();
    }
    String target = String.valueOf(r.getHeader("X-Amz-Target"));
    String body = r.getBodyAsString();
    switch (service) {
      case "organizations" -> {
        if (target.endsWith(".DescribeOrganization")) {
          return json("{\"Organization\":{\"Id\":\"" + ORG + "\",\"Arn\":\"arn:aws:organizations::" + SyntheticAccount.ACCOUNT
              + ":organization/" + ORG + "\",\"FeatureSet\":\"ALL\",\"MasterAccountId\":\"" + SyntheticAccount.ACCOUNT
              + "\",\"MasterAccountEmail\":\"root@example.com\"}}");
        }
        return listAccounts(body);
      }
      case "sts" -> {
        Map<String, String> form = form(body);
        if ("AssumeRole".equals(form.get("Action"))) {
          String arn = form.getOrDefault("RoleArn", "");
          String id = arn.replaceAll("^arn:[^:]+:iam::(\\d{12}):role/.*$", "$1");
          return xml("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
              + "<AssumedRoleUser><Arn>arn:aws:sts::" + id + ":assumed-role/OrganizationAccountAccessRole/"
              + form.get("RoleSessionName") + "</Arn><AssumedRoleId>AROA" + id + ":x</AssumedRoleId></AssumedRoleUser>"
              + "<Credentials><AccessKeyId>ASIA" + id + "</AccessKeyId><SecretAccessKey>s</SecretAccessKey>"
              + "<SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
              + "</AssumeRoleResult></AssumeRoleResponse>");
        }
        return account.transform(event);
      }
      default -> {
        return account.transform(event);
      }
    }
  }

  /** Accounts in pages of MaxResults; the token is the index of the next account (0 is the management account). */
  private ResponseDefinition listAccounts(String body) {
    Matcher max = Pattern.compile("\"MaxResults\"\\s*:\\s*(\\d+)").matcher(body);
    Matcher token = Pattern.compile("\"NextToken\"\\s*:\\s*\"(\\d+)\"").matcher(body);
    int size = max.find() ? Integer.parseInt(max.group(1)) : 20;
    int from = token.find() ? Integer.parseInt(token.group(1)) : 0;
    int total = members + 1;
    int to = Math.min(total, from + size);
    StringBuilder b = new StringBuilder("{\"Accounts\":[");
    for (int i = from; i < to; i++) {
      String id = i == 0 ? SyntheticAccount.ACCOUNT : member(i);
      b.append(i == from ? "" : ",").append("{\"Id\":\"").append(id).append("\",\"Arn\":\"arn:aws:organizations::")
          .append(SyntheticAccount.ACCOUNT).append(":account/").append(ORG).append('/').append(id)
          .append("\",\"Email\":\"a").append(i).append("@example.com\",\"Name\":\"account-").append(i)
          .append("\",\"Status\":\"ACTIVE\",\"State\":\"ACTIVE\",\"JoinedMethod\":\"CREATED\",\"JoinedTimestamp\":1.6E9}");
    }
    b.append(']');
    if (to < total) {
      b.append(",\"NextToken\":\"").append(to).append('"');
    }
    return json(b.append('}').toString());
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  private static ResponseDefinition xml(String body) {
    return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body).build();
  }

  private static ResponseDefinition json(String body) {
    return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body).build();
  }
}
