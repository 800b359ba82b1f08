package dev.migrate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An AWS profile named "test" (region us-east-1, fake keys) in config and credentials files the
 * SDK finds through the {@code aws.configFile} / {@code aws.sharedCredentialsFile} properties, so
 * {@code --aws-profile test} works against the WireMock stub account without touching ~/.aws.
 */
public final class TestProfile {
  /** The profile's secret key: tests check it never reaches an output. */
  public static final String SECRET = "s3cr3t-never-printed";
  /** The profile's access key id. */
  public static final String ACCESS_KEY_ID = "AKIDTEST";

  private TestProfile() {}

  /** Writes the two files into {@code dir} and points the SDK at them. */
  public static void install(Path dir) {
    try {
      Path config = dir.resolve("aws-config");
      Path credentials = dir.resolve("aws-credentials");
      Files.writeString(config, "[profile test]\nregion = us-east-1\n");
      Files.writeString(credentials, "[test]\naws_access_key_id = " + ACCESS_KEY_ID + "\naws_secret_access_key = "
          + SECRET + "\n");
      System.setProperty("aws.configFile", config.toString());
      System.setProperty("aws.sharedCredentialsFile", credentials.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops pointing the SDK at the test files. */
  public static void clear() {
    System.clearProperty("aws.configFile");
    System.clearProperty("aws.sharedCredentialsFile");
  }
}
