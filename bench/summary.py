"""Turns a results directory of bench/run.sh (<date>/*.json and time-*.txt) into one markdown table (BENCHMARKS.md quotes it)."""
import glob, json, os, re, sys

results = sys.argv[1]
rows = []
for path in sorted(glob.glob(os.path.join(results, "*.json"))):
    name = os.path.basename(path)[:-5]
    b = json.load(open(path))
    rss = ""
    t = os.path.join(results, f"time-{name}.txt")
    if os.path.exists(t):
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(t).read())
        rss = f"{int(m.group(1)) // 1024}" if m else ""
    rows.append((name, b, rss))

print(f"Machine: {rows[0][1]['machine'] if rows else '?'}; date: {rows[0][1]['date'] if rows else '?'}\n")
print("| run | rows read | reports | wall s | ingest s | rows/s | parse floor s | bare JDBC s | ingest ÷ floor | ingest ÷ JDBC "
      "| aggregate s | hand SQL s | aggregate ÷ SQL | build s | reports/s | peak heap MB | peak RSS MB |")
print("|" + "---|" * 17)
for name, b, rss in rows:
    print(f"| {name} | {b['rows_read']} | {b['reports_built']} | {b['wall_seconds']} | {b['ingest_seconds']} "
          f"| {b['ingest_rows_per_second']} | {b['parse_floor_seconds']} | {b['bare_jdbc_insert_seconds']} "
          f"| {b['ingest_vs_parse_floor']} | {b['ingest_vs_bare_jdbc']} | {b['aggregate_seconds']} | {b['hand_sql_seconds']} "
          f"| {b['aggregate_vs_hand_sql']} | {b['build_reports_seconds']} | {b['reports_per_second']} | {b['peak_heap_mb']} | {rss} |")
print("\nSteps (seconds):\n")
for name, b, rss in rows:
    print(f"- {name}: " + ", ".join(f"{k} {v}" for k, v in b["steps_seconds"].items()))

# The scale targets, checked against the largest run of each database: met, or missed by how much.
print("\nTargets (on this machine, -Xmx2g):\n")
by_db = {}
for name, b, rss in rows:
    db, scale = name.split("-", 1)
    by_db.setdefault(db, []).append((float(scale), b, rss))
for db, runs in sorted(by_db.items()):
    runs.sort()
    scale, b, rss = runs[-1]
    def verdict(ok, text):
        return ("met" if ok else "MISSED") + ": " + text
    lines = []
    if scale >= 1:
        lines.append(verdict(b["wall_seconds"] < 300, f"province end to end {b['wall_seconds']} s, target < 300 s"
                             + ("" if b["wall_seconds"] < 300 else f" ({b['wall_seconds'] / 300:.1f}x over)")))
    lines.append(verdict(b["ingest_vs_bare_jdbc"] <= 1.5, f"ingest {b['ingest_vs_bare_jdbc']}x the bare JDBC insert, target <= 1.5x"))
    lines.append(verdict(b["aggregate_vs_hand_sql"] <= 1.0, f"aggregation {b['aggregate_vs_hand_sql']}x the hand-written SQL, target <= 1x"))
    lines.append(verdict(b["reports_per_second"] >= 50, f"{b['reports_per_second']} reports/s (HTML and PDF), target >= 50"
                         + ("" if b["reports_per_second"] >= 50 else f" ({50 / max(b['reports_per_second'], 0.001):.1f}x short)")))
    heaps = [(s, b2["peak_heap_mb"]) for s, b2, _ in runs]
    growth = ", ".join(f"{s:g}: {h} MB" for s, h in heaps)
    flat = len(heaps) < 2 or heaps[-1][1] <= 4 * max(heaps[0][1], 1)
    lines.append(verdict(flat, f"peak heap by scale {growth} (flat in the number of units: at most 4x from 1 % to 100 %)"))
    print(f"- {db} at scale {scale:g}:")
    for l in lines:
        print(f"  - {l}")
