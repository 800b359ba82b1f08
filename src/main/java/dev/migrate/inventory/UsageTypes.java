package dev.migrate.inventory;

import dev.migrate.io.Csv;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Where an AWS usage type belongs, read from its region prefix ("APN1-BoxUsage:m5.large" is
 * ap-northeast-1), and the one normal form of bill amounts, so that the Cost Explorer and the Data
 * Exports paths give the same lines.
 *
 * <p>The rule, from AWS's Region billing codes page and how bills spell usage types:
 * <ol>
 *   <li>CloudFront: always global (null): its prefixes (US, EU, JP, AP, ...) are edge geographies,
 *       and EU would otherwise read as Ireland.</li>
 *   <li>A first segment that is a Region billing code (table {@code billing/region-codes.csv}) is the
 *       region; inter-region transfer ("APN1-USE1-AWS-Out-Bytes") belongs to its first (source) region.</li>
 *   <li>"Global-..." is global.</li>
 *   <li>No prefix: global for the services of {@code billing/global-services.csv} (Route 53 zones and
 *       queries, Support, IAM, ...), otherwise us-east-1: AWS writes US East (N. Virginia) usage
 *       without a prefix ("BoxUsage:t3.small", "TimedStorage-ByteHrs", "DataTransfer-Out-Bytes").</li>
 * </ol>
 */
public final class UsageTypes {
  /** Cost Explorer's name for CloudFront, whose usage-type prefixes are edge geographies. */
  public static final String CLOUDFRONT = "Amazon CloudFront";
  private static final Map<String, String> REGIONS = new HashMap<>();
  private static final Map<String, Boolean> GLOBAL_SERVICES = new HashMap<>();

  static {
    Csv.bundled("billing/region-codes.csv", r -> REGIONS.put(r.get(0), r.get(1)));
    Csv.bundled("billing/global-services.csv", r -> GLOBAL_SERVICES.put(r.get(0), Boolean.parseBoolean(r.get(1))));
  }

  private UsageTypes() {}

  /**
   * @param service   Cost Explorer service name
   * @param usageType the usage type as the bill spells it
   * @return the AWS region code, or null for global usage
   */
  public static String region(String service, String usageType) {
    Boolean prefixesAreRegions = GLOBAL_SERVICES.get(service);
    if (CLOUDFRONT.equals(service) || Boolean.FALSE.equals(prefixesAreRegions)) {
      return null;
    }
    int dash = usageType.indexOf('-');
    if (dash > 0) {
      String first = usageType.substring(0, dash);
      String region = REGIONS.get(first);
      if (region != null) {
        return region;
      }
      if (first.equalsIgnoreCase("Global")) {
        return null;
      }
    }
    return prefixesAreRegions != null ? null : "us-east-1";
  }

  /** True for the services whose unprefixed usage types are global (CloudFront: all of them). */
  public static boolean isGlobalService(String service) {
    return CLOUDFRONT.equals(service) || GLOBAL_SERVICES.containsKey(service);
  }

  /** True when the usage type starts with a Region billing code or "Global-". */
  public static boolean hasRegionPrefix(String usageType) {
    int dash = usageType.indexOf('-');
    return dash > 0 && (REGIONS.containsKey(usageType.substring(0, dash))
        || usageType.substring(0, dash).equalsIgnoreCase("Global"));
  }

  /** An amount without trailing zeros and never in exponent form: 1000.2500 -> 1000.25, 1.5E+3 -> 1500. */
  public static BigDecimal plain(BigDecimal v) {
    if (v == null) {
      return null;
    }
    if (v.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
