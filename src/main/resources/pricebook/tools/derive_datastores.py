#!/usr/bin/env python3
"""Derives the managed database and cache rows of the bundled price book from the dated public price tables in REFERENCE_DIR
(build-time helper, never run by migrate).

Usage: python3 derive_datastores.py REFERENCE_DIR OUT_DIR

Writes aws/rds.csv (RDS for MySQL / PostgreSQL instance hours), aws/elasticache.csv (node hours) and
gcp/memorystore.csv (Memorystore for Redis capacity tiers). Every row keeps the source and date of the
reference row it comes from; no price is computed. The hand-kept files (aws/rds_storage.csv,
aws/aurora.csv, gcp/cloudsql.csv, gcp/alloydb.csv) name their own sources row by row.
"""
import csv, os, sys

REF, OUT = sys.argv[1], sys.argv[2]
HEADER = ["provider", "service", "sku", "region", "tier_from", "tier_to", "usd", "unit", "source", "as_of", "note"]


def rows(name):
    with open(os.path.join(REF, name), newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines))


def write(path, comment, out):
    p = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    out.sort(key=lambda r: (r[1], r[2], r[3]))
    with open(p, "w", newline="") as f:
        for c in comment:
            f.write("# " + c + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        w.writerows(out)
    print(p, len(out))


# ---------------------------------------------------------------- RDS instance hours
# Engine names as the book keys them: the RDS API engine name (mysql, postgres).
ENGINE = {"mysql": "mysql", "postgresql": "postgres"}
out, seen = [], set()
for r in rows("aws_rds_ondemand_prices.csv"):
    if r["deployment"] not in ("single-az", "multi-az"):
        continue  # Multi-AZ DB clusters (two readable standbys) are not priced by the model
    key = (ENGINE[r["engine"]], r["instance_class"], r["deployment"], r["region"])
    if key in seen:
        raise SystemExit("duplicate " + str(key))
    seen.add(key)
    out.append(["aws", "rds", ":".join(key[:3]), r["region"], "", "", r["usd_per_hour"], "hour",
                r["source"], r["source_date"], ""])
write("aws/rds.csv", ["Amazon RDS for MySQL and RDS for PostgreSQL (not Aurora), On-Demand, USD per DB instance-hour, sku engine:class:deployment",
                      "(single-az, or multi-az = primary + one standby, billed as one Multi-AZ instance-hour). Regions of the source only: us-east-1,",
                      "us-west-2, eu-west-1, ap-northeast-1, ap-southeast-1. MariaDB, SQL Server, Oracle and Db2 are not in the source (missing)."], out)

# ---------------------------------------------------------------- ElastiCache node hours
out, seen = [], set()
for r in rows("aws_elasticache_ondemand_prices.csv"):
    engine = {"Redis": "redis", "Valkey": "valkey", "Memcached": "memcached"}[r["engine"]]
    key = (engine, r["node_type"], r["region"])
    if key in seen:
        raise SystemExit("duplicate " + str(key))
    seen.add(key)
    out.append(["aws", "elasticache", engine + ":" + r["node_type"], r["region"], "", "", r["usd_per_hour"], "node-hour",
                r["source"], r["source_date"], "data tiering" if r["data_tiering"] == "yes" else ""])
write("aws/elasticache.csv", ["Amazon ElastiCache node-based clusters, On-Demand, USD per node-hour, sku engine:node type (redis = Redis OSS, valkey, memcached).",
                              "Regions of the source only: us-east-1, us-west-2, eu-west-1, ap-northeast-1, ap-southeast-1. Serverless caches are not in the source (missing)."], out)

# ---------------------------------------------------------------- Memorystore for Redis capacity tiers
out = []
for r in rows("gcp_memorystore_redis_prices.csv"):
    out.append(["gcp", "memorystore", "redis:" + r["service_tier"] + ":" + r["capacity_tier"], r["region"], "", "", r["usd"], "GiB-hour",
                r["source"], r["source_date"], "SKU '" + r["sku_description"] + "'; capacity tier from " + r["tier_min_gb"] + " GB as labelled in the source"])
write("gcp/memorystore.csv", ["Memorystore for Redis (standalone instances), USD per GiB-hour of provisioned capacity, sku redis:service tier:capacity tier.",
                             "The whole instance is billed at the rate of the capacity tier its size falls in (M1 1-4 GB, M2 5-10, M3 11-35, M4 36-100, M5 over 100:",
                             "https://cloud.google.com/memorystore/docs/redis/pricing). standard = primary + replica (the price includes the replica).",
                             "Redis Cluster, Valkey, Memcached and read replicas are not in the source (missing)."], out)
