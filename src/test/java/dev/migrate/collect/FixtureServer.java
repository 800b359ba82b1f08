package dev.migrate.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Serves the stub account of {@code src/test/resources/wiremock} until killed, for trying
 * {@code migrate collect --endpoint-url http://127.0.0.1:PORT} by hand (see docs/collect.md).
 */
public final class FixtureServer {
  private FixtureServer() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().port(port).bindAddress("127.0.0.1")
        .usingFilesUnderClasspath("wiremock"));
    server.start();
    System.err.println("stub AWS account on http://127.0.0.1:" + server.port() + " (Ctrl-C to stop)");
    Thread.currentThread().join();
  }
}
