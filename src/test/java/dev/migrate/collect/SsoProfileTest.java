package dev.migrate.collect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrate.inventory.SnapshotJson;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles of IAM Identity Center (SSO), as {@code aws sso login} leaves them: a profile with an {@code sso_session}
 * section, and the older form with {@code sso_start_url} in the profile, each with the access token cached under
 * {@code ~/.aws/sso/cache}. The SDK's own SSO client asks the portal's GetRoleCredentials (sent to the stub with the
 * AWS_ENDPOINT_URL_SSO variable) and every call of the scan is signed with the role credentials it answers.
 *
 * <p>The SDK reads the token cache under the HOME variable (not the user.home property) and fixes that folder when its
 * classes load, so each collection runs in a JVM of its own: {@code migrate collect} through {@code Main}, with HOME
 * set to a temporary folder and nothing from the real ~/.aws.
 */
class SsoProfileTest {
  private static final String START_URL = "https://example.awsapps.com/start";
  private static final String TOKEN = "sso-access-token-never-printed";
  private static final String KEY = "ASIASSOROLE222222222";
  @TempDir
  Path home;
  Fixtures fx;

  @BeforeEach
  void start() throws Exception {
    fx = new Fixtures();
    Path aws = Files.createDirectories(home.resolve(".aws"));
    Files.writeString(aws.resolve("config"), """
        [profile sso-session]
        sso_session = corp
        sso_account_id = 222222222222
        sso_role_name = MigrateReadOnly
        region = us-east-1

        [sso-session corp]
        sso_start_url = %s
        sso_region = us-east-1

        [profile sso-legacy]
        sso_start_url = %s
        sso_region = us-east-1
        sso_account_id = 222222222222
        sso_role_name = MigrateReadOnly
        region = us-east-1
        """.formatted(START_URL, START_URL));
    Files.writeString(aws.resolve("credentials"), "");
    // The portal's GetRoleCredentials (REST-JSON: GET /federation/credentials, the token in x-amz-sso_bearer_token,
    // expiration in epoch milliseconds).
    fx.server.stubFor(get(urlPathEqualTo("/federation/credentials")).withQueryParam("account_id", equalTo("222222222222"))
        .withQueryParam("role_name", equalTo("MigrateReadOnly")).withHeader("x-amz-sso_bearer_token", equalTo(TOKEN))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
            "{\"roleCredentials\":{\"accessKeyId\":\"" + KEY + "\",\"secretAccessKey\":\"sso-secret-never-printed\","
            + "\"sessionToken\":\"sso-session-token-never-printed\",\"expiration\":4070908800000}}")));
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  /** Writes the token cache file the AWS CLI names after the SHA-1 of {@code cacheName}. */
  private void cacheToken(String cacheName, String expiresAt) throws Exception {
    Path cache = Files.createDirectories(home.resolve(".aws/sso/cache"));
    String name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(cacheName.getBytes(StandardCharsets.UTF_8)));
    Files.writeString(cache.resolve(name + ".json"), "{\"startUrl\":\"" + START_URL + "\",\"region\":\"us-east-1\","
        + "\"accessToken\":\"" + TOKEN + "\",\"expiresAt\":\"" + expiresAt + "\"}");
  }

  private record Run(int code, String out, String err) {}

  /** {@code migrate collect} in a JVM of its own, HOME in the temporary folder. */
  private Run collect(String profile, Path out) throws Exception {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Djava.awt.headless=true", "-cp", classpath, "dev.migrate.cli.Main", "collect", "--aws-profile",
        profile, "--endpoint-url", fx.endpoint().toString(), "--regions", "us-east-1", "--out", out.toString(),
        "--retry-base-ms", "1"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("HOME", home.toString());
    env.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
    env.put("AWS_ENDPOINT_URL_SSO", fx.endpoint().toString());
    File stdout = home.resolve("stdout.txt").toFile();
    File stderr = home.resolve("stderr.txt").toFile();
    pb.redirectOutput(stdout).redirectError(stderr).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("migrate collect did not end in 120 s");
    }
    return new Run(p.exitValue(), Files.readString(stdout.toPath()), Files.readString(stderr.toPath()));
  }

  private List<String> signed() {
    List<String> out = new ArrayList<>();
    fx.server.getAllServeEvents().forEach(e -> out.add(Journal.accessKey(e.getRequest()) + " " + Journal.action(e.getRequest())));
    return out;
  }

  private void assertCollectedWithTheRole(Run run, Path file) throws Exception {
    assertEquals(0, run.code(), run.toString());
    fx.server.verify(1, getRequestedFor(urlPathEqualTo("/federation/credentials")));
    List<String> wire = signed();
    assertTrue(wire.contains(KEY + " ec2:DescribeInstances"), wire.toString());
    assertTrue(wire.stream().filter(w -> !w.contains("/federation/credentials")).allMatch(w -> w.startsWith(KEY + " ")),
        "every call of the scan with the role's keys: " + wire);
    assertEquals(4, SnapshotJson.read(file).instances().size());
    String everything = run.out() + run.err() + Files.readString(file);
    assertFalse(everything.contains(TOKEN) || everything.contains("sso-secret-never-printed")
        || everything.contains("sso-session-token-never-printed"), "no token or credentials in any output");
  }

  @Test
  void anSsoSessionProfileWithACachedTokenGetsTheRoleCredentialsFromThePortal() throws Exception {
    cacheToken("corp", "2099-01-01T00:00:00Z");
    Path file = home.resolve("snap.json");
    assertCollectedWithTheRole(collect("sso-session", file), file);
  }

  @Test
  void aLegacySsoProfileWithACachedTokenGetsTheRoleCredentialsFromThePortal() throws Exception {
    cacheToken(START_URL, "2099-01-01T00:00:00Z");
    Path file = home.resolve("snap.json");
    assertCollectedWithTheRole(collect("sso-legacy", file), file);
  }

  @Test
  void anExpiredTokenIsOneLineThatSaysToLogInAgain() throws Exception {
    cacheToken(START_URL, "2020-01-01T00:00:00Z");
    Run run = collect("sso-legacy", home.resolve("snap.json"));
    assertEquals(2, run.code(), run.toString());
    List<String> lines = run.err().lines().filter(l -> l.startsWith("migrate: ")).toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("migrate: --aws-profile sso-legacy: no AWS credentials from profile 'sso-legacy': ")
        && lines.get(0).contains("aws sso login"), lines.get(0));
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    fx.server.verify(0, getRequestedFor(urlPathEqualTo("/federation/credentials")));
    assertFalse(Files.exists(home.resolve("snap.json")));
  }
}
