package dev.migrate.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the IAM action of every request the stub server received, from the wire alone
 * (signing scope, query Action, JSON target, REST path), independently of the SDK's own
 * operation names, so a test can check what really went over the network.
 */
final class Journal {
  private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d+/([^/]+)/([^/]+)/aws4_request");

  private Journal() {}

  static List<String> actions(WireMockServer server) {
    List<String> out = new ArrayList<>();
    for (var e : server.getAllServeEvents()) {
      out.add(action(e.getRequest()));
    }
    return out;
  }

  /** The access key id a request was signed with. */
  static String accessKey(LoggedRequest r) {
    Matcher m = Pattern.compile("Credential=([^/]+)/").matcher(String.valueOf(r.getHeader("Authorization")));
    return m.find() ? m.group(1) : "?";
  }

  static String region(LoggedRequest r) {
    Matcher m = SCOPE.matcher(String.valueOf(r.getHeader("Authorization")));
    return m.find() ? m.group(1) : "?";
  }

  static String action(LoggedRequest r) {
    Matcher m = SCOPE.matcher(String.valueOf(r.getHeader("Authorization")));
    if (!m.find()) {
      return "unsigned:" + r.getMethod() + " " + r.getUrl();
    }
    String service = m.group(2);
    String path = r.getUrl().split("\\?")[0];
    String method = r.getMethod().value();
    switch (service) {
      case "ec2", "autoscaling", "elasticloadbalancing", "sts", "iam", "monitoring", "rds", "elasticache" -> {
        String body = r.getBodyAsString();
        Matcher a = Pattern.compile("(?:^|&)Action=([A-Za-z]+)").matcher(body);
        String prefix = service.equals("monitoring") ? "cloudwatch" : service;
        return method.equals("POST") && a.find() ? prefix + ":" + URLDecoder.decode(a.group(1), StandardCharsets.UTF_8)
            : prefix + ":?" + method;
      }
      case "ce" -> {
        String target = r.getHeader("X-Amz-Target");
        return "ce:" + (target == null ? "?" : target.substring(target.indexOf('.') + 1));
      }
      case "organizations" -> {
        String target = r.getHeader("X-Amz-Target");
        return "organizations:" + (target == null ? "?" : target.substring(target.indexOf('.') + 1));
      }
      case "wafv2" -> {
        String target = r.getHeader("X-Amz-Target");
        return "wafv2:" + (target == null ? "?" : target.substring(target.indexOf('.') + 1));
      }
      case "savingsplans" -> {
        return method.equals("POST") ? "savingsplans:" + path.substring(1) : "savingsplans:?" + method;
      }
      case "cloudfront" -> {
        if (!method.equals("GET")) {
          return "cloudfront:?" + method;
        }
        if (path.equals("/2020-05-31/distribution")) {
          return "cloudfront:ListDistributions";
        }
        if (path.matches("/2020-05-31/distribution/[^/]+/config")) {
          return "cloudfront:GetDistributionConfig";
        }
        if (path.equals("/2020-05-31/tagging")) {
          return "cloudfront:ListTagsForResource";
        }
        return "cloudfront:?" + path;
      }
      case "s3" -> {
        if (!method.equals("GET")) {
          return "s3:?" + method;
        }
        if (path.equals("/")) {
          return "s3:ListAllMyBuckets";
        }
        if (r.getUrl().contains("?location")) {
          return "s3:GetBucketLocation";
        }
        return "s3:?" + r.getUrl();
      }
      default -> {
        return service + ":?";
      }
    }
  }
}
