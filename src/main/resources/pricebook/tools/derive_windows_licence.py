#!/usr/bin/env python3
"""Writes gcp/licence.csv: the Windows Server premium-image licence per machine type (build-time helper).

Usage: python3 derive_windows_licence.py REFERENCE_DIR BOOK_DIR

Source: Cyclenerd/google-cloud-pricing-cost-calculator pricing.yml@fd66b26 (built 2026-07-30 from the
Cloud Billing Catalog API), section compute.license.<machine type>.cost.windows.hour. In that build every
machine type that is not shared-core costs 0.046 USD per vCPU-hour (checked type by type for the a2, a3,
c2, c2d, c3, c3d, c4a, c4d, c4n, custom, e2, g2, g4, m1, m2, m3, m4, m4n and n1 entries read); shared-core
types have their own rates there (e2-micro 0.0115, e2-small 0.023, e2-medium 0.046, f1-micro 0.023,
g1-small 0.023 USD per VM-hour). A row is written for every machine type of the book's gcp/compute.csv
whose vCPU count is in the reference machine-type list; premium-image prices do not vary by region
(https://cloud.google.com/compute/disks-image-pricing#premiumimages), so the region is 'all'.
"""
import csv, os, sys
from decimal import Decimal

REF, BOOK = sys.argv[1], sys.argv[2]
SOURCE = "cyclenerd-pricing.yml@fd66b26 (compute.license)"
AS_OF = "2026-07-30"
PER_VCPU = Decimal("0.046")
SHARED = {"e2-micro": "0.0115", "e2-small": "0.023", "e2-medium": "0.046", "f1-micro": "0.023", "g1-small": "0.023"}
HEADER = ["provider", "service", "sku", "region", "tier_from", "tier_to", "usd", "unit", "source", "as_of", "note"]

with open(os.path.join(REF, "gcp_compute_machine_types.csv"), newline="") as f:
    types = {r["machine_type"]: r for r in csv.DictReader(l for l in f if not l.startswith("#"))}
with open(os.path.join(BOOK, "gcp/compute.csv"), newline="") as f:
    book = sorted({r["sku"].split(":")[0] for r in csv.DictReader(l for l in f if not l.startswith("#"))
                   if r["sku"].endswith(":ondemand")})
rows = []
for t in book:
    if t in SHARED:
        rows.append(["gcp", "compute", t + ":windows-licence", "all", "", "", SHARED[t], "hour", SOURCE, AS_OF,
                     "shared-core machine type: its own Windows Server rate per VM-hour"])
    elif t in types and types[t]["vcpu"]:
        vcpu = Decimal(types[t]["vcpu"])
        usd = (vcpu * PER_VCPU).normalize()
        rows.append(["gcp", "compute", t + ":windows-licence", "all", "", "", format(usd, "f"), "hour", SOURCE, AS_OF,
                     f"{vcpu.normalize()} vCPU x {PER_VCPU} USD per vCPU-hour (Windows Server premium image)"])
out = os.path.join(BOOK, "gcp/licence.csv")
with open(out, "w", newline="") as f:
    f.write("# Compute Engine premium-image licence: Windows Server, USD per VM-hour on top of the machine type (any region).\n")
    f.write("# Derived by tools/derive_windows_licence.py: vCPUs x 0.046 USD per vCPU-hour, shared-core types at their own rate.\n")
    w = csv.writer(f, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(rows)
print(out, len(rows))
