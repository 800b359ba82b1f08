package dev.migrate.hostile;

import dev.migrate.testing.Cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.migrate.io.Terminal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request paths, tag values and the account alias are written by others; printed raw, an ESC
 * drives the terminal and a CR/LF forges output lines. Everything printed shows them escaped.
 */
class TerminalEscapeTest {
  @TempDir
  Path dir;

  @Test
  void theSharedFunctionMakesEveryControlCharacterVisible() {
    assertEquals("a\\e]0;pwned\\x07b\\r\\nc\\t\\x00\\x7f\\x9b\\u202e", Terminal.safe("a\u001b]0;pwned\u0007b\r\nc\t\u0000\u007f\u009b\u202e"));
    assertEquals("plain /path?q=1 ünïcødé 東京 😀", Terminal.safe("plain /path?q=1 ünïcødé 東京 😀"));
    assertEquals("x\\ud800", Terminal.safe("x\ud800"));
  }

  @Test
  void cloudFrontPathsDecodedToControlsAreEscapedInTopPathsAndBadLines() throws Exception {
    // CloudFront writes cs-uri-stem URL-decoded: %1b, %07 and %0d%0a arrive as raw bytes.
    String header = "#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status "
        + "cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol "
        + "cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version "
        + "fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type "
        + "sc-content-len sc-range-start sc-range-end\n";
    String line = "2026-11-20\t01:02:03\tNRT51-C1\t1024\t192.0.2.1\tGET\td111111abcdef8.cloudfront.net\t%s\t200\t-\tcurl\t-\t-\tHit\t"
        + "id%d\twww.example.jp\thttps\t100\t0.001\t-\tTLSv1.3\tTLS_AES_128_GCM_SHA256\tHit\tHTTP/2.0\t-\t-\t443\t0.001\tHit\t"
        + "text/html\t1024\t-\t-\n";
    StringBuilder log = new StringBuilder(header);
    for (int i = 0; i < 5; i++) {
      log.append(String.format(line, "/evil\u001b]0;pwned\u0007\u001b[2J", i));
    }
    log.append(String.format(line, "/x\rFAKE\u001b[31m", 9));
    log.append("garbage \u001b[31m bad line\u0007\n");
    Path file = Hostile.write(dir.resolve("E2QWRUHEXAMPLE.2026-11-20-01.abcd1234"), log.toString());
    Cli.Run run = Hostile.migrate("logs", "analyze", file.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains("/evil\\e]0;pwned\\x07\\e[2J"), run::toString);
    assertTrue(run.out().contains("bad line"), run::toString);
    assertFalse(Hostile.hasControl(run.out()), run::toString);
    assertFalse(Hostile.hasControl(run.err()), run::toString);
  }

  @Test
  void rawEscapeInAnAlbPathIsEscaped() throws Exception {
    String line = "https 2026-11-20T01:02:03.000000Z app/web/50dc6c495c0c9188 192.0.2.1:1234 10.0.0.1:80 0.001 0.002 0.000 "
        + "200 200 100 2048 \"GET https://www.example.jp:443/a\u001b[2Jb\u0007 HTTP/1.1\" \"curl\" "
        + "TLS_AES_128_GCM_SHA256 TLSv1.3 arn:aws:elasticloadbalancing:ap-northeast-1:481516234200:targetgroup/web/0123456789abcdef "
        + "\"Root=1-0\" \"www.example.jp\" \"-\" 0 2026-11-20T01:02:03.000000Z \"forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\"\n";
    Path file = Hostile.write(dir.resolve("481516234200_elasticloadbalancing_ap-northeast-1_app.web.50dc6c495c0c9188_20261120T0105Z_10.0.0.1_abc.log"),
        line.repeat(3));
    Cli.Run run = Hostile.migrate("logs", "analyze", file.toString());
    assertEquals(0, run.code(), run::toString);
    assertTrue(run.out().contains("/a\\e[2Jb\\x07"), run::toString);
    assertFalse(Hostile.hasControl(run.out() + run.err()), run::toString);
  }

  @Test
  void theAliasAndNameTagsAreEscapedByAssessAndRulesExplain() throws Exception {
    String[] id = new String[1];
    Path snap = Hostile.sample(dir.resolve("snap.json"), root -> {
      ((ObjectNode) root.get("account")).put("alias", "prod\u001b]0;owned\u0007\r\nFAKE LINE");
      ObjectNode i = Hostile.firstNamedInstance(root);
      ((ObjectNode) i.get("tags")).put("Name", "web\u001b[2J\r\nblocker: none");
      id[0] = i.get("id").asText();
    });
    Cli.Run assess = Hostile.migrate("assess", "--snapshot", snap.toString(), "--format", "console", "--out",
        dir.resolve("out").toString());
    assertEquals(0, assess.code(), assess::toString);
    assertTrue(assess.out().contains("prod\\e]0;owned\\x07\\r\\nFAKE LINE"), assess::toString);
    assertFalse(Hostile.hasControl(assess.out() + assess.err()), assess::toString);

    Cli.Run explain = Hostile.migrate("rules", "explain", id[0], "--snapshot", snap.toString());
    assertEquals(0, explain.code(), explain::toString);
    assertTrue(explain.out().contains("web\\e[2J\\r\\nblocker: none"), explain::toString);
    assertFalse(Hostile.hasControl(explain.out() + explain.err()), explain::toString);
    assertFalse(explain.out().lines().anyMatch(l -> l.startsWith("blocker: none")), explain::toString);
  }
}
