"""Turns bench/results/<date>/*.json and time-*.txt into one markdown table (BENCHMARKS.md quotes it)."""
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
