package dev.migrate.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.EstateManifestJson;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile that assumes a role through another profile ({@code role_arn} + {@code source_profile}), as the
 * AWS CLI reads it: the SDK's profile provider calls sts:AssumeRole with the source profile's keys, and
 * every call of the scan is signed with the role's keys. The SDK's own STS client for the role is sent to
 * the stub with the {@code aws.endpointUrlSts} system property (the AWS_ENDPOINT_URL_STS variable's twin).
 */
class ProfileChainTest {
  @TempDir
  Path dir;
  Fixtures fx;

  @BeforeEach
  void start() throws Exception {
    fx = new Fixtures();
    Path config = dir.resolve("config");
    Files.writeString(config, """
        [profile source]
        region = us-east-1

        [profile chained]
        region = us-east-1
        role_arn = arn:aws:iam::222222222222:role/OrganizationAccountAccessRole
        source_profile = source
        role_session_name = chained-session
        """);
    Path credentials = dir.resolve("credentials");
    Files.writeString(credentials, "[source]\naws_access_key_id = AKIDSOURCE\naws_secret_access_key = source-secret\n");
    System.setProperty("aws.configFile", config.toString());
    System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    System.setProperty("aws.endpointUrlSts", fx.endpoint().toString());
  }

  @AfterEach
  void stop() {
    System.clearProperty("aws.configFile");
    System.clearProperty("aws.sharedCredentialsFile");
    System.clearProperty("aws.endpointUrlSts");
    fx.close();
  }

  private List<String> signed() {
    List<String> out = new ArrayList<>();
    fx.server.getAllServeEvents().forEach(e -> out.add(Journal.accessKey(e.getRequest()) + " " + Journal.action(e.getRequest())));
    return out;
  }

  @Test
  void aRoleArnWithASourceProfileIsAssumedWithTheSourceKeys() {
    Path file = dir.resolve("snap.json");
    Cli.Run run = Cli.run("collect", "--aws-profile", "chained", "--endpoint-url", fx.endpoint().toString(),
        "--regions", "us-east-1", "--out", file.toString(), "--retry-base-ms", "1");
    assertEquals(0, run.code(), run.toString());
    List<String> wire = signed();
    assertEquals(List.of("AKIDSOURCE sts:AssumeRole"), wire.stream().filter(w -> w.startsWith("AKIDSOURCE")).distinct().toList(),
        "only the role is asked for with the source profile's keys: " + wire);
    assertTrue(wire.contains("ASIAMEMBER222222222222 ec2:DescribeInstances"), wire.toString());
    assertTrue(fx.server.getAllServeEvents().stream().anyMatch(e -> e.getRequest().getBodyAsString()
        .contains("RoleSessionName=chained-session")), "the profile's session name is used");
    assertEquals(4, SnapshotJson.read(file).instances().size());
  }

  @Test
  void anOrganizationIsCollectedFromAChainedProfile() {
    Path out = dir.resolve("estate");
    Cli.Run run = Cli.run("collect", "--organization", "--aws-profile", "chained", "--endpoint-url", fx.endpoint().toString(),
        "--regions", "us-east-1", "--out", out.toString(), "--accounts", "333333333333", "--retry-base-ms", "1");
    assertEquals(0, run.code(), run.toString());
    List<String> wire = signed();
    // The chain's role lists the organization and enters the member's role with its own keys.
    assertTrue(wire.contains("ASIAMEMBER222222222222 organizations:ListAccounts"), wire.toString());
    assertTrue(wire.contains("ASIAMEMBER222222222222 sts:AssumeRole"), wire.toString());
    assertTrue(wire.contains("ASIAMEMBER333333333333 ec2:DescribeInstances"), wire.toString());
    assertEquals(1, EstateManifestJson.read(out.resolve("estate.json")).collected().size());
  }
}
