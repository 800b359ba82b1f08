#!/usr/bin/env python3
"""Derives the bundled price book from the shared reference data (build-time helper, never run by migrate).

Usage: python3 derive_from_reference.py REFERENCE_DIR OUT_DIR

Every output row keeps the source and as_of of the reference row it comes from; unit conversions
(TB -> GB tier bounds x 1024, per-request prices kept per request) are stated in the note column.
"""
import csv, os, sys, collections

REF, OUT = sys.argv[1], sys.argv[2]
AWS_REGIONS = ["us-east-1", "eu-west-1", "ap-northeast-1", "ap-southeast-1"]
GCP_REGIONS = ["us-east4", "us-central1", "europe-west1", "europe-west2", "asia-northeast1",
               "asia-southeast1", "asia-east1"]
HEADER = ["provider", "service", "sku", "region", "tier_from", "tier_to", "usd", "unit", "source", "as_of", "note"]


def rows(name):
    with open(os.path.join(REF, name), newline="") as f:
        lines = [l for l in f if not l.startswith("#")]
    return list(csv.DictReader(lines))


def date(as_of):
    """Price book dates are ISO dates; a year-only or month-only date becomes its first day (noted)."""
    a = as_of.strip()
    if len(a) == 10:
        return a, ""
    if len(a) == 7:
        return a + "-01", "as_of is month-only (" + a + ") in the source"
    if len(a) == 4:
        return a + "-01-01", "as_of is year-only (" + a + ") in the source"
    raise ValueError(as_of)


def tb(v):
    return "" if v == "" else str(int(float(v) * 1024))


class Out:
    def __init__(self, path, comment):
        self.path, self.comment, self.rows = path, comment, []

    def add(self, provider, service, sku, region, usd, unit, source, as_of, tier_from="", tier_to="", note=""):
        d, dnote = date(as_of)
        note = "; ".join(x for x in (note, dnote) if x)
        self.rows.append([provider, service, sku, region, tier_from, tier_to, str(usd), unit, source, d, note])

    def write(self):
        p = os.path.join(OUT, self.path)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        self.rows.sort(key=lambda r: (r[1], r[2], r[3], float(r[4] or 0)))
        with open(p, "w", newline="") as f:
            for c in self.comment:
                f.write("# " + c + "\n")
            w = csv.writer(f, lineterminator="\n")
            w.writerow(HEADER)
            w.writerows(self.rows)
        print(p, len(self.rows))


# ---------------------------------------------------------------- AWS EC2
ec2 = Out("aws/ec2.csv", ["AWS EC2 On-Demand, Linux, shared tenancy, USD per instance-hour. Windows is not in the reference data: Windows instances are reported as missing prices.",
                          "us-east-1: karpenter-provider-aws generated list (2026-07-20) preferred, aws-price-watcher (2025-06-18) for *.metal* and types it lacks; other regions: aws-price-watcher."])
pw = {(r["instance_type"], r["region"]): r for r in rows("aws_ec2_ondemand_linux_prices.csv") if r["region"] in AWS_REGIONS}
karp = {r["instance_type"]: r for r in rows("aws_ec2_ondemand_linux_us-east-1_karpenter.csv")}
for (t, region), r in pw.items():
    if region == "us-east-1" and t in karp and "metal" not in t:
        r = karp[t]
    ec2.add("aws", "ec2", t + ":linux", region, r["usd_per_hour"], "hour", r["source"], r["as_of"])
for t, r in karp.items():
    if (t, "us-east-1") not in pw:
        ec2.add("aws", "ec2", t + ":linux", "us-east-1", r["usd_per_hour"], "hour", r["source"], r["as_of"])
ec2.write()

# ---------------------------------------------------------------- AWS EBS
ebs = Out("aws/ebs.csv", ["AWS EBS, canonical page https://aws.amazon.com/ebs/pricing/. GB-month of provisioned size; gp3 IOPS above 3,000 and throughput above 125 MiB/s; io1/io2 provisioned IOPS.",
                          "io2 IOPS above 32,000 are not in the reference data (missing). Confidence from the reference file is kept in the note."])
SKU = {"storage": "storage", "iops_above_3000": "iops-above-3000", "throughput_above_125": "throughput-above-125",
       "provisioned_iops": "iops", "provisioned_iops_first_32000": "iops", "io_requests": "io-requests"}
for r in rows("aws_ebs_prices.csv"):
    if r["region"] not in AWS_REGIONS:
        continue
    sku = r["volume_type"] + ":" + SKU[r["charge"]]
    unit = {"GB-month": "GB-month", "IOPS-month": "IOPS-month", "MBps-month": "MiBps-month", "million requests": "million requests"}[r["unit"]]
    tf, tt = ("0", "32000") if r["charge"] == "provisioned_iops_first_32000" else ("", "")
    ebs.add("aws", "ebs", sku, r["region"], r["usd"], unit, r["source"], r["as_of"], tf, tt, "confidence " + r["confidence"])
ebs.write()

# ---------------------------------------------------------------- AWS ELB
elb = Out("aws/elb.csv", ["AWS Elastic Load Balancing: hours per load balancer, ALB LCU-hours, NLB NLCU-hours, classic ELB GB processed."])
for r in rows("aws_elb_prices.csv"):
    if r["region"] not in AWS_REGIONS or r["lb_type"] == "gwlb":
        continue
    sku = r["lb_type"] + ":" + {"lb_hour": "hour", "lcu_hour": "lcu-hour", "nlcu_hour": "nlcu-hour", "data_processed": "data-processed"}[r["charge"]]
    elb.add("aws", "elb", sku, r["region"], r["usd"], r["unit"], r["source"], r["as_of"])
elb.write()

# ---------------------------------------------------------------- AWS CloudFront
cf = Out("aws/cloudfront.csv", ["Amazon CloudFront: data transfer out per GB by price geography (region column), monthly volume tiers in GB (page TB x 1024);",
                                "HTTP/HTTPS requests per 10,000 by the price feed's request geographies; always-free allowance rows (1 TB out, 10M requests per month)."])
for r in rows("aws_cloudfront_prices.csv"):
    if r["charge"] == "data_transfer_out":
        cf.add("aws", "cloudfront", "data-transfer-out", r["geography"], r["usd"], "GB", r["source"], r["as_of"], tb(r["tier_from_tb"]), tb(r["tier_to_tb"]), "tier bounds: page TB x 1024 GB")
    else:
        cf.add("aws", "cloudfront", r["charge"].replace("_", "-"), r["geography"], r["usd"], "10k requests", r["source"], r["as_of"])
FREE_SRC = "https://aws.amazon.com/cloudfront/pricing/ (Always free: 1 TB data transfer out and 10,000,000 HTTP/HTTPS requests per month); AWS News Blog 'AWS Free Tier Data Transfer Expansion' (effective 2021-12-01)"
cf.add("aws", "cloudfront", "free-data-transfer-out", "global", "0", "GB", FREE_SRC, "2021-12-01", "0", "1024", "allowance across all geographies, per account per month")
cf.add("aws", "cloudfront", "free-requests", "global", "0", "10k requests", FREE_SRC, "2021-12-01", "0", "1000", "10,000,000 requests = 1,000 x 10k, per account per month")
cf.write()

# ---------------------------------------------------------------- AWS S3
s3 = Out("aws/s3.csv", ["Amazon S3: storage per class per GB-month (STANDARD and INTELLIGENT_TIERING frequent tiers in GB = page TB x 1024), requests per single request, retrieval per GB."])
for r in rows("aws_s3_prices.csv"):
    if r["region"] not in AWS_REGIONS:
        continue
    s3.add("aws", "s3", r["storage_class"] + ":" + r["charge"].replace("_", "-"), r["region"], r["usd"], r["unit"], r["source"], r["as_of"],
           tb(r["tier_from_tb"]), tb(r["tier_to_tb"]), ("tier bounds: page TB x 1024 GB; " if r["tier_from_tb"] else "") + "AWS label: " + r["aws_label"])
s3.write()

# ---------------------------------------------------------------- AWS data transfer
dt = Out("aws/data_transfer.csv", ["AWS data transfer out to the internet per GB, monthly tiers in GB per region; inter-cloud-out (AWS to Google Cloud over the internet or a VPN)",
                                   "is billed as data transfer out to the internet: same rates, kept as their own rows so the key says what is priced; free 100 GB/month allowance row."])
for r in rows("aws_data_transfer_prices.csv"):
    if r["kind"] != "internet_out" or r["region"] not in AWS_REGIONS:
        continue
    for sku in ("internet-out", "inter-cloud-out"):
        note = "" if sku == "internet-out" else "= internet-out rate: traffic to another cloud leaves AWS as data transfer out to the internet (https://aws.amazon.com/ec2/pricing/on-demand/ Data Transfer)"
        dt.add("aws", "data-transfer", sku, r["region"], r["usd_per_gb"], "GB", r["source"], r["as_of"], r["tier_from_gb"], r["tier_to_gb"], note)
dt.add("aws", "data-transfer", "free-internet-out", "global", "0", "GB",
       "https://aws.amazon.com/ec2/pricing/on-demand/ (100 GB/month data transfer out to the internet free, aggregated over all services and regions except China and GovCloud); AWS News Blog 'AWS Free Tier Data Transfer Expansion' (effective 2021-12-01)",
       "2021-12-01", "0", "100", "per account per month")
dt.write()

# ---------------------------------------------------------------- GCP Compute Engine
gce = Out("gcp/compute.csv", ["Compute Engine machine types (Linux, no premium OS licence): ondemand and spot per hour; cud-1y / cud-3y per month of 730 h (resource-based CUD);",
                              "sud:<series> = sustained-use discount at a full month, as a fraction of on-demand (derived 1 - month/(hour x 730) from the same source, see https://cloud.google.com/compute/docs/sustained-use-discounts)."])
mt = {r["machine_type"]: r for r in rows("gcp_compute_machine_types.csv")}
series_sud = collections.defaultdict(set)
for r in rows("gcp_compute_prices.csv"):
    if r["region"] not in GCP_REGIONS:
        continue
    t = r["machine_type"]
    for sku, col, unit in (("ondemand", "hour", "hour"), ("spot", "hour_spot", "hour"), ("cud-1y", "month_1y", "month"), ("cud-3y", "month_3y", "month")):
        if r[col]:
            gce.add("gcp", "compute", t + ":" + sku, r["region"], r[col], unit, r["source"], r["as_of"])
    if r["hour"] and r["month"] and float(r["hour"]) > 0:
        series = mt[t]["series"] if t in mt else t.split("-")[0]
        series_sud[series].add(round(1 - float(r["month"]) / (float(r["hour"]) * 730), 2))
for series, fracs in sorted(series_sud.items()):
    if len(fracs) != 1:
        print("inconsistent SUD", series, fracs)
        continue
    f = fracs.pop()
    if f > 0:
        gce.add("gcp", "compute", "sud:" + series, "all", f, "fraction", "cyclenerd-pricing.yml@fd66b26 (month vs hour x 730); https://cloud.google.com/compute/docs/sustained-use-discounts", "2026-07-30",
                note="fraction of the on-demand price at 100% of the month, not USD")
gce.write()

# ---------------------------------------------------------------- GCP disks
disk = Out("gcp/disk.csv", ["Persistent Disk / Hyperdisk capacity per GiB-month. Provisioned IOPS/throughput (pd-extreme, hyperdisk) and Hyperdisk Balanced/Throughput are not in the reference data (missing)."])
for r in rows("gcp_disk_prices.csv"):
    if r["region"] in GCP_REGIONS and not r["disk_type"].startswith("local-ssd-c4"):
        disk.add("gcp", "disk", r["disk_type"] + ":capacity", r["region"], r["usd_per_gib_month"], "GiB-month", r["source"], r["as_of"])
disk.write()

# ---------------------------------------------------------------- GCP storage
gcs = Out("gcp/storage.csv", ["Cloud Storage per GiB-month by class and location; operations per 1,000 (Standard, regional only were captured)."])
for r in rows("gcp_storage_prices.csv"):
    if r["location"] in GCP_REGIONS or r["location_type"] != "region":
        gcs.add("gcp", "storage", r["storage_class"] + ":storage", r["location"], r["usd_per_gib_month"], "GiB-month", r["source"], r["as_of"], note=r["location_type"])
other = rows("gcp_other_unit_prices.csv")
UNDATED = "page undated; as_of is the date the stored copy was gathered for the reference data (2026-11-25)"


def odate(r):
    a = r["as_of"]
    return (a, "") if a[:2] in ("19", "20") and len(a) == 10 else ("2026-11-25", UNDATED + " (source says: " + a + ")")


for r in other:
    if r["product"] == "cloud_storage":
        d, n = odate(r)
        sku = "STANDARD:" + ("class-a-ops" if "class_a" in r["item"] else "class-b-ops")
        gcs.add("gcp", "storage", sku, "all", r["usd"], "1000 operations", r["source"], d, note="; ".join(x for x in (r["notes"], n, "captured for a regional Standard bucket (us-east1 example)") if x))
gcs.write()

# ---------------------------------------------------------------- GCP network, LB, CDN, GKE
net = Out("gcp/network.csv", ["Google Cloud networking: Premium Tier internet egress per GiB by source region and destination (tiers in GiB = TiB x 1024); Cloud VPN tunnel per hour;",
                              "inter-cloud-out (Google Cloud to AWS over the internet or VPN) = internet egress. Cloud Interconnect is not in the reference data: its rows are kept by hand in gcp/interconnect.csv."])
for r in rows("gcp_network_prices.csv"):
    if r["region"] not in GCP_REGIONS:
        continue
    if r["item"] == "internet_egress_premium":
        for sku in ("internet-egress-premium:" + r["dest"], "inter-cloud-out:" + r["dest"]):
            note = r["note"] if sku.startswith("internet") else "= Premium Tier internet egress rate (traffic to AWS leaves Google Cloud as internet egress); " + r["note"]
            net.add("gcp", "network", sku, r["region"], r["usd"], "GiB", r["source"], r["as_of"], tb(r["tier_from_tib"]), tb(r["tier_to_tib"]), note.strip("; "))
    else:
        net.add("gcp", "network", r["item"].replace("_", "-"), r["region"], r["usd"], r["unit"], r["source"], r["as_of"], note=r["note"])
net.write()

lb = Out("gcp/load_balancing.csv", ["Cloud Load Balancing: forwarding rules (flat hourly charge for the first 5 per project and region/global, then per rule), data processed per GiB",
                                    "(only the page-default region us-central1 was captured; other regions are missing)."])
cdn = Out("gcp/cdn.csv", ["Cloud CDN: cache data transfer out per GiB by destination geography (region column), tiers in GiB (TiB x 1024); cache lookups per 10k; cache fill range min/max per GiB."])
gke = Out("gcp/gke.csv", ["GKE: cluster management fee per cluster-hour; free-tier credit per billing account per month; Autopilot general-purpose Pod vCPU/GiB per hour (us-central1 only captured)."])
for r in other:
    d, n = odate(r)
    note = "; ".join(x for x in (r["notes"], n) if x)
    p, item = r["product"], r["item"]
    if p == "cloud_load_balancing":
        if item.startswith("forwarding"):
            lb.add("gcp", "load-balancing", item.replace("_", "-"), "all", r["usd"], r["unit"], r["source"], d, note=note)
        elif item == "outbound_data_processed":
            lb.add("gcp", "load-balancing", "data-processed", "us-central1", r["usd"], r["unit"], r["source"], d, note=note + "; inbound and outbound are charged at the same rate")
    elif p == "cloud_cdn":
        if item == "cache_data_transfer_out":
            cdn.add("gcp", "cdn", "cache-egress", r["scope"], r["usd"], r["unit"], r["source"], d, tb(r["tier_from_tib"]), tb(r["tier_to_tib"]), note)
        elif item == "cache_lookup_requests":
            cdn.add("gcp", "cdn", "cache-lookup", "all", r["usd"], r["unit"], r["source"], d, note=note)
        elif item in ("cache_fill_min", "cache_fill_max"):
            cdn.add("gcp", "cdn", item.replace("_", "-"), "all", r["usd"], r["unit"], r["source"], d, note=note)
    elif p == "gke":
        if item == "cluster_management_fee":
            gke.add("gcp", "gke", "cluster-fee", "all", r["usd"], r["unit"], r["source"], d, note=note)
        elif item == "free_tier_credit":
            gke.add("gcp", "gke", "free-tier-credit", "all", r["usd"], r["unit"], r["source"], d, note=note)
    elif p == "gke_autopilot":
        sku = "autopilot-" + ("vcpu" if "vcpu" in item else "memory") + ("-spot" if item.endswith("spot") else "")
        gke.add("gcp", "gke", sku, r["scope"], r["usd"], r["unit"], r["source"], "2025-01-01", note=r["notes"] + "; as_of is the first day of the earliest year of the citing sources (2025-2026)")
lb.write(); cdn.write(); gke.write()
