package dev.migrate.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts AWS's documented example keys in the {@code aws.accessKeyId} / {@code aws.secretAccessKey}
 * system properties for each test, so the SDK's default credentials chain signs requests to a WireMock
 * stub without any profile, and puts back what was there after the test. Use with
 * {@code @ExtendWith(ExampleAwsKeys.class)}.
 */
public final class ExampleAwsKeys implements BeforeEachCallback, AfterEachCallback {
  public static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
  public static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String ID_PROPERTY = "aws.accessKeyId";
  private static final String SECRET_PROPERTY = "aws.secretAccessKey";

  private String oldId;
  private String oldSecret;

  @Override
  public void beforeEach(ExtensionContext context) {
    oldId = System.getProperty(ID_PROPERTY);
    oldSecret = System.getProperty(SECRET_PROPERTY);
    System.setProperty(ID_PROPERTY, ACCESS_KEY_ID);
    System.setProperty(SECRET_PROPERTY, SECRET);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    restore(ID_PROPERTY, oldId);
    restore(SECRET_PROPERTY, oldSecret);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
