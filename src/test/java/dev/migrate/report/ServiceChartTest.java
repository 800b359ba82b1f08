package dev.migrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The "cost by service" chart keeps the largest services and folds the small ones into one bar. */
class ServiceChartTest {
  private static Map<String, BigDecimal> services(Object... nameAndUsd) {
    Map<String, BigDecimal> m = new TreeMap<>();
    for (int i = 0; i < nameAndUsd.length; i += 2) {
      m.put((String) nameAndUsd[i], new BigDecimal((String) nameAndUsd[i + 1]));
    }
    return m;
  }

  @Test
  void smallAndSurplusServicesFoldIntoOneBar() {
    // The sample's AWS side: three services under 1% of 14,756.58 (ELB 85.04, WAF 6.79, CloudFront 0).
    var aws = Charts.largestServices(services("Amazon EC2", "11412.38", "Amazon EBS", "2818.75",
        "AWS Data Transfer", "237.15", "Amazon S3", "196.47", "Elastic Load Balancing", "85.04",
        "AWS WAF", "6.79", "Amazon CloudFront", "0"), "AWS");
    assertEquals(List.of("Amazon EC2", "Amazon EBS", "AWS Data Transfer", "Amazon S3", "3 other AWS services"),
        List.copyOf(aws.keySet()));
    assertEquals(0, new BigDecimal("91.83").compareTo(aws.get("3 other AWS services")));
  }

  @Test
  void aSingleFoldedServiceKeepsItsNameAndSixBarsFitWithoutFolding() {
    var one = Charts.largestServices(services("A", "100", "B", "0.5"), "AWS");
    assertEquals(List.of("A", "B"), List.copyOf(one.keySet()));
    var six = Charts.largestServices(services("A", "60", "B", "50", "C", "40", "D", "30", "E", "20", "F", "10"), "AWS");
    assertEquals(List.of("A", "B", "C", "D", "E", "F"), List.copyOf(six.keySet()));
    var seven = Charts.largestServices(services("A", "60", "B", "50", "C", "40", "D", "30", "E", "20", "F", "10",
        "G", "5"), "Google Cloud");
    assertEquals(List.of("A", "B", "C", "D", "E", "2 other Google Cloud services"), List.copyOf(seven.keySet()));
    assertEquals(0, new BigDecimal("15").compareTo(seven.get("2 other Google Cloud services")));
  }
}
