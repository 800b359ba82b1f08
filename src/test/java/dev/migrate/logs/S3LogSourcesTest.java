package dev.migrate.logs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** s3:// sources against WireMock speaking the S3 REST XML wire format (path-style requests). */
class S3LogSourcesTest {
  WireMockServer s3;

  @BeforeEach
  void start() {
    s3 = new WireMockServer(wireMockConfig().dynamicPort());
    s3.start();
  }

  @AfterEach
  void stop() {
    s3.stop();
  }

  static String listing(String token, boolean truncated, String... keys) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>tableapp-logs</Name>"
        + "<Prefix>prod/</Prefix><KeyCount>" + keys.length + "</KeyCount><MaxKeys>1000</MaxKeys>"
        + "<IsTruncated>" + truncated + "</IsTruncated>");
    if (token != null) {
      sb.append("<NextContinuationToken>").append(token).append("</NextContinuationToken>");
    }
    for (String k : keys) {
      sb.append("<Contents><Key>").append(k).append("</Key><LastModified>2026-11-01T00:05:00.000Z</LastModified>")
          .append("<ETag>&quot;0123456789abcdef0123456789abcdef&quot;</ETag><Size>100</Size>")
          .append("<StorageClass>STANDARD</StorageClass></Contents>");
    }
    return sb.append("</ListBucketResult>").toString();
  }

  @Test
  void listsAllPagesAndStreamsGzipObjects() throws Exception {
    String alb = "prod/AWSLogs/123456789012/elasticloadbalancing/us-east-2/2018/07/02/"
        + "123456789012_elasticloadbalancing_us-east-2_app.my-loadbalancer.50dc6c495c0c9188_20180702T2225Z_10.0.0.1_abc.log.gz";
    String cf = "prod/cloudfront/EMLARXS9EXAMPLE.2019-12-04-21.RT4KCN4SGK9.gz";
    s3.stubFor(get(urlPathEqualTo("/tableapp-logs")).withQueryParam("list-type", equalTo("2"))
        .withQueryParam("continuation-token", absent())
        .willReturn(aResponse().withHeader("Content-Type", "application/xml")
            .withBody(listing("page-2", true, alb, "prod/README.txt"))));
    s3.stubFor(get(urlPathEqualTo("/tableapp-logs")).withQueryParam("list-type", equalTo("2"))
        .withQueryParam("continuation-token", equalTo("page-2"))
        .willReturn(aResponse().withHeader("Content-Type", "application/xml").withBody(listing(null, false, cf))));
    s3.stubFor(get(urlPathEqualTo("/tableapp-logs/" + alb)).willReturn(aResponse()
        .withBody(ParserEdgeCasesTest.gzip(Files.readString(AwsDocExamplesTest.DOC.resolve("alb-examples.log"))))));
    s3.stubFor(get(urlPathEqualTo("/tableapp-logs/" + cf)).willReturn(aResponse()
        .withBody(ParserEdgeCasesTest.gzip(Files.readString(AwsDocExamplesTest.DOC.resolve("cloudfront-example.log"))))));

    String old1 = System.getProperty("aws.accessKeyId");
    String old2 = System.getProperty("aws.secretAccessKey");
    System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    try {
      List<LogSource> sources = S3LogSources.list("s3://tableapp-logs/prod/", null, "us-east-2", s3.baseUrl());
      assertEquals(List.of("s3://tableapp-logs/" + alb, "s3://tableapp-logs/" + cf),
          sources.stream().map(LogSource::name).toList(), "README.txt is not a log");
      LogReport r = new LogAnalyzer().analyze(sources, new LogAnalyzer.Options(2, 10, 100), m -> {});
      assertEquals(0, r.badLines());
      assertEquals(List.of("EMLARXS9EXAMPLE", "app/my-loadbalancer/50dc6c495c0c9188"),
          r.resources().stream().map(LogSummary::resourceKey).toList());
      assertEquals(6, r.resources().get(0).requests());
      assertEquals(7, r.resources().get(1).requests());
    } finally {
      restore("aws.accessKeyId", old1);
      restore("aws.secretAccessKey", old2);
    }
  }

  @Test
  void aFailingObjectIsAFileProblemAndTheOthersGoOn() throws Exception {
    s3.stubFor(get(urlPathEqualTo("/tableapp-logs")).withQueryParam("list-type", equalTo("2"))
        .willReturn(aResponse().withHeader("Content-Type", "application/xml")
            .withBody(listing(null, false, "prod/a.log.gz", "prod/b.log"))));
    s3.stubFor(get(urlPathEqualTo("/tableapp-logs/prod/a.log.gz")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/xml")
        .withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));
    s3.stubFor(get(urlPathEqualTo("/tableapp-logs/prod/b.log")).willReturn(aResponse()
        .withBody(Files.readString(AwsDocExamplesTest.DOC.resolve("clb-examples.log")))));
    var client = software.amazon.awssdk.services.s3.S3Client.builder()
        .region(software.amazon.awssdk.regions.Region.US_EAST_2)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .endpointOverride(java.net.URI.create(s3.baseUrl())).forcePathStyle(true)
        .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.core.retry.RetryMode.STANDARD))
        .build();
    LogReport r = new LogAnalyzer().analyze(S3LogSources.list(client, "s3://tableapp-logs/prod"),
        new LogAnalyzer.Options(1, 10, 100), m -> {});
    assertEquals(1, r.fileProblems().size());
    assertTrue(r.fileProblems().get(0).problem().contains("Access Denied"), r.fileProblems().get(0).problem());
    assertEquals(4, r.resources().get(0).requests());
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
