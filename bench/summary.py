"""Turns a results directory of bench/run.sh (<date>/*.json and time-*.txt) into one markdown table (BENCHMARKS.md quotes it)."""
import glob, json, os, re, sys

results = sys.argv[1]
rows = []
for path in sorted(glob.glob(os.path.join(results, "*.json"))):
    name = os.path.basename(path)[:-5]
    if name.startswith("nights-"):
        continue
    b = json.load(open(path))
    nights = os.path.join(results, f"nights-{name}.json")
    b["nights"] = json.load(open(nights)) if os.path.exists(nights) else None
    rss = ""
    t = os.path.join(results, f"time-{name}.txt")
    if os.path.exists(t):
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(t).read())
        rss = f"{int(m.group(1)) // 1024}" if m else ""
    rows.append((name, b, rss))

print(f"Machine: {rows[0][1]['machine'] if rows else '?'}; date: {rows[0][1]['date'] if rows else '?'}\n")
print("| run | rows read | reports | wall s | ingest s | rows/s | parse floor s | bare JDBC s | ingest ÷ floor | ingest ÷ JDBC "
      "| aggregate s | hand SQL s | aggregate ÷ SQL | build s | reports/s | peak heap MB | heap after GC MB | peak RSS MB |")
print("|" + "---|" * 18)
for name, b, rss in rows:
    print(f"| {name} | {b['rows_read']} | {b['reports_built']} | {b['wall_seconds']} | {b['ingest_seconds']} "
          f"| {b['ingest_rows_per_second']} | {b['parse_floor_seconds']} | {b['bare_jdbc_insert_seconds']} "
          f"| {b['ingest_vs_parse_floor']} | {b['ingest_vs_bare_jdbc']} | {b['aggregate_seconds']} | {b['hand_sql_seconds']} "
          f"| {b['aggregate_vs_hand_sql']} | {b['build_reports_seconds']} | {b['reports_per_second']} | {b['peak_heap_mb']} | {b.get('peak_heap_after_gc_mb', '')} | {rss} |")
print("\nSteps (seconds):\n")
for name, b, rss in rows:
    print(f"- {name}: " + ", ".join(f"{k} {v}" for k, v in b["steps_seconds"].items()))

print("\nNights (a JVM each, as cron starts them; seconds):\n")
print("| run | the same files | one unit's record changed |")
print("|---|---|---|")
for name, b, rss in rows:
    n = b["nights"]
    if n:
        print(f"| {name} | {n['unchanged_night_seconds']} | {n['one_unit_changed_night_seconds']} ({n['changed_unit']}) |")

# The targets, checked against the largest run of each database: met, or missed by how much.
TARGETS = {"h2": {"wall": 90}, "mysql": {"wall": 150}}
print("\nTargets (2 cores, -Xmx1g):\n")
by_db = {}
for name, b, rss in rows:
    db, scale = name.split("-", 1)
    by_db.setdefault(db, []).append((float(scale), b, rss))
for db, runs in sorted(by_db.items()):
    runs.sort()
    scale, b, rss = runs[-1]
    wall = TARGETS.get(db, {"wall": 150})["wall"]
    def verdict(ok, text):
        return ("met" if ok else "MISSED") + ": " + text
    def over(value, target):
        return "" if value <= target else f" ({value / target:.1f}x over)"
    lines = []
    if scale >= 1:
        lines.append(verdict(b["wall_seconds"] <= wall, f"province end to end {b['wall_seconds']} s, target <= {wall} s"
                             + over(b["wall_seconds"], wall)))
    floor_target = 5 if db == "h2" else 8
    lines.append(verdict(b["ingest_vs_bare_jdbc"] <= 1.5, f"ingest {b['ingest_vs_bare_jdbc']}x the bare JDBC insert, target <= 1.5x"))
    lines.append(verdict(b["ingest_vs_parse_floor"] <= floor_target,
                         f"ingest {b['ingest_vs_parse_floor']}x the parse floor, target <= {floor_target}x"))
    lines.append(verdict(b["aggregate_vs_hand_sql"] <= 1.0, f"aggregation {b['aggregate_vs_hand_sql']}x the hand-written SQL, target <= 1x"))
    lines.append(verdict(b["reports_per_second"] >= 100, f"{b['reports_per_second']} reports/s (HTML, PDF, Word, Excel, JSON, validation, evidence), target >= 100"
                         + ("" if b["reports_per_second"] >= 100 else f" ({100 / max(b['reports_per_second'], 0.001):.1f}x short)")))
    n = b["nights"]
    if n:
        lines.append(verdict(n["unchanged_night_seconds"] <= 10, f"an unchanged night {n['unchanged_night_seconds']} s, target <= 10 s"
                             + over(n["unchanged_night_seconds"], 10)))
        lines.append(verdict(n["one_unit_changed_night_seconds"] <= 20,
                             f"a night with one unit's records changed {n['one_unit_changed_night_seconds']} s, target <= 20 s"
                             + over(n["one_unit_changed_night_seconds"], 20)))
    # -Xmx1g caps the heap, so the peak says only that the run fitted; what it keeps after a collection
    # says whether memory grows with the data.
    heaps = [(s, b2["peak_heap_mb"], b2.get("peak_heap_after_gc_mb", b2["peak_heap_mb"])) for s, b2, _ in runs]
    growth = ", ".join(f"{s:g}: {p} MB ({k} MB after GC)" for s, p, k in heaps)
    ten = [k for s, p, k in heaps if 0.1 * scale <= s < scale]
    flat = heaps[-1][1] <= 1024 and (not ten or heaps[-1][2] <= 1.5 * max(ten))
    lines.append(verdict(flat, f"peak heap by scale {growth} (target <= 1 GB, flat from 10 % to 100 %: after GC at most 1.5x)"))
    print(f"- {db} at scale {scale:g}:")
    for l in lines:
        print(f"  - {l}")
