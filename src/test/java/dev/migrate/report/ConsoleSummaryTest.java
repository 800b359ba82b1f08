package dev.migrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the request counts come from is said in words, in the console and on the Summary. */
class ConsoleSummaryTest {

  @Test
  void usageSourceCodesReadAsWords() {
    assertEquals("access logs and CloudWatch", ReportModel.requestsSourceInWords("both+cloudwatch"));
    assertEquals("access logs and CloudWatch", ReportModel.requestsSourceInWords("access-logs+cloudwatch"));
    assertEquals("access logs and CloudWatch", ReportModel.requestsSourceInWords("both"));
    assertEquals("CloudWatch", ReportModel.requestsSourceInWords("cloudwatch"));
    assertEquals("access logs", ReportModel.requestsSourceInWords("access-logs"));
    assertEquals("CloudWatch and unknown", ReportModel.requestsSourceInWords("cloudwatch+unknown"));
    assertEquals("source not recorded", ReportModel.requestsSourceInWords(""));
  }

  @Test
  void consoleSaysWhereTheRequestsWereMeasured() {
    String text = ConsoleSummary.render(ReportModel.of(Fixtures.tableapp()), List.of());
    String line = text.lines().filter(l -> l.startsWith("Requests per month")).findFirst().orElseThrow();
    assertTrue(line.endsWith("(measured: CloudWatch)"), line);
  }
}
