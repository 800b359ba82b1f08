#!/usr/bin/env python3
"""Writes the WireMock fixtures of LiveRefreshTest in the real wire formats:
AWS Price List GetProducts responses (awsJson1_1: {"FormatVersion","NextToken","PriceList": [JSON strings]})
and Cloud Billing Catalog ListSkusResponse JSON (REST transport: {"skus": [...], "nextPageToken"}).
Figures are test values (some equal to the bundled book, some changed on purpose). Run from this folder."""
import json

PUB = "2026-11-20T18:44:21Z"
EFF = "2026-11-01T00:00:00Z"


def aws_product(sku, family, attrs, dims, service):
    """dims: list of (begin, end, unit, usd)."""
    term = f"{sku}.JRTCKXETXF"
    pd = {}
    for i, (b, e, unit, usd) in enumerate(dims):
        rate = f"{term}.{6000 + i}"
        pd[rate] = {"unit": unit, "endRange": e, "description": f"${usd} per {unit}", "appliesTo": [],
                    "rateCode": rate, "beginRange": b, "pricePerUnit": {"USD": usd}}
    doc = {"product": {"productFamily": family, "attributes": dict(attrs, servicecode=service), "sku": sku},
           "serviceCode": service,
           "terms": {"OnDemand": {term: {"priceDimensions": pd, "sku": sku, "effectiveDate": EFF,
                                         "offerTermCode": "JRTCKXETXF", "termAttributes": {}}}},
           "version": "20261120184421", "publicationDate": PUB}
    return json.dumps(doc, separators=(",", ":"))


def aws_page(name, products, next_token=None):
    body = {"FormatVersion": "aws_v1", "PriceList": products}
    if next_token:
        body["NextToken"] = next_token
    with open(name, "w") as f:
        json.dump(body, f, indent=1)
        f.write("\n")


def flat(unit, usd):
    return [("0", "Inf", unit, usd)]


R = {"regionCode": "us-east-1", "location": "US East (N. Virginia)", "locationType": "AWS Region"}

# EBS -------------------------------------------------------------------------------------------------------
aws_page("aws-ebs-storage.json", [
    aws_product("EBS00001", "Storage", dict(R, volumeApiName="gp2", usagetype="EBS:VolumeUsage.gp2", storageMedia="SSD-backed"), flat("GB-Mo", "0.1000000000"), "AmazonEC2"),
    aws_product("EBS00002", "Storage", dict(R, volumeApiName="gp3", usagetype="EBS:VolumeUsage.gp3"), flat("GB-Mo", "0.0800000000"), "AmazonEC2"),
    aws_product("EBS00003", "Storage", dict(R, volumeApiName="st1", usagetype="EBS:VolumeUsage.st1"), flat("GB-Mo", "0.0460000000"), "AmazonEC2"),
    aws_product("EBS00004", "Storage", dict(R, volumeApiName="io2", usagetype="EBS:VolumeUsage.io2"), flat("GB-Mo", "0.1250000000"), "AmazonEC2"),
])
aws_page("aws-ebs-system-operation.json", [
    aws_product("EBS00011", "System Operation", dict(R, volumeApiName="gp3", group="EBS IOPS", usagetype="EBS:VolumeP-IOPS.gp3"), flat("IOPS-Mo", "0.0050000000"), "AmazonEC2"),
    aws_product("EBS00012", "System Operation", dict(R, volumeApiName="io1", group="EBS IOPS", usagetype="EBS:VolumeP-IOPS.piops"), flat("IOPS-Mo", "0.0650000000"), "AmazonEC2"),
    aws_product("EBS00013", "System Operation", dict(R, volumeApiName="io2", group="EBS IOPS", usagetype="EBS:VolumeP-IOPS.io2"), flat("IOPS-Mo", "0.0650000000"), "AmazonEC2"),
    aws_product("EBS00014", "System Operation", dict(R, volumeApiName="io2", group="EBS IOPS Tier 2", usagetype="EBS:VolumeP-IOPS.io2.tier2"), flat("IOPS-Mo", "0.0455000000"), "AmazonEC2"),
    aws_product("EBS00015", "System Operation", dict(R, volumeApiName="io2", group="EBS IOPS Tier 3", usagetype="EBS:VolumeP-IOPS.io2.tier3"), flat("IOPS-Mo", "0.0318500000"), "AmazonEC2"),
    aws_product("EBS00016", "System Operation", dict(R, volumeApiName="Magnetic", group="EBS I/O Requests", usagetype="EBS:VolumeIOUsage"), flat("IOs", "0.0000000500"), "AmazonEC2"),
    aws_product("EBS00017", "System Operation", dict(R, group="EBS Direct API Requests", usagetype="EBS:directAPI.snapshot.List"), flat("Requests", "0.0000006000"), "AmazonEC2"),
])
aws_page("aws-ebs-throughput.json", [
    aws_product("EBS00021", "Provisioned Throughput", dict(R, volumeApiName="gp3", usagetype="EBS:VolumeP-Throughput.gp3"), flat("GiBps-mo", "40.9600000000"), "AmazonEC2"),
])

# ELB -------------------------------------------------------------------------------------------------------
aws_page("aws-elb-application.json", [
    aws_product("ELB00001", "Load Balancer-Application", dict(R, usagetype="LoadBalancerUsage", operation="LoadBalancing:Application"), flat("Hrs", "0.0225000000"), "AWSELB"),
    aws_product("ELB00002", "Load Balancer-Application", dict(R, usagetype="LCUUsage", operation="LoadBalancing:Application"), flat("LCU-Hrs", "0.0080000000"), "AWSELB"),
    aws_product("ELB00003", "Load Balancer-Application", dict(R, usagetype="ReservedLCUUsage", operation="LoadBalancing:Application"), flat("LCU-Hrs", "0.0064000000"), "AWSELB"),
])
aws_page("aws-elb-network.json", [
    aws_product("ELB00011", "Load Balancer-Network", dict(R, usagetype="LoadBalancerUsage", operation="LoadBalancing:Network"), flat("Hrs", "0.0225000000"), "AWSELB"),
    aws_product("ELB00012", "Load Balancer-Network", dict(R, usagetype="LCUUsage", operation="LoadBalancing:Network"), flat("LCU-Hrs", "0.0060000000"), "AWSELB"),
])
aws_page("aws-elb-classic.json", [
    aws_product("ELB00021", "Load Balancer", dict(R, usagetype="LoadBalancerUsage", operation="LoadBalancing"), flat("Hrs", "0.0250000000"), "AWSELB"),
    aws_product("ELB00022", "Load Balancer", dict(R, usagetype="DataProcessing-Bytes", operation="LoadBalancing"), flat("GB", "0.0080000000"), "AWSELB"),
])

# CloudFront (global) ---------------------------------------------------------------------------------------
CF_BOUNDS = ["0", "10240", "51200", "153600", "512000", "1048576", "5242880", "Inf"]


def cf_tiers(prices):
    return [(CF_BOUNDS[i], CF_BOUNDS[i + 1], "GB", p) for i, p in enumerate(prices)]


aws_page("aws-cloudfront-transfer.json", [
    aws_product("CF000001", "Data Transfer", {"fromLocation": "United States", "toLocation": "External", "transferType": "CloudFront Outbound", "usagetype": "US-DataTransfer-Out-Bytes"},
                cf_tiers(["0.0850000000", "0.0800000000", "0.0600000000", "0.0400000000", "0.0300000000", "0.0250000000", "0.0200000000"]), "AmazonCloudFront"),
    aws_product("CF000002", "Data Transfer", {"fromLocation": "Europe", "toLocation": "External", "transferType": "CloudFront Outbound", "usagetype": "EU-DataTransfer-Out-Bytes"},
                cf_tiers(["0.0850000000", "0.0800000000", "0.0600000000", "0.0400000000", "0.0300000000", "0.0250000000", "0.0180000000"]), "AmazonCloudFront"),
    aws_product("CF000003", "Data Transfer", {"fromLocation": "Japan", "toLocation": "External", "transferType": "CloudFront Outbound", "usagetype": "JP-DataTransfer-Out-Bytes"},
                cf_tiers(["0.1140000000", "0.0890000000", "0.0860000000", "0.0840000000", "0.0800000000", "0.0700000000", "0.0600000000"]), "AmazonCloudFront"),
    aws_product("CF000004", "Data Transfer", {"fromLocation": "Canada", "toLocation": "External", "transferType": "CloudFront Outbound", "usagetype": "CA-DataTransfer-Out-Bytes"},
                cf_tiers(["0.0850000000", "0.0800000000", "0.0600000000", "0.0400000000", "0.0300000000", "0.0250000000", "0.0200000000"]), "AmazonCloudFront"),
])
aws_page("aws-cloudfront-requests.json", [
    aws_product("CF000011", "Request", {"location": "United States", "requestType": "CloudFront-Request-HTTP-Proxy", "usagetype": "US-Requests-Tier1"}, flat("Requests", "0.0000007500"), "AmazonCloudFront"),
    aws_product("CF000012", "Request", {"location": "United States", "requestType": "CloudFront-Request-HTTPS-Proxy", "usagetype": "US-Requests-Tier2-HTTPS"}, flat("Requests", "0.0000010000"), "AmazonCloudFront"),
    aws_product("CF000013", "Request", {"location": "Canada", "requestType": "CloudFront-Request-HTTP-Proxy", "usagetype": "CA-Requests-Tier1"}, flat("Requests", "0.0000007500"), "AmazonCloudFront"),
    aws_product("CF000014", "Request", {"location": "Europe", "requestType": "CloudFront-Request-HTTPS-Proxy", "usagetype": "EU-Requests-Tier2-HTTPS"}, flat("Requests", "0.0000012000"), "AmazonCloudFront"),
])

# S3 (one region query, two pages) --------------------------------------------------------------------------
S = {"regionCode": "us-east-1", "location": "US East (N. Virginia)"}
aws_page("aws-s3-page1.json", [
    aws_product("S3000001", "Storage", dict(S, storageClass="General Purpose", volumeType="Standard", usagetype="TimedStorage-ByteHrs"),
                [("0", "51200", "GB-Mo", "0.0230000000"), ("51200", "512000", "GB-Mo", "0.0220000000"), ("512000", "Inf", "GB-Mo", "0.0210000000")], "AmazonS3"),
    aws_product("S3000002", "Storage", dict(S, storageClass="Infrequent Access", volumeType="Standard - Infrequent Access", usagetype="TimedStorage-SIA-ByteHrs"), flat("GB-Mo", "0.0125000000"), "AmazonS3"),
    aws_product("S3000003", "Storage", dict(S, storageClass="Infrequent Access", volumeType="One Zone - Infrequent Access", usagetype="TimedStorage-ZIA-ByteHrs"), flat("GB-Mo", "0.0100000000"), "AmazonS3"),
    aws_product("S3000004", "Storage", dict(S, storageClass="Intelligent-Tiering", volumeType="Intelligent-Tiering Frequent Access", usagetype="TimedStorage-INT-FA-ByteHrs"),
                [("0", "51200", "GB-Mo", "0.0230000000"), ("51200", "512000", "GB-Mo", "0.0220000000"), ("512000", "Inf", "GB-Mo", "0.0210000000")], "AmazonS3"),
    aws_product("S3000005", "Storage", dict(S, storageClass="Intelligent-Tiering", volumeType="Intelligent-Tiering Infrequent Access", usagetype="TimedStorage-INT-IA-ByteHrs"), flat("GB-Mo", "0.0125000000"), "AmazonS3"),
    aws_product("S3000006", "Storage", dict(S, storageClass="Archive Instant Retrieval", volumeType="Glacier Instant Retrieval", usagetype="TimedStorage-GIR-ByteHrs"), flat("GB-Mo", "0.0040000000"), "AmazonS3"),
    aws_product("S3000007", "Storage", dict(S, storageClass="Archive", volumeType="Amazon Glacier", usagetype="TimedStorage-GlacierByteHrs"), flat("GB-Mo", "0.0036000000"), "AmazonS3"),
    aws_product("S3000008", "Storage", dict(S, storageClass="Intelligent-Tiering", usagetype="Monitoring-Automation-INT"), flat("Objects", "0.0000025000"), "AmazonS3"),
], next_token="s3-page-2")
aws_page("aws-s3-page2.json", [
    aws_product("S3000011", "API Request", dict(S, group="S3-API-Tier1", usagetype="Requests-Tier1", operation="PutObject"), flat("Requests", "0.0000050000"), "AmazonS3"),
    aws_product("S3000012", "API Request", dict(S, group="S3-API-Tier2", usagetype="Requests-Tier2", operation="GetObject"), flat("Requests", "0.0000004000"), "AmazonS3"),
    aws_product("S3000013", "API Request", dict(S, group="S3-API-SIA-Tier1", usagetype="Requests-SIA-Tier1", operation="PutObject"), flat("Requests", "0.0000100000"), "AmazonS3"),
    aws_product("S3000014", "API Request", dict(S, group="S3-API-SIA-Tier2", usagetype="Requests-SIA-Tier2", operation="GetObject"), flat("Requests", "0.0000010000"), "AmazonS3"),
    aws_product("S3000015", "API Request", dict(S, group="S3-API-GLACIER-Tier1", usagetype="Requests-GLACIER-Tier1", operation="PutObject"), flat("Requests", "0.0000300000"), "AmazonS3"),
    aws_product("S3000016", "API Request", dict(S, group="S3-API-GLACIER-Tier1", usagetype="Requests-GLACIER-Tier1", operation="S3-GlacierTransition"), flat("Requests", "0.0000360000"), "AmazonS3"),
    aws_product("S3000017", "API Request", dict(S, group="S3-API-Tier3", usagetype="Requests-Tier3", operation="S3-GDATransition"), flat("Requests", "0.0000500000"), "AmazonS3"),
    aws_product("S3000018", "API Request", dict(S, group="S3-API-Tier3", usagetype="Requests-Tier3", operation="RestoreObject"), flat("Requests", "0.0000500000"), "AmazonS3"),
    aws_product("S3000021", "Data Retrieval", dict(S, usagetype="Retrieval-SIA", operation=""), flat("GB", "0.0100000000"), "AmazonS3"),
    aws_product("S3000022", "Data Retrieval", dict(S, usagetype="Retrieval-ZIA", operation=""), flat("GB", "0.0100000000"), "AmazonS3"),
    aws_product("S3000023", "Data Retrieval", dict(S, usagetype="Retrieval-GIR", operation=""), flat("GB", "0.0300000000"), "AmazonS3"),
    aws_product("S3000024", "Data Retrieval", dict(S, usagetype="Standard-Retrieval-Bytes", operation="RestoreObject"), flat("GB", "0.0100000000"), "AmazonS3"),
    aws_product("S3000025", "Data Retrieval", dict(S, usagetype="Standard-Retrieval-Bytes", operation="DeepArchiveRestoreObject"), flat("GB", "0.0200000000"), "AmazonS3"),
    aws_product("S3000026", "Data Retrieval", dict(S, usagetype="Bulk-Retrieval-Bytes", operation="DeepArchiveRestoreObject"), flat("GB", "0.0025000000"), "AmazonS3"),
])
aws_page("aws-s3-deep-archive.json", [
    aws_product("GDA00001", "Storage", dict(S, storageClass="Archive", volumeType="Glacier Deep Archive", usagetype="TimedStorage-GDA-ByteHrs"), flat("GB-Mo", "0.0009900000"), "AmazonS3GlacierDeepArchive"),
])

# Data transfer out to the internet (AWSDataTransfer, matched on fromLocation) --------------------------------
DT = {"fromLocation": "US East (N. Virginia)", "fromLocationType": "AWS Region", "fromRegionCode": "us-east-1",
      "toLocation": "External", "toLocationType": "Other", "transferType": "AWS Outbound"}
aws_page("aws-datatransfer.json", [
    # a free first 100 GB band in the source: folded into the first priced tier (the book has its own free row)
    aws_product("DT000001", "Data Transfer", dict(DT, usagetype="DataTransfer-Out-Bytes", operation=""),
                [("0", "100", "GB", "0.0000000000"), ("100", "10240", "GB", "0.0900000000"), ("10240", "51200", "GB", "0.0850000000"),
                 ("51200", "153600", "GB", "0.0700000000"), ("153600", "Inf", "GB", "0.0500000000")], "AWSDataTransfer"),
    # AWS also publishes a 0 USD SKU for the same usage in some regions: the priced one wins
    aws_product("DT000002", "Data Transfer", dict(DT, usagetype="DataTransfer-Out-Bytes", operation="LocalZone"),
                flat("GB", "0.0000000000"), "AWSDataTransfer"),
])


# Cloud Billing Catalog ----------------------------------------------------------------------------------------
def money(usd):
    units, _, frac = usd.partition(".")
    nanos = int((frac + "000000000")[:9])
    return {"currencyCode": "USD", "units": units, "nanos": nanos}


def sku(service, sku_id, description, family, group, usage, regions, unit, rates, base_unit="By", factor=1):
    """rates: list of (startUsageAmount, usd)."""
    return {
        "name": f"services/{service}/skus/{sku_id}",
        "skuId": sku_id,
        "description": description,
        "category": {"serviceDisplayName": SERVICES[service], "resourceFamily": family, "resourceGroup": group, "usageType": usage},
        "serviceRegions": regions,
        "pricingInfo": [{
            "summary": "",
            "pricingExpression": {"usageUnit": unit, "displayQuantity": 1,
                                  "tieredRates": [{"startUsageAmount": s, "unitPrice": money(p)} for s, p in rates],
                                  "usageUnitDescription": unit, "baseUnit": base_unit, "baseUnitDescription": base_unit,
                                  "baseUnitConversionFactor": factor},
            "aggregationInfo": {"aggregationLevel": "ACCOUNT", "aggregationInterval": "MONTHLY", "aggregationCount": 1},
            "currencyConversionRate": 1,
            "effectiveTime": "2026-11-20T09:00:00.000Z"}],
        "serviceProviderName": "Google",
        "geoTaxonomy": {"type": "MULTI_REGIONAL" if len(regions) > 1 else "REGIONAL", "regions": regions},
    }


SERVICES = {"6F81-5844-456A": "Compute Engine", "E505-1604-58F8": "Networking", "95FF-2EF5-5EA1": "Cloud Storage",
            "CCD8-9BF1-090E": "Kubernetes Engine"}


def gcp_page(name, skus, token=""):
    with open(name, "w") as f:
        json.dump({"skus": skus, "nextPageToken": token}, f, indent=1)
        f.write("\n")


CE = "6F81-5844-456A"
with open("../gcp-skus.json") as f:
    machine_skus = json.load(f)["skus"]  # N2 core/RAM on-demand and Spot, custom, commitment (existing fixture)
gcp_page("gcp-compute-page1.json", machine_skus + [
    sku(CE, "D15K-0001", "Storage PD Capacity in Virginia", "Storage", "PDStandard", "OnDemand", ["us-east4"], "GiBy.mo", [(0, "0.044")]),
    sku(CE, "D15K-0002", "Balanced PD Capacity in Virginia", "Storage", "SSD", "OnDemand", ["us-east4"], "GiBy.mo", [(0, "0.11")]),
    sku(CE, "D15K-0003", "SSD backed PD Capacity in Virginia", "Storage", "SSD", "OnDemand", ["us-east4"], "GiBy.mo", [(0, "0.19")]),
    sku(CE, "D15K-0004", "Extreme PD IOPS in Virginia", "Storage", "SSD", "OnDemand", ["us-east4"], "mo", [(0, "0.068")]),
    sku(CE, "D15K-0005", "SSD backed Local Storage in Virginia", "Storage", "LocalSSD", "OnDemand", ["us-east4"], "GiBy.h", [(0, "0.00012")]),
    sku(CE, "D15K-0006", "SSD backed Local Storage attached to Spot Preemptible VMs in Virginia", "Storage", "LocalSSD", "OnDemand", ["us-east4"], "GiBy.h", [(0, "0.00005")]),
    sku(CE, "D15K-0007", "Storage PD Snapshot in Virginia", "Storage", "PDSnapshot", "OnDemand", ["us-east4"], "GiBy.mo", [(0, "0.05")]),
    sku(CE, "D15K-0008", "Commitment v1: Local SSD In Virginia for 1 Year", "Storage", "LocalSSD", "Commit1Yr", ["us-east4"], "GiBy.h", [(0, "0.00007")]),
], token="compute-page-2")
gcp_page("gcp-compute-page2.json", [
    sku(CE, "E6R5-0001", "Network Internet Data Transfer Out from Americas to Americas", "Network", "PremiumInternetEgress", "OnDemand",
        ["us-central1", "us-east4"], "GiBy", [(0, "0.12"), (1024, "0.11"), (10240, "0.08")]),
    sku(CE, "E6R5-0002", "Network Internet Data Transfer Out from Americas to China", "Network", "PremiumInternetEgress", "OnDemand",
        ["us-central1", "us-east4"], "GiBy", [(0, "0.23"), (1024, "0.22"), (10240, "0.21")]),
    sku(CE, "E6R5-0003", "Network Internet Ingress from Americas to Americas", "Network", "PremiumInternetEgress", "OnDemand",
        ["us-central1", "us-east4"], "GiBy", [(0, "0")]),
    sku(CE, "L0AD-0001", "Network Load Balancing: Forwarding Rule Minimum Service Charge in Americas", "Network", "LoadBalancing", "OnDemand",
        ["us-central1"], "h", [(0, "0.025")]),
    sku(CE, "L0AD-0002", "Network Load Balancing: Forwarding Rule Minimum Service Charge in Virginia", "Network", "LoadBalancing", "OnDemand",
        ["us-east4"], "h", [(0, "0.0275")]),
    sku(CE, "L0AD-0003", "Network Load Balancing: Forwarding Rule Additional Service Charge in Americas", "Network", "LoadBalancing", "OnDemand",
        ["us-central1"], "h", [(0, "0.01")]),
    sku(CE, "L0AD-0004", "Network Load Balancing: Data Processing Charge in Virginia", "Network", "LoadBalancing", "OnDemand",
        ["us-east4"], "GiBy", [(0, "0.008")]),
])
NW = "E505-1604-58F8"
gcp_page("gcp-networking.json", [
    sku(NW, "VPN0-0001", "Networking Cloud VPN Tunnel Virginia", "Network", "VPNTunnel", "OnDemand", ["us-east4"], "h", [(0, "0.06")]),
    sku(NW, "NAT0-0001", "Networking Cloud Nat Data Processing Virginia", "Network", "Nat", "OnDemand", ["us-east4"], "GiBy", [(0, "0.045")]),
    sku(NW, "CDN0-0001", "Networking Cloud CDN Traffic Cache Data Transfer to North America", "Network", "CDNCacheEgress", "OnDemand", ["global"],
        "GiBy", [(0, "0.08"), (10240, "0.055"), (153600, "0.03"), (512000, "0.02")]),
    sku(NW, "CDN0-0002", "Networking Cloud CDN Traffic Cache Data Transfer to Europe", "Network", "CDNCacheEgress", "OnDemand", ["global"],
        "GiBy", [(0, "0.08"), (10240, "0.055"), (153600, "0.03")]),
    sku(NW, "CDN0-0003", "Networking Cloud CDN Traffic Cache Data Transfer to Other", "Network", "CDNCacheEgress", "OnDemand", ["global"],
        "GiBy", [(0, "0.09"), (10240, "0.06"), (153600, "0.05")]),
    sku(NW, "CDN0-0004", "Networking Cloud CDN Traffic Cache Data Transfer to Mars", "Network", "CDNCacheEgress", "OnDemand", ["global"],
        "GiBy", [(0, "1.0")]),
    sku(NW, "CDN0-0011", "Networking Cloud CDN Traffic Cache Fill from North America to North America", "Network", "CDNCacheFill", "OnDemand", ["global"], "GiBy", [(0, "0.01")]),
    sku(NW, "CDN0-0012", "Networking Cloud CDN Traffic Cache Fill from Europe to Asia Pacific", "Network", "CDNCacheFill", "OnDemand", ["global"], "GiBy", [(0, "0.05")]),
    sku(NW, "CDN0-0013", "Networking Cloud CDN Traffic Cache Fill from North America to Europe", "Network", "CDNCacheFill", "OnDemand", ["global"], "GiBy", [(0, "0.02")]),
    sku(NW, "CDN0-0021", "Networking Cloud CDN Cache Lookup Count", "Network", "Cdn", "OnDemand", ["global"], "count", [(0, "0.00000075")], base_unit="count"),
])
GCS = "95FF-2EF5-5EA1"
gcp_page("gcp-storage.json", [
    sku(GCS, "GCS0-0001", "Standard Storage Northern Virginia", "Storage", "RegionalStorage", "OnDemand", ["us-east4"], "GiBy.mo", [(0, "0.023")]),
    sku(GCS, "GCS0-0002", "Standard Storage US Multi-region", "Storage", "MultiRegionalStorage", "OnDemand", ["us"], "GiBy.mo", [(0, "0.026")]),
    sku(GCS, "GCS0-0003", "Nearline Storage Northern Virginia", "Storage", "NearlineStorage", "OnDemand", ["us-east4"], "GiBy.mo", [(0, "0.014")]),
    sku(GCS, "GCS0-0004", "Nearline Storage Early Delete Northern Virginia", "Storage", "NearlineStorage", "OnDemand", ["us-east4"], "GiBy.mo", [(0, "0.014")]),
    sku(GCS, "GCS0-0011", "Regional Standard Class A Operations", "Storage", "RegionalOps", "OnDemand", ["us-east4", "us-central1"], "count", [(0, "0.000005")], base_unit="count"),
    sku(GCS, "GCS0-0012", "Regional Standard Class B Operations", "Storage", "RegionalOps", "OnDemand", ["us-east4", "us-central1"], "count", [(0, "0.0000004")], base_unit="count"),
])
GKE = "CCD8-9BF1-090E"
gcp_page("gcp-gke.json", [
    sku(GKE, "GKE0-0001", "Regional Kubernetes Clusters", "Compute", "Kubernetes Clusters", "OnDemand", ["us-central1", "us-east4"], "h", [(0, "0.1")], base_unit="s", factor=3600),
    sku(GKE, "GKE0-0002", "Zonal Kubernetes Clusters", "Compute", "Kubernetes Clusters", "OnDemand", ["us-central1", "us-east4"], "h", [(0, "0.1")], base_unit="s", factor=3600),
])
