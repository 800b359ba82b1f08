package dev.migrate.collect;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock extension that plays a large AWS account, generating every page on the fly in
 * each service's wire format and honouring the page sizes and markers the client sends.
 * Used by {@link CollectBenchmark}.
 */
final class SyntheticAccount implements ResponseDefinitionTransformerV2 {
  static final String ACCOUNT = "210987654321";
  private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d+/([^/]+)/([^/]+)/aws4_request");

  final List<String> regions;
  final int instancesPerRegion;
  final int loadBalancersPerRegion;
  final int distributions;
  final int days;
  final AtomicLong requests = new AtomicLong();

  SyntheticAccount(List<String> regions, int instancesPerRegion, int loadBalancersPerRegion, int distributions, int days) {
    this.regions = regions;
    this.instancesPerRegion = instancesPerRegion;
    this.loadBalancersPerRegion = loadBalancersPerRegion;
    this.distributions = distributions;
    this.days = days;
  }

  @Override
  public String getName() {
    return "synthetic-aws-account";
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    requests.incrementAndGet();
    Request r = event.getRequest();
    Matcher m = SCOPE.matcher(String.valueOf(r.getHeader("Authorization")));
    if (!m.find()) {
      return xml(400, "<Error><Code>MissingAuthenticationToken</Code></Error>");
    }
    String region = m.group(1);
    String service = m.group(2);
    String path = r.getUrl().split("\\?")[0];
    return switch (service) {
      case "sts" -> xml(200, "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>" + ACCOUNT
          + "</Account><Arn>arn:aws:iam::" + ACCOUNT + ":user/bench</Arn><UserId>AIDA</UserId></GetCallerIdentityResult>"
          + "</GetCallerIdentityResponse>");
      case "ec2" -> ec2(region, form(r));
      case "autoscaling" -> xml(200, "<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups/>"
          + "</DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>");
      case "elasticloadbalancing" -> elb(region, form(r));
      case "monitoring" -> cloudWatch(form(r));
      case "cloudfront" -> cloudFront(path, query(r.getUrl()));
      case "s3" -> xml(200, "<ListAllMyBucketsResult><Owner><ID>x</ID></Owner><Buckets/></ListAllMyBucketsResult>");
      case "iam" -> xml(200, "<ListAccountAliasesResponse><ListAccountAliasesResult><IsTruncated>false</IsTruncated>"
          + "<AccountAliases><member>bench</member></AccountAliases></ListAccountAliasesResult></ListAccountAliasesResponse>");
      case "ce" -> json("{\"ResultsByTime\":[]}");
      case "savingsplans" -> json("{\"savingsPlans\":[]}");
      case "wafv2" -> webAcl(r.getBodyAsString());
      case "rds", "elasticache" -> noDataStores(service, form(r).get("Action"));
      default -> xml(400, "<Error><Code>UnknownService</Code></Error>");
    };
  }

  private ResponseDefinition ec2(String region, Map<String, String> p) {
    String action = p.get("Action");
    String ns = " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
    switch (action) {
      case "DescribeRegions" -> {
        StringBuilder b = new StringBuilder("<DescribeRegionsResponse" + ns + "><regionInfo>");
        regions.forEach(x -> b.append("<item><regionName>").append(x).append("</regionName><optInStatus>opt-in-not-required</optInStatus></item>"));
        return xml(200, b.append("</regionInfo></DescribeRegionsResponse>").toString());
      }
      case "DescribeInstances" -> {
        int max = Integer.parseInt(p.getOrDefault("MaxResults", "1000"));
        int from = Integer.parseInt(p.getOrDefault("NextToken", "0"));
        int to = Math.min(instancesPerRegion, from + max);
        int r = regions.indexOf(region);
        StringBuilder b = new StringBuilder(700 * (to - from) + 200);
        b.append("<DescribeInstancesResponse").append(ns).append("><reservationSet>");
        for (int i = from; i < to; i++) {
          String id = String.format("i-%02d%015x", r, i);
          b.append("<item><reservationId>r-").append(id, 2, id.length()).append("</reservationId><ownerId>").append(ACCOUNT)
              .append("</ownerId><instancesSet><item><instanceId>").append(id)
              .append("</instanceId><instanceState><code>16</code><name>running</name></instanceState>")
              .append("<instanceType>").append(i % 3 == 0 ? "m5.large" : "c5.xlarge").append("</instanceType>")
              .append("<launchTime>2026-01-10T08:00:00.000Z</launchTime><placement><availabilityZone>").append(region)
              .append("a</availabilityZone><tenancy>default</tenancy></placement><monitoring><state>disabled</state></monitoring>")
              .append("<vpcId>vpc-1</vpcId><architecture>x86_64</architecture><blockDeviceMapping/>")
              .append("<tagSet><item><key>Name</key><value>web-").append(i).append("</value></item></tagSet></item>")
              .append("</instancesSet></item>");
        }
        b.append("</reservationSet>");
        if (to < instancesPerRegion) {
          b.append("<nextToken>").append(to).append("</nextToken>");
        }
        return xml(200, b.append("</DescribeInstancesResponse>").toString());
      }
      case "DescribeVolumes" -> {
        return xml(200, "<DescribeVolumesResponse" + ns + "><volumeSet/></DescribeVolumesResponse>");
      }
      case "DescribeVpcs" -> {
        return xml(200, "<DescribeVpcsResponse" + ns + "><vpcSet/></DescribeVpcsResponse>");
      }
      case "DescribeNetworkInterfaces" -> {
        return xml(200, "<DescribeNetworkInterfacesResponse" + ns + "><networkInterfaceSet/></DescribeNetworkInterfacesResponse>");
      }
      case "DescribeFlowLogs" -> {
        return xml(200, "<DescribeFlowLogsResponse" + ns + "><flowLogSet/></DescribeFlowLogsResponse>");
      }
      case "DescribeReservedInstances" -> {
        return xml(200, "<DescribeReservedInstancesResponse" + ns + "><reservedInstancesSet/></DescribeReservedInstancesResponse>");
      }
      default -> {
        return xml(400, "<Response><Errors><Error><Code>InvalidAction</Code></Error></Errors></Response>");
      }
    }
  }

  String lbArn(String region, int i) {
    return "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":loadbalancer/app/alb-" + i + "/" + String.format("%016x", i);
  }

  String tgArn(String region, int i) {
    return "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":targetgroup/tg-" + i + "/" + String.format("%016x", i);
  }

  private ResponseDefinition elb(String region, Map<String, String> p) {
    String action = p.get("Action");
    boolean v2 = "2015-12-01".equals(p.get("Version"));
    if (!v2) {
      return xml(200, "<DescribeLoadBalancersResponse><DescribeLoadBalancersResult><LoadBalancerDescriptions/>"
          + "</DescribeLoadBalancersResult></DescribeLoadBalancersResponse>");
    }
    int n = loadBalancersPerRegion;
    switch (action) {
      case "DescribeLoadBalancers", "DescribeTargetGroups" -> {
        int size = Integer.parseInt(p.getOrDefault("PageSize", "400"));
        int from = Integer.parseInt(p.getOrDefault("Marker", "0"));
        int to = Math.min(n, from + size);
        boolean lbs = action.equals("DescribeLoadBalancers");
        StringBuilder b = new StringBuilder("<" + action + "Response><" + action + "Result><" + (lbs ? "LoadBalancers" : "TargetGroups") + ">");
        for (int i = from; i < to; i++) {
          if (lbs) {
            b.append("<member><LoadBalancerArn>").append(lbArn(region, i)).append("</LoadBalancerArn><LoadBalancerName>alb-").append(i)
                .append("</LoadBalancerName><DNSName>alb-").append(i).append(".").append(region)
                .append(".elb.amazonaws.com</DNSName><Scheme>internet-facing</Scheme><VpcId>vpc-1</VpcId><Type>application</Type>")
                .append("<AvailabilityZones><member><ZoneName>").append(region).append("a</ZoneName></member></AvailabilityZones></member>");
          } else {
            b.append("<member><TargetGroupArn>").append(tgArn(region, i)).append("</TargetGroupArn><TargetGroupName>tg-").append(i)
                .append("</TargetGroupName><Protocol>HTTP</Protocol><Port>80</Port><TargetType>instance</TargetType>")
                .append("<LoadBalancerArns><member>").append(lbArn(region, i)).append("</member></LoadBalancerArns></member>");
          }
        }
        b.append("</").append(lbs ? "LoadBalancers" : "TargetGroups").append(">");
        if (to < n) {
          b.append("<NextMarker>").append(to).append("</NextMarker>");
        }
        return xml(200, b.append("</").append(action).append("Result></").append(action).append("Response>").toString());
      }
      case "DescribeTargetHealth" -> {
        return xml(200, "<DescribeTargetHealthResponse><DescribeTargetHealthResult><TargetHealthDescriptions>"
            + "<member><Target><Id>i-00000000000000001</Id><Port>80</Port></Target><TargetHealth><State>healthy</State></TargetHealth></member>"
            + "</TargetHealthDescriptions></DescribeTargetHealthResult></DescribeTargetHealthResponse>");
      }
      case "DescribeListeners" -> {
        String lb = p.get("LoadBalancerArn");
        return xml(200, "<DescribeListenersResponse><DescribeListenersResult><Listeners><member><LoadBalancerArn>" + lb
            + "</LoadBalancerArn><Protocol>HTTP</Protocol><Port>80</Port><DefaultActions><member><Type>forward</Type>"
            + "<TargetGroupArn>" + lb.replace("loadbalancer/app/alb-", "targetgroup/tg-") + "</TargetGroupArn></member></DefaultActions>"
            + "</member></Listeners></DescribeListenersResult></DescribeListenersResponse>");
      }
      case "DescribeLoadBalancerAttributes" -> {
        return xml(200, "<DescribeLoadBalancerAttributesResponse><DescribeLoadBalancerAttributesResult><Attributes>"
            + "<member><Key>access_logs.s3.enabled</Key><Value>false</Value></member>"
            + "</Attributes></DescribeLoadBalancerAttributesResult></DescribeLoadBalancerAttributesResponse>");
      }
      case "DescribeTags" -> {
        StringBuilder b = new StringBuilder("<DescribeTagsResponse><DescribeTagsResult><TagDescriptions>");
        for (int i = 1; p.containsKey("ResourceArns.member." + i); i++) {
          b.append("<member><ResourceArn>").append(p.get("ResourceArns.member." + i))
              .append("</ResourceArn><Tags><member><Key>team</Key><Value>web</Value></member></Tags></member>");
        }
        return xml(200, b.append("</TagDescriptions></DescribeTagsResult></DescribeTagsResponse>").toString());
      }
      default -> {
        return xml(400, "<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>");
      }
    }
  }

  private ResponseDefinition cloudWatch(Map<String, String> p) {
    if ("ListMetrics".equals(p.get("Action"))) {
      return xml(200, "<ListMetricsResponse><ListMetricsResult><Metrics/></ListMetricsResult></ListMetricsResponse>");
    }
    StringBuilder ts = new StringBuilder();
    StringBuilder vs = new StringBuilder();
    for (int d = 0; d < days; d++) {
      ts.append("<member>").append(java.time.LocalDate.of(2026, 11, 1).plusDays(d)).append("T00:00:00Z</member>");
      vs.append("<member>").append(10 + d).append(".5</member>");
    }
    StringBuilder b = new StringBuilder("<GetMetricDataResponse><GetMetricDataResult><MetricDataResults>");
    for (int i = 1; p.containsKey("MetricDataQueries.member." + i + ".Id"); i++) {
      b.append("<member><Id>").append(p.get("MetricDataQueries.member." + i + ".Id")).append("</Id><Timestamps>").append(ts)
          .append("</Timestamps><Values>").append(vs).append("</Values><StatusCode>Complete</StatusCode></member>");
    }
    return xml(200, b.append("</MetricDataResults></GetMetricDataResult></GetMetricDataResponse>").toString());
  }

  private ResponseDefinition cloudFront(String path, Map<String, String> query) {
    if (path.endsWith("/config")) {
      return xml(200, "<DistributionConfig><CallerReference>x</CallerReference><Logging><Enabled>false</Enabled>"
          + "<Bucket></Bucket><Prefix></Prefix></Logging><Enabled>true</Enabled></DistributionConfig>");
    }
    if (path.endsWith("/tagging")) {
      return xml(200, "<Tags><Items><Tag><Key>team</Key><Value>web</Value></Tag></Items></Tags>");
    }
    int size = Integer.parseInt(query.getOrDefault("MaxItems", "100"));
    int from = Integer.parseInt(query.getOrDefault("Marker", "0"));
    int to = Math.min(distributions, from + size);
    StringBuilder b = new StringBuilder("<DistributionList><Marker>" + from + "</Marker><MaxItems>" + size + "</MaxItems><IsTruncated>"
        + (to < distributions) + "</IsTruncated>" + (to < distributions ? "<NextMarker>" + to + "</NextMarker>" : "")
        + "<Quantity>" + (to - from) + "</Quantity><Items>");
    for (int i = from; i < to; i++) {
      String id = String.format("E%013X", i);
      b.append("<DistributionSummary><Id>").append(id).append("</Id><ARN>arn:aws:cloudfront::").append(ACCOUNT)
          .append(":distribution/").append(id).append("</ARN><DomainName>d").append(i).append(".cloudfront.net</DomainName>")
          .append("<Aliases><Quantity>0</Quantity></Aliases><Origins><Quantity>1</Quantity><Items><Origin><Id>o</Id>")
          .append("<DomainName>alb-").append(i).append(".us-east-1.elb.amazonaws.com</DomainName></Origin></Items></Origins>")
          .append("<DefaultCacheBehavior><TargetOriginId>o</TargetOriginId><ViewerProtocolPolicy>allow-all</ViewerProtocolPolicy>")
          .append("</DefaultCacheBehavior><CacheBehaviors><Quantity>0</Quantity></CacheBehaviors><PriceClass>PriceClass_All</PriceClass>")
          .append("<Enabled>true</Enabled><HttpVersion>http2</HttpVersion>")
          .append(webAclOf(i) == null ? "" : "<WebACLId>" + webAclArn(webAclOf(i)) + "</WebACLId>")
          .append("</DistributionSummary>");
    }
    return xml(200, b.append("</Items></DistributionList>").toString());
  }

  /** Every 10th distribution is protected, by one of {@link #WEB_ACLS} shared web ACLs (null: none). */
  static final int WEB_ACLS = 3;

  static Integer webAclOf(int distribution) {
    return distribution % 10 == 0 ? distribution / 10 % WEB_ACLS : null;
  }

  static String webAclArn(int acl) {
    return "arn:aws:wafv2:us-east-1:" + ACCOUNT + ":global/webacl/bench-" + acl + "/" + acl;
  }

  /** GetWebACL (AWS JSON 1.1): a managed rule group and a rate-based rule. */
  private static ResponseDefinition webAcl(String body) {
    Matcher n = Pattern.compile("\"Name\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
    Matcher i = Pattern.compile("\"Id\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
    if (!n.find() || !i.find()) {
      return new ResponseDefinitionBuilder().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
          .withBody("{\"__type\":\"WAFInvalidParameterException\",\"Message\":\"Name and Id required\"}").build();
    }
    return json("{\"WebACL\":{\"Name\":\"" + n.group(1) + "\",\"Id\":\"" + i.group(1) + "\",\"ARN\":\""
        + webAclArn(Integer.parseInt(i.group(1))) + "\",\"DefaultAction\":{\"Allow\":{}},\"Rules\":["
        + "{\"Name\":\"common\",\"Priority\":0,\"Statement\":{\"ManagedRuleGroupStatement\":{\"VendorName\":\"AWS\","
        + "\"Name\":\"AWSManagedRulesCommonRuleSet\"}},\"OverrideAction\":{\"None\":{}},\"VisibilityConfig\":"
        + "{\"SampledRequestsEnabled\":false,\"CloudWatchMetricsEnabled\":false,\"MetricName\":\"common\"}},"
        + "{\"Name\":\"rate\",\"Priority\":1,\"Statement\":{\"RateBasedStatement\":{\"Limit\":2000,\"AggregateKeyType\":\"IP\"}},"
        + "\"Action\":{\"Block\":{}},\"VisibilityConfig\":{\"SampledRequestsEnabled\":false,\"CloudWatchMetricsEnabled\":false,"
        + "\"MetricName\":\"rate\"}}],\"VisibilityConfig\":{\"SampledRequestsEnabled\":false,\"CloudWatchMetricsEnabled\":false,"
        + "\"MetricName\":\"" + n.group(1) + "\"},\"Capacity\":702},\"LockToken\":\"t\"}");
  }

  private static Map<String, String> query(String url) {
    int q = url.indexOf('?');
    return q < 0 ? Map.of() : pairs(url.substring(q + 1));
  }

  private static Map<String, String> form(Request r) {
    return pairs(r.getBodyAsString());
  }

  private static Map<String, String> pairs(String encoded) {
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

  /** An account without managed databases or caches: every RDS and ElastiCache list is empty. */
  private static ResponseDefinition noDataStores(String service, String action) {
    String ns = service.equals("rds") ? "http://rds.amazonaws.com/doc/2014-10-31/" : "http://elasticache.amazonaws.com/doc/2015-02-02/";
    String list = switch (String.valueOf(action)) {
      case "DescribeDBInstances" -> "DBInstances";
      case "DescribeDBClusters" -> "DBClusters";
      case "DescribeReservedDBInstances" -> "ReservedDBInstances";
      case "DescribeCacheClusters" -> "CacheClusters";
      case "DescribeReplicationGroups" -> "ReplicationGroups";
      case "DescribeServerlessCaches" -> "ServerlessCaches";
      case "DescribeReservedCacheNodes" -> "ReservedCacheNodes";
      default -> null;
    };
    if (list == null) {
      return xml(400, "<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>");
    }
    return xml(200, "<" + action + "Response xmlns=\"" + ns + "\"><" + action + "Result><" + list + "/></" + action
        + "Result></" + action + "Response>");
  }

  private static ResponseDefinition xml(int status, String body) {
    return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body).build();
  }

  private static ResponseDefinition json(String body) {
    return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(body).build();
  }

  /** The fewest calls the API limits allow for this account, per action. */
  Map<String, Long> minimumCalls(int metricQueriesPerInstance, int metricQueriesPerAlb, int metricQueriesPerDistribution) {
    Map<String, Long> m = new LinkedHashMap<>();
    long r = regions.size();
    m.put("sts:GetCallerIdentity", 1L);
    m.put("ec2:DescribeRegions", 1L);
    // Paged lists: ceil(items / largest page), at least one call each.
    m.put("ec2:DescribeInstances", r * pages(instancesPerRegion, 1000));
    m.put("ec2:DescribeVolumes", r);
    m.put("ec2:DescribeVpcs", r);
    m.put("ec2:DescribeReservedInstances", r);
    // No network interfaces and no flow logs are served: one empty page per region each.
    m.put("ec2:DescribeNetworkInterfaces", r);
    m.put("ec2:DescribeFlowLogs", r);
    m.put("autoscaling:DescribeAutoScalingGroups", r);
    // Classic and v2 DescribeLoadBalancers share one IAM action.
    m.put("elasticloadbalancing:DescribeLoadBalancers", r + r * pages(loadBalancersPerRegion, 400));
    m.put("elasticloadbalancing:DescribeTargetGroups", r * pages(loadBalancersPerRegion, 400));
    // No batch form exists for these: one call per load balancer / target group.
    m.put("elasticloadbalancing:DescribeListeners", r * loadBalancersPerRegion);
    m.put("elasticloadbalancing:DescribeLoadBalancerAttributes", r * loadBalancersPerRegion);
    m.put("elasticloadbalancing:DescribeTargetHealth", r * loadBalancersPerRegion);
    m.put("elasticloadbalancing:DescribeTags", r * pages(loadBalancersPerRegion, 20));
    m.put("cloudfront:ListDistributions", pages(distributions, 100));
    m.put("cloudfront:GetDistributionConfig", (long) distributions);
    m.put("cloudfront:ListTagsForResource", (long) distributions);
    // One GetWebACL per distinct web ACL, however many distributions share it.
    m.put("wafv2:GetWebACL", java.util.stream.IntStream.range(0, distributions).mapToObj(SyntheticAccount::webAclOf)
        .filter(java.util.Objects::nonNull).distinct().count());
    m.put("s3:ListAllMyBuckets", 1L);
    m.put("ce:GetCostAndUsage", 2L);   // by service, then by service and usage type
    m.put("ce:GetReservationCoverage", 1L);
    m.put("ce:GetSavingsPlansCoverage", 1L);
    m.put("ce:GetSavingsPlansUtilization", 1L);
    m.put("iam:ListAccountAliases", 1L);
    m.put("savingsplans:DescribeSavingsPlans", 1L);
    m.put("rds:DescribeDBInstances", r);
    m.put("rds:DescribeDBClusters", r);
    m.put("rds:DescribeReservedDBInstances", r);
    m.put("elasticache:DescribeCacheClusters", r);
    m.put("elasticache:DescribeReplicationGroups", r);
    m.put("elasticache:DescribeServerlessCaches", r);
    m.put("elasticache:DescribeReservedCacheNodes", r);
    m.put("cloudwatch:ListMetrics", r);
    long gmd = 0;
    for (int i = 0; i < regions.size(); i++) {
      long q = (long) instancesPerRegion * metricQueriesPerInstance + (long) loadBalancersPerRegion * metricQueriesPerAlb
          + (regions.get(i).equals("us-east-1") ? (long) distributions * metricQueriesPerDistribution : 0);
      gmd += pages(q, 500);
    }
    m.put("cloudwatch:GetMetricData", gmd);
    return m;
  }

  private static long pages(long items, long page) {
    return Math.max(1, (items + page - 1) / page);
  }

  static List<String> regionList(int n) {
    List<String> all = List.of("us-east-1", "eu-west-1", "ap-northeast-1", "us-west-2");
    return new ArrayList<>(all.subList(0, n));
  }
}
