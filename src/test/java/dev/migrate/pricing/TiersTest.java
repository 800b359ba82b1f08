package dev.migrate.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TiersTest {
  static final LocalDate D = LocalDate.of(2025, 6, 18);

  /** AWS us-east-1 data transfer out: 0.09 to 10 TB, 0.085 to 50 TB, 0.07 to 150 TB, 0.05 beyond (GB). */
  static final Price DTO = new Price(PriceKey.aws("data-transfer", "internet-out", "us-east-1"), "GB", List.of(
      tier("0", "10240", "0.09"), tier("10240", "51200", "0.085"), tier("51200", "153600", "0.07"), tier("153600", null, "0.05")));

  static Tier tier(String from, String to, String usd) {
    return new Tier(new BigDecimal(from), to == null ? null : new BigDecimal(to), new BigDecimal(usd), "test", D, "", "t");
  }

  static BigDecimal total(List<TierSlice> s) {
    return s.stream().map(TierSlice::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void quantityWithinTheFirstTier() {
    List<TierSlice> s = Tiers.split(DTO, BigDecimal.ZERO, new BigDecimal("1000"));
    assertEquals(1, s.size());
    assertEquals(0, new BigDecimal("90.00").compareTo(total(s))); // 1000 x 0.09
  }

  @Test
  void quantityAcrossOneBoundary() {
    List<TierSlice> s = Tiers.split(DTO, BigDecimal.ZERO, new BigDecimal("12000"));
    assertEquals(2, s.size());
    assertEquals(0, new BigDecimal("10240").compareTo(s.get(0).quantity()));
    assertEquals(0, new BigDecimal("1760").compareTo(s.get(1).quantity()));
    assertEquals(0, new BigDecimal("1071.2").compareTo(total(s))); // 10240 x 0.09 + 1760 x 0.085 = 921.6 + 149.6
  }

  @Test
  void quantityAcrossEveryTier() {
    List<TierSlice> s = Tiers.split(DTO, BigDecimal.ZERO, new BigDecimal("200000"));
    assertEquals(4, s.size());
    // 10240 x 0.09 + 40960 x 0.085 + 102400 x 0.07 + 46400 x 0.05 = 921.6 + 3481.6 + 7168 + 2320
    assertEquals(0, new BigDecimal("13891.2").compareTo(total(s)));
  }

  @Test
  void aSecondItemContinuesWhereThePoolStands() {
    // the first item used 10,000 GB; the next 500 GB straddle the 10 TB boundary: 240 x 0.09 + 260 x 0.085
    List<TierSlice> s = Tiers.split(DTO, new BigDecimal("10000"), new BigDecimal("500"));
    assertEquals(0, new BigDecimal("43.7").compareTo(total(s)));
    // and the two items together cost what 10,500 GB cost at once
    BigDecimal together = total(Tiers.split(DTO, BigDecimal.ZERO, new BigDecimal("10500")));
    BigDecimal first = total(Tiers.split(DTO, BigDecimal.ZERO, new BigDecimal("10000")));
    assertEquals(0, together.compareTo(first.add(total(s))));
  }

  @Test
  void beyondTheLastBoundedTierIsUnpriced() {
    Price cdn = new Price(PriceKey.gcp("cdn", "cache-egress", "europe"), "GiB", List.of(
        tier("0", "10240", "0.08"), tier("10240", "153600", "0.055"), tier("153600", "512000", "0.03")));
    BigDecimal q = new BigDecimal("600000");
    List<TierSlice> s = Tiers.split(cdn, BigDecimal.ZERO, q);
    assertEquals(0, new BigDecimal("88000").compareTo(Tiers.unpriced(q, s)));
  }
}
