#!/usr/bin/env python3
"""Streams the shared workload's data/<N>/agencies.json into parscore's CSV import files.

Writes the same bytes as the shared to_parscore.mjs (units.csv, procedure.csv, desk_staff.csv,
violation.csv in data/<N>/parscore/, all evidence dated 2025-06-15), but reads the file one
agency line at a time: from N = 100,000 the JSON is larger than the longest string Node can hold.

Usage: to_parscore_stream.py WORKDIR N   (WORKDIR is the copy compare.sh works in)
"""
import json
import os
import sys

DATE = "2025-06-15"


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    work, n = sys.argv[1], sys.argv[2]
    src = os.path.join(work, "data", n, "agencies.json")
    out = os.path.join(work, "data", n, "parscore")
    os.makedirs(out, exist_ok=True)
    files = {
        "units": "id,name,category",
        "procedure": "unit,date,posted,online_level",
        "desk_staff": "unit,date,role,qualified",
        "violation": "unit,date,kind",
    }
    handles = {k: open(os.path.join(out, k + ".csv"), "w", encoding="utf-8", newline="") for k in files}
    counts = {k: 0 for k in files}
    for k, header in files.items():
        handles[k].write(header)

    def row(kind: str, text: str) -> None:
        handles[kind].write("\n" + text)
        counts[kind] += 1

    b = lambda v: "true" if v else "false"
    with open(src, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{\"id\""):
                continue  # the header line and the closing bracket
            a = json.loads(line.rstrip(","))
            u = f"a{a['id']}"
            row("units", f"{u},{a['name']},agency")
            for p in a["procedures"]:
                row("procedure", f"{u},{DATE},{b(p['posted'])},{p['online_level']}")
            for s in a["desk_staff"]:
                row("desk_staff", f"{u},{DATE},{s['role']},{b(s['qualified'])}")
            for v in a["violations"]:
                row("violation", f"{u},{DATE},{v['kind']}")
    for h in handles.values():
        h.write("\n")
        h.close()
    print(f"N={n} parscore CSV rows: " + " ".join(f"{k}={counts[k]}" for k in files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
