package dev.migrate.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Endpoint configuration outside {@code --endpoint-url}: the SDK's own resolution (SDK 2.40.2,
 * {@code AwsClientEndpointProvider}) reads, in this order, the service-specific JVM system
 * property ({@code aws.endpointUrlEc2}) and environment variable ({@code AWS_ENDPOINT_URL_EC2}),
 * then the global ones ({@code aws.endpointUrl}, {@code AWS_ENDPOINT_URL}), then the profile's
 * {@code services} section and its {@code endpoint_url}. Environment variables cannot be set from
 * a JVM test, so these tests use the system properties, which the same resolver reads one step
 * before each variable, and a profile file. Every client is the real SDK client {@link Clients}
 * builds, talking to WireMock stub servers.
 */
class CollectEndpointsTest {
  private static final List<String> PROPERTIES = List.of("aws.endpointUrl", "aws.endpointUrlEc2", "aws.endpointUrlS3",
      "aws.configFile", "aws.sharedCredentialsFile");
  private final Map<String, String> saved = new LinkedHashMap<>();

  private void set(String name, String value) {
    saved.putIfAbsent(name, System.getProperty(name));
    System.setProperty(name, value);
  }

  @AfterEach
  void restore() {
    saved.forEach((k, v) -> {
      if (v == null) {
        System.clearProperty(k);
      } else {
        System.setProperty(k, v);
      }
    });
    assertTrue(PROPERTIES.containsAll(saved.keySet()));
  }

  private static Clients clients(CollectOptions options) {
    return new Clients(options, StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")),
        List.of(new CallLog()), "us-east-1");
  }

  /** The SDK operations (service:Action) each stub server received. */
  private static TreeSet<String> actions(Fixtures fx) {
    return new TreeSet<>(Journal.actions(fx.server));
  }

  private static CollectOptions noEndpoint() {
    return CollectOptions.defaults(null).withRetries(3, 3, Duration.ofMillis(1)).withParallelism(4);
  }

  /**
   * The stub server by host name: the S3 client addresses buckets by path on its own when the
   * endpoint is an IP address, so only a name shows whether path style was chosen.
   */
  private static URI byName(Fixtures fx) {
    return URI.create("http://localhost:" + fx.server.port());
  }

  /** The bucket was in the path and the host was the endpoint's own. */
  private static void assertPathStyle(Fixtures fx) {
    ServeEvent s3 = fx.server.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().startsWith("/logs-bucket")).findFirst().orElseThrow();
    assertEquals("localhost:" + fx.server.port(), s3.getRequest().getHeader("Host"));
  }

  @Test
  void aServiceSpecificSettingSendsThatServiceElsewhereAndBeatsTheGlobalOne() {
    try (Fixtures everything = new Fixtures(); Fixtures ec2Only = new Fixtures()) {
      set("aws.endpointUrl", everything.endpoint().toString());
      set("aws.endpointUrlEc2", ec2Only.endpoint().toString());
      CollectResult r = everything.collector(noEndpoint()).collect(Progress.NONE);

      assertFalse(r.snapshot().instances().isEmpty(), "EC2 answered from the service-specific endpoint");
      assertFalse(r.snapshot().loadBalancers().isEmpty(), "ELB answered from the global endpoint");
      TreeSet<String> ec2 = actions(ec2Only);
      TreeSet<String> rest = actions(everything);
      assertFalse(ec2.isEmpty());
      assertTrue(ec2.stream().allMatch(a -> a.startsWith("ec2:")), ec2::toString);
      assertTrue(rest.stream().noneMatch(a -> a.startsWith("ec2:")), rest::toString);
      assertTrue(rest.containsAll(List.of("elasticloadbalancing:DescribeLoadBalancers", "cloudwatch:GetMetricData",
          "sts:GetCallerIdentity")), rest::toString);
    }
  }

  @Test
  void theEndpointUrlOptionWinsOverTheSdkSettings() {
    try (Fixtures option = new Fixtures(); Fixtures sdk = new Fixtures()) {
      set("aws.endpointUrl", sdk.endpoint().toString());
      set("aws.endpointUrlEc2", sdk.endpoint().toString());
      try (Clients c = clients(noEndpoint().withEndpoint(option.endpoint()))) {
        assertFalse(c.ec2("us-east-1").describeRegions().regions().isEmpty());
        assertEquals(Optional.of(option.endpoint()), c.cloudWatch("eu-west-1").serviceClientConfiguration().endpointOverride());
      }
      assertEquals(new TreeSet<>(List.of("ec2:DescribeRegions")), actions(option));
      assertTrue(sdk.server.getAllServeEvents().isEmpty(), "nothing went to the SDK-configured endpoint");
    }
  }

  @Test
  void withoutAnySettingEachClientUsesItsAwsEndpoint() {
    try (Clients c = clients(noEndpoint())) {
      assertEquals(Optional.empty(), c.ec2("eu-west-1").serviceClientConfiguration().endpointOverride());
      assertEquals(Optional.empty(), c.costExplorer().serviceClientConfiguration().endpointOverride());
    }
  }

  @Test
  void theAwsProfilesServicesSectionIsHonoured(@TempDir Path dir) throws Exception {
    try (Fixtures fx = new Fixtures()) {
      // The profile named by --aws-profile (not the default one) points EC2 and S3 at the stub server.
      Path config = dir.resolve("config");
      Files.writeString(config, String.join("\n",
          "[default]",
          "region = us-east-1",
          "",
          "[profile test]",
          "region = us-east-1",
          "services = stub",
          "",
          "[services stub]",
          "ec2 =",
          "  endpoint_url = " + fx.endpoint(),
          "s3 =",
          "  endpoint_url = " + byName(fx),
          ""));
      Path credentials = dir.resolve("credentials");
      Files.writeString(credentials, "");
      set("aws.configFile", config.toString());
      set("aws.sharedCredentialsFile", credentials.toString());
      try (Clients c = clients(CollectOptions.defaults("test").withRetries(3, 3, Duration.ofMillis(1)))) {
        assertEquals(Optional.of(fx.endpoint()), c.ec2("us-east-1").serviceClientConfiguration().endpointOverride());
        assertFalse(c.ec2("us-east-1").describeRegions().regions().isEmpty());
        // S3 behind a configured endpoint is addressed by path: the stub has one host name.
        assertEquals("eu-west-1", c.s3("us-east-1").getBucketLocation(b -> b.bucket("logs-bucket"))
            .locationConstraintAsString());
        // A service the profile does not name keeps its AWS endpoint.
        assertEquals(Optional.empty(), c.cloudWatch("us-east-1").serviceClientConfiguration().endpointOverride());
      }
      assertEquals(new TreeSet<>(List.of("ec2:DescribeRegions", "s3:GetBucketLocation")), actions(fx));
      assertPathStyle(fx);
    }
  }

  @Test
  void aServiceSpecificSettingForS3MakesItsAddressingPathStyle() {
    try (Fixtures fx = new Fixtures()) {
      set("aws.endpointUrlS3", byName(fx).toString());
      try (Clients c = clients(noEndpoint())) {
        assertEquals("eu-west-1", c.s3("us-east-1").getBucketLocation(b -> b.bucket("logs-bucket"))
            .locationConstraintAsString());
        assertEquals(Optional.empty(), c.ec2("us-east-1").serviceClientConfiguration().endpointOverride());
      }
      assertEquals(new TreeSet<>(List.of("s3:GetBucketLocation")), actions(fx));
      assertPathStyle(fx);
    }
  }
}
