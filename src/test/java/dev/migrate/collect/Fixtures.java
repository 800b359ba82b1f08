package dev.migrate.collect;



import com.github.tomakehurst.wiremock.WireMockServer;
import dev.migrate.inventory.Gap;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The stub AWS account of {@code src/test/resources/wiremock}: a WireMock server on a free
 * port serving each service's wire format, and a collector pointed at it.
 */
final class Fixtures implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  final WireMockServer server;

  Fixtures() {
    this(null);
  }

  /** With {@code faults}, a share of every answer is replaced by a fault (see {@link FaultInjector}). */
  Fixtures(FaultInjector faults) {
    var config = com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()
        .usingFilesUnderClasspath("wiremock");
    if (faults != null) {
      config.extensions(faults);
    }
    server = new WireMockServer(config);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Fast retries: 3 attempts, 1 ms base back-off, so throttling tests take milliseconds. */
  CollectOptions options() {
    return CollectOptions.defaults(null).withEndpoint(endpoint()).withRetries(3, 3, Duration.ofMillis(1))
        .withParallelism(4);
  }

  AwsCollector collector(CollectOptions options) {
    return new AwsCollector(options, Clock.fixed(NOW, ZoneOffset.UTC),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")), "us-east-1");
  }

  CollectResult collect() {
    return collector(options()).collect(Progress.NONE);
  }

  /** A progress listener that keeps the gaps it hears about. */
  static final class Recorder implements Progress {
    final List<Gap> gaps = new CopyOnWriteArrayList<>();
    final List<String> done = new CopyOnWriteArrayList<>();

    @Override
    public void planned(int more) {}

    @Override
    public void done(String service, String region, int items) {
      done.add(service + "/" + region);
    }

    @Override
    public void gap(Gap gap) {
      gaps.add(gap);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
