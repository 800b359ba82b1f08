package dev.migrate.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrate.inventory.Account;
import dev.migrate.inventory.Ec2Instance;
import dev.migrate.inventory.NetworkInterface;
import dev.migrate.inventory.SnapshotJson;
import dev.migrate.inventory.Vpc;
import dev.migrate.inventory.Window;
import dev.migrate.testing.Cli;
import dev.migrate.testing.Golden;
import dev.migrate.testing.SnapshotBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow-log examples of the VPC user guide ("Flow log record examples"), read in the forms AWS delivers
 * them (default format as plain text; the same records in a custom format with the fields in another order,
 * gzipped), merged into a snapshot by {@code migrate logs analyze --log-format vpc-flow --merge-into}, give the
 * same dependency graph through {@code migrate deps}.
 */
class FlowLogFormsTest {
  @TempDir
  Path dir;

  static final String DEFAULT_FORMAT = """
      version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
      2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK
      2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK
      2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA
      2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA
      2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK
      2 123456789010 eni-1235b8ca123456789 172.31.16.139 203.0.113.12 0 0 1 4 336 1432917094 1432917142 REJECT OK
      2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK
      """;

  /** The same records with a custom format's header: other fields, another order. */
  static final String CUSTOM_FORMAT = """
      srcaddr dstaddr interface-id srcport dstport protocol bytes packets start end action log-status version vpc-id account-id
      172.31.16.139 172.31.16.21 eni-1235b8ca123456789 20641 22 6 4249 20 1418530010 1418530070 ACCEPT OK 5 vpc-0a1 123456789010
      172.31.9.69 172.31.9.12 eni-1235b8ca123456789 49761 3389 6 4249 20 1418530010 1418530070 REJECT OK 5 vpc-0a1 123456789010
      - - eni-1235b8ca123456789 - - - - - 1431280876 1431280934 - NODATA 5 vpc-0a1 123456789010
      - - eni-11111111aaaaaaaaa - - - - - 1431280876 1431280934 - SKIPDATA 5 vpc-0a1 123456789010
      203.0.113.12 172.31.16.139 eni-1235b8ca123456789 0 0 1 336 4 1432917027 1432917142 ACCEPT OK 5 vpc-0a1 123456789010
      172.31.16.139 203.0.113.12 eni-1235b8ca123456789 0 0 1 336 4 1432917094 1432917142 REJECT OK 5 vpc-0a1 123456789010
      2001:db8:1234:a100:8d6e:3477:df66:f105 2001:db8:1234:a102:3304:8879:34cf:4071 eni-1235b8ca123456789 34892 22 6 8855 54 1477913708 1477913820 ACCEPT OK 5 vpc-0a1 123456789010
      """;

  /** The guide's VPC (172.31.0.0/16): 172.31.16.139 is a web server, 172.31.16.21 the box it reaches over SSH. */
  private Path snapshot() throws Exception {
    Ec2Instance web = instance("i-0web", Map.of("app", "web", "Name", "web-1"));
    Ec2Instance admin = instance("i-0admin", Map.of("Name", "admin-box"));
    var s = SnapshotBuilder.snapshot(new Account("123456789010", null), Instant.parse("2017-11-01T00:00:00Z"),
            Window.ofDays(Instant.parse("2017-11-01T00:00:00Z"), 30))
        .regions(List.of("us-east-1"))
        .instances(List.of(admin, web))
        .vpcs(List.of(new Vpc("vpc-0a1", "us-east-1", List.of("172.31.0.0/16"), true)))
        .networkInterfaces(List.of(
            new NetworkInterface("eni-1235b8ca123456789", "us-east-1", "vpc-0a1", "subnet-1", "interface",
                List.of("172.31.16.139"), List.of(), "ec2", "i-0web", null),
            new NetworkInterface("eni-2222", "us-east-1", "vpc-0a1", "subnet-1", "interface",
                List.of("172.31.16.21"), List.of(), "ec2", "i-0admin", null)))
        .build();
    Path f = dir.resolve("snap.json");
    SnapshotJson.write(s, f);
    return f;
  }

  private static Ec2Instance instance(String id, Map<String, String> tags) {
    return new Ec2Instance(id, "us-east-1", "us-east-1a", "t3.micro", "running", "linux", "x86_64", null, null, null,
        "vpc-0a1", null, List.of(), false, tags);
  }

  private String depsOf(Path snapshot, Path logs) throws Exception {
    Path merged = dir.resolve("merged-" + logs.getFileName() + ".json");
    var read = Cli.run("logs", "analyze", "--log-format", "vpc-flow", logs.toString(), "--merge-into",
        snapshot.toString(), "--out", merged.toString());
    assertEquals(0, read.code(), read.toString());
    var deps = Cli.run("deps", "--snapshot", merged.toString(), "--format", "json");
    assertEquals(0, deps.code(), deps.toString());
    return deps.out();
  }

  @Test
  void theUserGuideExamplesGiveTheSameGraphInEveryForm() throws Exception {
    Path snap = snapshot();
    Path plain = dir.resolve("default.log");
    Files.writeString(plain, DEFAULT_FORMAT);
    Path gzip = dir.resolve("custom.log.gz");
    var bytes = new ByteArrayOutputStream();
    try (var gz = new GZIPOutputStream(bytes)) {
      gz.write(CUSTOM_FORMAT.getBytes(StandardCharsets.UTF_8));
    }
    Files.write(gzip, bytes.toByteArray());
    String fromDefault = depsOf(snap, plain);
    assertEquals(fromDefault, depsOf(snap, gzip));
    // SSH from the web server to the admin box (4249 bytes), a ping from the internet (336 bytes); the rejected,
    // NODATA, SKIPDATA and IPv6 records are counted, not drawn.
    Golden.check("deps/aws-doc-examples.json", fromDefault);
  }
}
