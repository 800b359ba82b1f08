package dev.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PricesCommandTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
  }

  @Test
  void showPrintsTheBookAndAPrefix() {
    assertEquals(ExitCode.OK, run("prices", "show", "aws/ec2/m5.large:linux/us-east-1"));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("price book 2026-11-25"), text);
    assertTrue(text.contains("aws/ec2/m5.large:linux/us-east-1  0.096 USD/hour  as of 2026-07-20"), text);
  }

  @Test
  void unknownPrefixIsAUsageError() {
    assertEquals(ExitCode.USAGE, run("prices", "show", "aws/nothing"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no price key starts with 'aws/nothing'"));
  }

  @Test
  void aMissingBookFolderIsAUsageError() {
    assertEquals(ExitCode.USAGE, run("prices", "show", "--price-book", "/nonexistent/book"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--price-book /nonexistent/book: not a folder"));
  }
}
