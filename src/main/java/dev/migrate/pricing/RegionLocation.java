package dev.migrate.pricing;

/**
 * Where a region is (a row of the book's {@code regions.csv}), used to find the nearest region that
 * has a price.
 *
 * @param provider   aws or gcp
 * @param region     region code
 * @param location   place in words
 * @param latitude   degrees north
 * @param longitude  degrees east
 * @param source     where the location comes from
 * @param note       basis or correction, may be empty
 */
public record RegionLocation(String provider, String region, String location, double latitude, double longitude,
    String source, String note) {
  private static final double EARTH_RADIUS_KM = 6371.0;

  /** Great-circle (haversine) distance in km. */
  public double distanceKm(RegionLocation o) {
    double p1 = Math.toRadians(latitude);
    double p2 = Math.toRadians(o.latitude);
    double dp = p2 - p1;
    double dl = Math.toRadians(o.longitude - longitude);
    double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
