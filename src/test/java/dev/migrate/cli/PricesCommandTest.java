package dev.migrate.cli;

import dev.migrate.testing.Cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PricesCommandTest {
  String out = "";
  String err = "";

  int run(String... args) {
    Cli.Run r = Cli.run(args);
    out = r.out();
    err = r.err();
    return r.code();
  }

  @Test
  void showPrintsTheBookAndAPrefix() {
    assertEquals(ExitCode.OK, run("prices", "show", "aws/ec2/m5.large:linux/us-east-1"));
    String text = out;
    assertTrue(text.startsWith("price book 2026-12-03"), text);
    assertTrue(text.contains("aws/ec2/m5.large:linux/us-east-1  0.096 USD/hour  as of 2026-07-20"), text);
  }

  @Test
  void unknownPrefixIsAUsageError() {
    assertEquals(ExitCode.USAGE, run("prices", "show", "aws/nothing"));
    assertTrue(err.contains("no price key starts with 'aws/nothing'"));
  }

  @Test
  void aMissingBookFolderIsAUsageError() {
    assertEquals(ExitCode.USAGE, run("prices", "show", "--price-book", "/nonexistent/book"));
    assertTrue(err.contains("--price-book /nonexistent/book: not a folder"));
  }

  @Test
  void aBrokenManifestIsNamedWithFileLineAndColumnInWords(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Files.writeString(dir.resolve("pricebook.yaml"), """
        name: mine
        date: 2026-13-01
        hoursPerMonth: many
        files: [aws/ec2.csv]
        colour: blue
        """);
    assertEquals(ExitCode.INVALID_INPUT, run("prices", "show", "--price-book", dir.toString()));
    String book = dir + "/pricebook.yaml";
    assertTrue(err.contains(book + ":2:7: 'date' must be a date written YYYY-MM-DD, found the string '2026-13-01'"), err);
    assertTrue(err.contains(book + ":3:16: 'hoursPerMonth' must be a whole number of hours from 672 to 744"), err);
    assertTrue(err.contains(book + ":5:1: unknown field 'colour' in the price book manifest; expected one of name, date,"),
        err);
    assertTrue(!err.contains("jackson") && !err.contains("Exception") && !err.contains("\tat "), err);
  }

  @Test
  void aManifestThatIsNotYamlSaysWhere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("pricebook.yaml"), "name: mine\ndate: [2026-01-01\nfiles: []\n");
    assertEquals(ExitCode.INVALID_INPUT, run("prices", "show", "--price-book", dir.toString()));
    assertTrue(err.contains(dir + "/pricebook.yaml:3:"), err);
    assertTrue(err.contains("not valid YAML"), err);
    assertTrue(!err.contains("jackson") && !err.contains("snakeyaml"), err);
  }

  @Test
  void refreshWithNothingToFetchIsAUsageError() {
    assertEquals(ExitCode.USAGE, run("prices", "refresh", "--out", "/tmp/unused", "--skip-aws"));
    assertTrue(err.contains("--skip-aws without --gcp-project leaves nothing to refresh"));
  }

  @Test
  void refreshFromWireMockWritesADatedBook(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    var wm = new com.github.tomakehurst.wiremock.WireMockServer(
        com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
    wm.start();
    try {
      String body;
      try (var in = getClass().getResourceAsStream("/refresh/aws-getproducts-us-west-2.json")) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/").willReturn(
          com.github.tomakehurst.wiremock.client.WireMock.okForContentType("application/x-amz-json-1.1", body)));
      int code = run("prices", "refresh", "--out", dir.toString(), "--aws-region", "us-west-2", "--aws-endpoint", wm.baseUrl());
      assertEquals(ExitCode.OK, code, err);
      String text = out;
      assertTrue(text.contains("diff against the old book: 1 added, 0 changed, 0 unchanged"), text);
      assertTrue(text.contains(" not refreshed (kept) -> "), text);
      assertTrue(err.contains("AWS Price List: AmazonEC2 {regionCode=us-west-2, productFamily=Compute Instance, operatingSystem=Linux"),
          err);
    } finally {
      wm.stop();
    }
  }

  @Test
  void refreshWhenTheApiFailsIsARemoteFailure(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    var wm = new com.github.tomakehurst.wiremock.WireMockServer(
        com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
    wm.start();
    try {
      wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/").willReturn(
          com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
              .withHeader("Content-Type", "application/x-amz-json-1.1")
              .withBody("{\"__type\":\"com.amazon.pricing#InvalidParameterException\",\"message\":\"Input parameters are invalid.\"}")));
      int code = run("prices", "refresh", "--out", dir.toString(), "--aws-region", "us-west-2", "--aws-endpoint", wm.baseUrl());
      assertEquals(ExitCode.REMOTE_FAILURE, code);
      assertTrue(err.contains("AWS Price List API: "), err);
    } finally {
      wm.stop();
    }
  }
}
