#!/usr/bin/env bash
# Remote partitioning measured: the same generated data built with 0 workers (one process) and with
# 1, 2, 3 worker processes (run --workers N), each on a fresh MySQL database, through RabbitMQ on
# 127.0.0.1:5672; records the run's wall time and its buildReports time, and checks that every
# report is byte-identical to the one-process run's.
#   bench/workers.sh              # scale 0.2 (1,000 units), 0 1 2 3 workers
#   COUNTS="0 2" bench/workers.sh 1
# MySQL as in bench/run.sh (DISCLOSURE_BENCH_MYSQL_URL, _USER, _PASSWORD); output under DISCLOSURE_BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

scale=${1:-0.2}
counts=${COUNTS:-"0 1 2 3"}
work=${DISCLOSURE_BENCH_DIR:-/tmp/disclosure-bench}
results=$work/results/$(date +%Y-%m-%d)
mysql_url=${DISCLOSURE_BENCH_MYSQL_URL:-jdbc:mysql://127.0.0.1:3306/}
mysql_user=${DISCLOSURE_BENCH_MYSQL_USER:-root}
mysql_password=${DISCLOSURE_BENCH_MYSQL_PASSWORD:-}

mvn -B -q package -DskipTests
jar=target/disclosure-reports.jar
mkdir -p "$results" "$work"
data=$work/data-$scale
[ -f "$data/agencies.csv" ] || java -jar "$jar" generate --out "$data" --scale "$scale" --seed 1

summary=$results/workers-$scale.md
{
  echo "| workers | units | wall s | buildReports s | reports identical to 0 workers |"
  echo "|---|---|---|---|---|"
} > "$summary"
worker_pids=()
stop_workers() { for p in "${worker_pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; worker_pids=(); }
trap stop_workers EXIT

for n in $counts; do
  name="disclosure_bench_workers_$n"
  mariadb -u root -e "DROP DATABASE IF EXISTS $name; CREATE DATABASE $name CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
  settings=(--spring.datasource.url="${mysql_url}${name}?rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true"
            --spring.datasource.username="$mysql_user" --spring.datasource.password="$mysql_password"
            --disclosure.workers.queue="disclosure-bench-$n")
  out=$work/out-workers-$n
  rm -rf "$out" && mkdir -p "$out"
  for i in $(seq 1 "$n"); do
    java -Xmx1g -jar "$jar" worker "${settings[@]}" > "$results/worker-$n-$i.log" 2>&1 &
    worker_pids+=($!)
  done
  for i in $(seq 1 "$n"); do
    until grep -q "Worker ready" "$results/worker-$n-$i.log"; do sleep 1; done
  done
  echo "== $n workers, scale $scale"
  options=()
  [ "$n" -gt 0 ] && options=(--workers "$n")
  start=$(date +%s.%N)
  java -Xmx2g -jar "$jar" run --data "$data" --year 2024 --out "$out" "${options[@]}" "${settings[@]}" > "$results/run-workers-$n.log" 2>&1
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  stop_workers
  python3 - "$out" "$work/out-workers-0" "$n" "$wall" >> "$summary" <<'PY'
import filecmp, json, os, sys
out, base, n, wall = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
year = os.path.join(out, "2024")
summary = json.load(open(os.path.join(year, "run-summary.json")))
build = next(s["seconds"] for s in summary["steps"] if s["step"] == "buildReports")
records = {"run-summary.json", "manifest.json", "metrics.prom"}
def reports(root):
    found = set()
    for d, _, files in os.walk(root):
        for f in files:
            rel = os.path.relpath(os.path.join(d, f), root)
            if rel in records or rel.startswith("runs" + os.sep) or f == ".fingerprint":
                continue
            found.add(rel)
    return found
mine, theirs = reports(year), reports(os.path.join(base, "2024"))
units = sum(1 for r in mine if r.endswith("tables.json") and os.sep + "summary" + os.sep not in os.sep + r)
if n == 0:
    same = "(the reference)"
else:
    differing = [r for r in sorted(mine | theirs) if r not in mine or r not in theirs
                 or not filecmp.cmp(os.path.join(year, r), os.path.join(base, "2024", r), shallow=False)]
    same = "yes" if not differing else "NO: " + ", ".join(differing[:5])
print(f"| {n} | {units} | {wall:.1f} | {build:.1f} | {same} |")
PY
  tail -1 "$summary"
done
cat "$summary"
