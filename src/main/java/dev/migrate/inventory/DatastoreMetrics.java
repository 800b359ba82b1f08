package dev.migrate.inventory;

/**
 * What a managed database or cache did over the window, beyond what {@link Usage} holds for every
 * kind (CPU, network bytes, cache hit ratio). Every figure is nullable: null means "not measured".
 *
 * @param freeableMemoryMinGib  RDS FreeableMemory, lowest value, GiB
 * @param memoryUsedMaxPct      ElastiCache DatabaseMemoryUsagePercentage, highest value, percent
 * @param connectionsAvg        RDS DatabaseConnections / ElastiCache CurrConnections, average
 * @param connectionsMax        the same, highest value
 * @param readIopsAvg           RDS ReadIOPS average
 * @param readIopsP95           RDS ReadIOPS 95th percentile of the period values
 * @param writeIopsAvg          RDS WriteIOPS average
 * @param writeIopsP95          RDS WriteIOPS 95th percentile of the period values
 * @param storageUsedGib        data stored, GiB: allocated minus FreeStorageSpace (RDS), VolumeBytesUsed
 *                              (Aurora cluster), BytesUsedForCache (ElastiCache), latest value
 * @param cacheHits             ElastiCache CacheHits (Redis/Valkey) or GetHits (Memcached), total
 * @param cacheMisses           ElastiCache CacheMisses or GetMisses, total
 * @param capacityAcuAvg        Aurora Serverless v2 ServerlessDatabaseCapacity average, ACUs
 * @param capacityAcuMax        the same, highest value
 */
public record DatastoreMetrics(
    Double freeableMemoryMinGib,
    Double memoryUsedMaxPct,
    Double connectionsAvg,
    Double connectionsMax,
    Double readIopsAvg,
    Double readIopsP95,
    Double writeIopsAvg,
    Double writeIopsP95,
    Double storageUsedGib,
    Long cacheHits,
    Long cacheMisses,
    Double capacityAcuAvg,
    Double capacityAcuMax) {

  /** Hits over hits and misses, or null when either was not measured or both are zero. */
  public Double hitRatio() {
    if (cacheHits == null || cacheMisses == null || cacheHits + cacheMisses == 0) {
      return null;
    }
    return cacheHits / (double) (cacheHits + cacheMisses);
  }
}
