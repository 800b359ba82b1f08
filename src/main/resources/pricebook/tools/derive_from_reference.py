#!/usr/bin/env python3
"""Derives the bundled price book from dated public price tables in REFERENCE_DIR (build-time helper, never run by migrate).

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
                                   "is billed as data transfer out to the internet: same rates, kept as their own rows so the key says what is priced; free 100 GB/month allowance row;",
                                   "inter-region-out:<dest> = region to region per GB (key region = source); inter-az = between Availability Zones of one region, per GB in each direction. All regions of the source."])
for r in rows("aws_data_transfer_prices.csv"):
    if r["kind"] == "inter_region_out":
        dt.add("aws", "data-transfer", "inter-region-out:" + r["dest_region"], r["region"], r["usd_per_gb"], "GB", r["source"], r["as_of"],
               note="data transfer out of the region (the key's region) to " + r["dest_region"])
        continue
    if r["kind"] != "internet_out":
        continue
    for sku in ("internet-out", "inter-cloud-out"):
        note = "" if sku == "internet-out" else "= internet-out rate: traffic to another cloud leaves AWS as data transfer out to the internet (https://aws.amazon.com/ec2/pricing/on-demand/ Data Transfer)"
        dt.add("aws", "data-transfer", sku, r["region"], r["usd_per_gb"], "GB", r["source"], r["as_of"], r["tier_from_gb"], r["tier_to_gb"], note)
dt.add("aws", "data-transfer", "free-internet-out", "global", "0", "GB",
       "https://aws.amazon.com/ec2/pricing/on-demand/ (100 GB/month data transfer out to the internet free, aggregated over all services and regions except China and GovCloud); AWS News Blog 'AWS Free Tier Data Transfer Expansion' (effective 2021-12-01)",
       "2021-12-01", "0", "100", "per account per month")
dt.add("aws", "data-transfer", "inter-az", "all", "0.01", "GB",
       "https://aws.amazon.com/ec2/pricing/on-demand/ (Data Transfer within the same AWS Region); as quoted by https://www.usage.ai/blogs/aws-network-costs/ (us-east-1 rates, May 2026) and https://basavytix.com/blog/aws-cross-az-data-transfer-cost",
       "2026-05", note="'data transfer between availability zones ($0.01/GB each direction)': charged on the way out of one AZ and again on the way into the other, so a GB that crosses once is 2 x 0.01")
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
net = Out("gcp/network.csv", ["Google Cloud networking, every region of the source: Premium Tier internet egress per GiB by source region and destination (tiers in GiB = TiB x 1024); Cloud VPN tunnel per hour;",
                              "Cloud NAT gateway per hour and data processed per GiB; external IPv4 in use on a VM (ip-vm) and reserved but unused (ip-unused) per hour;",
                              "inter-cloud-out (Google Cloud to AWS over the internet or VPN) = internet egress. Cloud Interconnect is not in the reference data: its rows are kept by hand in gcp/interconnect.csv."])
for r in rows("gcp_network_prices.csv"):
    if r["item"] == "internet_egress_premium":
        for sku in ("internet-egress-premium:" + r["dest"], "inter-cloud-out:" + r["dest"]):
            note = r["note"] if sku.startswith("internet") else "= Premium Tier internet egress rate (traffic to AWS leaves Google Cloud as internet egress); " + r["note"]
            net.add("gcp", "network", sku, r["region"], r["usd"], "GiB", r["source"], r["as_of"], tb(r["tier_from_tib"]), tb(r["tier_to_tib"]), note.strip("; "))
    else:
        net.add("gcp", "network", r["item"].replace("_", "-"), r["region"], r["usd"], r["unit"], r["source"], r["as_of"], note=r["note"])
net.write()

lb = Out("gcp/load_balancing.csv", ["Cloud Load Balancing: forwarding rules (flat hourly charge for the first 5 per project and region/global, then per rule), data processed per GiB.",
                                    "Region all and us-central1 data processing: the pricing page (us-central1 is its default region). Other regions: the Compute Engine 'Network Load Balancing' SKUs per region",
                                    "as the Cloud Billing Catalog listed them on 2023-04-06 (Cyclenerd pricing.yml@e708efd; one data-processing rate per region, charged here on the bytes the load balancer serves)."])
LB_ITEM = {"forwarding_rule_first_5": "forwarding-rule-first-5", "forwarding_rule_additional": "forwarding-rule-additional", "data_processing": "data-processed"}
for r in rows("gcp_lb_prices.csv"):
    # Source B repeats the page rows already taken from gcp_other_unit_prices.csv (region all, us-central1): same figures, not added twice.
    if r["region"] in ("global", "region") or r["source"].startswith("https://"):
        continue
    if r["item"] == "data_processing" and r["region"] == "us-central1":
        continue
    lb.add("gcp", "load-balancing", LB_ITEM[r["item"]], r["region"], r["usd"], r["unit"], r["source"], r["source_date"],
           note=r["sku_or_label"].replace("<region>", r["region"]) + "; 2023 SKU: regional prices may have changed since")
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

# ---------------------------------------------------------------- AWS EC2 Windows
win = Out("aws/ec2_windows.csv", ["AWS EC2 On-Demand, Windows Server licence included (no SQL Server), shared tenancy, USD per instance-hour.",
                                  "us-east-1: LeanerCloud/ec2-instances-info (2023-08-30, full precision) where it has the type, else vantage-sh/ec2instances.info (2022-07-07);",
                                  "other regions: vantage-sh/ec2instances.info (2022-07-07), ROUNDED to 3 decimals by that source (e.g. t3.large 0.111 vs 0.1108): the note says so per row.",
                                  "Stale: GPU/accelerator families (p*, g*, inf*, dl*, trn*, f*) may have been repriced since 2022 (AWS cut p4d in 2025); types launched later have no Windows row (missing)."])
STALE = ("p", "g", "inf", "dl", "trn", "f", "vt")
for r in rows("aws_ec2_ondemand_windows_prices.csv"):
    if r["region"] not in AWS_REGIONS:
        continue
    t = r["instance_type"]
    fam = t.split(".")[0].rstrip("0123456789abcdefghijklmnopqrstuvwxyz-") or t.split(".")[0]
    letters = "".join(ch for ch in t.split(".")[0] if ch.isalpha())
    notes = []
    if r["precision"].startswith("rounded"):
        notes.append("rounded to 0.001 USD by the source")
    if any(letters.startswith(x) and (x != "g" or letters in ("g", "gd", "gn", "gdn")) for x in STALE) and not letters.startswith(("gr",)):
        notes.append("GPU/accelerator family: 2022-2023 price, may be stale")
    win.add("aws", "ec2", t + ":windows", r["region"], r["usd_per_hour"], "hour", r["source"], r["source_date"], note="; ".join(notes))
win.write()

# ---------------------------------------------------------------- AWS Direct Connect
dx = Out("aws/direct_connect.csv", ["AWS Direct Connect: port hours by connection type and capacity (dedicated-1g ... hosted-50m), data transfer out per GB from a region to a",
                                    "Direct Connect location associated with the same region. Key region = the AWS region the location is associated with (port) or the data leaves (transfer).",
                                    "Where the locations of one region differ, the row takes the price most of them have and the note names the others. Region all: the current pay-as-you-go page",
                                    "(dedicated ports outside Japan). Feed rows: aws-price-watcher raw/directconnect.json, publication 2020-09-25 (still the live feed in 2025)."])
def cap(c):
    return c.lower().replace("gbps", "g").replace("mbps", "m")
groups = collections.defaultdict(list)
for r in rows("aws_directconnect_prices.csv"):
    if r["charge"] == "port_hour":
        if not r["location_region"]:
            dx.add("aws", "direct-connect", r["connection_type"] + "-" + cap(r["capacity"]), "all", r["usd"], "hour", r["source"], r["source_date"],
                   note="'" + r["dx_location"] + "'; " + r["note"])
            continue
        groups[(r["connection_type"] + "-" + cap(r["capacity"]), r["location_region"], "hour")].append(r)
    elif r["charge"] == "data_transfer_out" and r["scope"] == "same_region":
        groups[("data-transfer-out", r["location_region"], "GB")].append(r)
for (sku, region, unit), rs in sorted(groups.items()):
    counts = collections.Counter(r["usd"] for r in rs)
    usd, n = counts.most_common(1)[0]
    if len(counts) > 1 and counts.most_common(2)[1][1] == n:
        usd = max(u for u, c in counts.items() if c == n)  # a tie: the higher price, never the cheaper guess
    others = sorted({r["dx_location"] + " " + r["usd"] for r in rs if r["usd"] != usd})
    note = str(n) + " of " + str(len(rs)) + " locations" + ("; other prices: " + ", ".join(others) if others else "")
    if sku == "data-transfer-out":
        note = "to a location associated with " + region + "; " + note
    dx.add("aws", "direct-connect", sku, region, usd, unit, rs[0]["source"], rs[0]["source_date"], note=note)
dx.write()

# ---------------------------------------------------------------- AWS VPC: public IPv4, NAT gateway (hand-sourced, not in the reference data)
vpc = Out("aws/vpc.csv", ["Amazon VPC: public IPv4 address per hour (in use or idle, since 2024-02-01; addresses brought with BYOIP are free);",
                          "NAT gateway per hour and per GB processed (on top of any data transfer). Sources are named per row; regions without a row are estimated from the nearest one."])
IPV4_SRC = ("https://aws.amazon.com/vpc/pricing/ (Public IPv4 Address tab); AWS announcement https://aws.amazon.com/blogs/aws/new-aws-public-ipv4-address-charge-public-ip-insights/ "
            "as quoted by https://community.aws/content/2c6cKl0W4KQZIO6dWnnDHs1tHSp/aws-to-charge-public-ipv4-addresses (2024-02-08)")
vpc.add("aws", "vpc", "public-ipv4-in-use", "all", "0.005", "hour", IPV4_SRC, "2024-02-01",
        note="'Effective February 1, 2024, every resource with a Public IPv4 address (NAT Gateway, EC2 Instance, Load balancer, VPN etc.) will be charged $0.005 per IP per hour'; all regions")
vpc.add("aws", "vpc", "public-ipv4-idle", "all", "0.005", "hour", IPV4_SRC, "2024-02-01",
        note="the same rate applies to an allocated Elastic IP that is not associated ('whether attached to a service or not')")
NAT_AEV = "https://raw.githubusercontent.com/api-evangelist/amazon-vpc/refs/heads/main/plans/amazon-vpc-plans-pricing.yml (verbatim transcription of https://aws.amazon.com/vpc/pricing/, page read 2026-09-20)"
vpc.add("aws", "vpc", "nat-gateway", "us-east-2", "0.045", "hour", NAT_AEV, "2026-09-20", note="'NAT Gateway (US East Ohio example) $0.045 per hour'")
vpc.add("aws", "vpc", "nat-data", "us-east-2", "0.045", "GB", NAT_AEV, "2026-09-20", note="'Data Processing charge will result in a charge of $0.045 per GB' (US East Ohio example)")
NAT_BLOG = "https://basavytix.com/blog/aws-nat-gateway-pricing (page undated; read 2026-12-03), citing https://aws.amazon.com/vpc/pricing/"
vpc.add("aws", "vpc", "nat-gateway", "us-east-1", "0.045", "hour", NAT_BLOG, "2026-12-03", note="'$0.045/hr ... These are the us-east-1 rates'; as_of is the date the page was read")
vpc.add("aws", "vpc", "nat-data", "us-east-1", "0.045", "GB", NAT_BLOG, "2026-12-03", note="'$0.045/GB data processing charge ... us-east-1'; as_of is the date the page was read")
vpc.add("aws", "vpc", "nat-gateway", "ap-southeast-1", "0.059", "hour", NAT_BLOG, "2026-12-03", note="'ap-southeast-1 (Singapore) is $0.059/hr'; as_of is the date the page was read")
vpc.add("aws", "vpc", "nat-data", "ap-southeast-1", "0.059", "GB", NAT_BLOG, "2026-12-03", note="'ap-southeast-1 (Singapore) is ... $0.059/GB'; as_of is the date the page was read")
vpc.write()

# ---------------------------------------------------------------- region locations (for nearest-region estimates)
# Google Cloud region coordinates: Cyclenerd/google-cloud-compute-machine-types regions/regions.sql @a965fe8 (city of the
# region as Google names it), with the data-centre coordinates of regions/extra.sql @1a138eb where that file gives them.
# AWS regions are placed at the Google Cloud region the catalog maps them to (region_map.csv: same city / metro / nearest).
GCP_LOCATIONS = {
    "africa-south1": ("Johannesburg, South Africa", -26.2056, 28.0337, "regions.sql gives +26.2056; Johannesburg is at 26.2 S, sign corrected"),
    "asia-east1": ("Taiwan", 23.69781, 120.960515, ""), "asia-east2": ("Hong Kong", 22.396428, 114.109497, ""),
    "asia-northeast1": ("Tokyo, Japan", 35.6762, 139.6503, ""), "asia-northeast2": ("Osaka, Japan", 34.6937, 135.5023, ""),
    "asia-northeast3": ("Seoul, South Korea", 37.5665, 126.978, ""), "asia-south1": ("Mumbai, India", 19.076, 72.8777, ""),
    "asia-south2": ("Delhi, India", 28.7041, 77.1025, ""), "asia-southeast1": ("Singapore", 1.3521, 103.8198, ""),
    "asia-southeast2": ("Jakarta, Indonesia", -6.2088, 106.8456, ""), "australia-southeast1": ("Sydney, Australia", -33.8688, 151.2093, ""),
    "australia-southeast2": ("Melbourne, Australia", -37.8136, 144.9631, ""), "europe-central2": ("Warsaw, Poland", 52.2297, 21.0122, ""),
    "europe-north1": ("Hamina, Finland", 60.5376, 27.1163, "extra.sql"), "europe-southwest1": ("Madrid, Spain", 40.4167, -3.7025, ""),
    "europe-west1": ("St. Ghislain, Belgium", 50.4690, 3.8658, "extra.sql"), "europe-west10": ("Berlin, Germany", 52.2630, 13.5727, "extra.sql"),
    "europe-west12": ("Turin, Italy", 45.0689, 7.6813, "extra.sql"), "europe-west2": ("London, UK", 51.5074, -0.1278, ""),
    "europe-west3": ("Frankfurt, Germany", 50.1109, 8.6821, ""), "europe-west4": ("Eemshaven, Netherlands", 53.4259, 6.8642, "extra.sql"),
    "europe-west6": ("Zurich, Switzerland", 47.3769, 8.5417, ""), "europe-west8": ("Milan, Italy", 45.4669, 9.19, ""),
    "europe-west9": ("Paris, France", 48.8996, 2.2961, "extra.sql"), "me-central1": ("Doha, Qatar", 25.2409741, 51.5126395, "extra.sql"),
    "me-central2": ("Dammam, Saudi Arabia", 26.3622236, 49.6807149, "extra.sql"), "me-west1": ("Tel Aviv, Israel", 32.0858103, 34.7697987, "extra.sql"),
    "northamerica-northeast1": ("Montreal, Canada", 45.5017, -73.5673, ""), "northamerica-northeast2": ("Toronto, Canada", 43.7417, -79.3733, ""),
    "southamerica-east1": ("Sao Paulo, Brazil", -23.5505, -46.6333, ""), "southamerica-west1": ("Santiago, Chile", -33.45, -70.6667, ""),
    "us-central1": ("Council Bluffs, Iowa, USA", 41.2210, -95.8639, "extra.sql"), "us-east1": ("South Carolina, USA", 33.8361, -81.1637, ""),
    "us-east4": ("Northern Virginia, USA", 38.8334, -77.2365, ""), "us-east5": ("Columbus, Ohio, USA", 39.9622, -83.0006, ""),
    "us-south1": ("Dallas, Texas, USA", 32.7792, -96.8089, ""), "us-west1": ("The Dalles, Oregon, USA", 45.6407, -121.1991, "extra.sql"),
    "us-west2": ("Los Angeles, California, USA", 34.0522, -118.2437, ""), "us-west3": ("Salt Lake City, Utah, USA", 40.7608, -111.891, ""),
    "us-west4": ("Las Vegas, Nevada, USA", 36.0563, -115.0090, "extra.sql"),
}
LOC_SRC = "Cyclenerd/google-cloud-compute-machine-types@a965fe8:regions/regions.sql"
LOC_EXTRA = "Cyclenerd/google-cloud-compute-machine-types@1a138eb:regions/extra.sql"
with open(os.path.join(OUT, "regions.csv"), "w", newline="") as f:
    f.write("# Where each region is, for prices estimated from the nearest region that has one (great-circle distance between these points).\n")
    f.write("# Google Cloud: coordinates of the region's city (" + LOC_SRC + "), data-centre coordinates where " + LOC_EXTRA + " gives them.\n")
    f.write("# AWS: placed at the Google Cloud region the catalog maps it to (catalog/region_map.csv, basis in note: same city / metro / nearest).\n")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["provider", "region", "location", "latitude", "longitude", "source", "note"])
    for region, (loc, lat, lng, note) in sorted(GCP_LOCATIONS.items()):
        src = LOC_EXTRA if note.startswith("extra.sql") else LOC_SRC
        w.writerow(["gcp", region, loc, lat, lng, src, "" if note == "extra.sql" else note])
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "..", "..", "catalog", "region_map.csv"), newline="") as m:
        mapped = list(csv.DictReader(l for l in m if not l.startswith("#")))
    for r in sorted(mapped, key=lambda r: r["aws_region"]):
        if r["gcp_region"] not in GCP_LOCATIONS:
            continue  # the source has no coordinates for that Google region (asia-southeast3, europe-north2, northamerica-south1): no estimate
        loc, lat, lng, _ = GCP_LOCATIONS[r["gcp_region"]]
        w.writerow(["aws", r["aws_region"], "at " + r["gcp_region"] + " (" + loc + ")", lat, lng, "catalog/region_map.csv -> " + r["gcp_region"], r["basis"]])
print(os.path.join(OUT, "regions.csv"))
