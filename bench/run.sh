#!/usr/bin/env bash
# Benchmark harness: generates data at the given fractions of province scale, runs
# `benchmark` (the whole job plus its baselines) on H2 and on MySQL, records peak RSS, and then times
# two nights on the same database: the same files again, and the files with one unit's record changed.
#   bench/run.sh                 # 0.01 0.1 1 on H2 and MySQL
#   bench/run.sh 0.01 0.1        # chosen scales
#   DBS=h2 bench/run.sh 1        # H2 only
# MySQL: DISCLOSURE_BENCH_MYSQL_URL (default jdbc:mysql://127.0.0.1:3306/), _USER (root), _PASSWORD ().
# Everything it writes goes outside the repository, under DISCLOSURE_BENCH_DIR (default /tmp/disclosure-bench):
# the generated data, the databases, the outputs and results/<date>/<db>-<scale>.json and summary.md (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."

scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(0.01 0.1 1)
dbs=${DBS:-"h2 mysql"}
work=${DISCLOSURE_BENCH_DIR:-/tmp/disclosure-bench}
results=$work/results/$(date +%Y-%m-%d)
mysql_url=${DISCLOSURE_BENCH_MYSQL_URL:-jdbc:mysql://127.0.0.1:3306/}
mysql_user=${DISCLOSURE_BENCH_MYSQL_USER:-root}
mysql_password=${DISCLOSURE_BENCH_MYSQL_PASSWORD:-}

command -v /usr/bin/time >/dev/null && command -v bc >/dev/null || { apt-get update -qq && apt-get install -y -qq time bc >/dev/null; }
mvn -B -q package -DskipTests
jar=target/disclosure-reports.jar
mkdir -p "$results" "$work"

for scale in "${scales[@]}"; do
  data=$work/data-$scale
  [ -f "$data/agencies.csv" ] || java -jar "$jar" generate --out "$data" --scale "$scale" --seed 1
  for db in $dbs; do
    out=$work/out-$db-$scale
    rm -rf "$out"
    case $db in
      h2)
        rm -rf "$work/h2-$scale"
        datasource=(--spring.datasource.url="jdbc:h2:file:$work/h2-$scale/db" --spring.datasource.username=sa --spring.datasource.password=)
        ;;
      mysql)
        name="disclosure_bench_$(echo "$scale" | tr -c '0-9\n' '_')"
        mariadb -u root -e "DROP DATABASE IF EXISTS $name; CREATE DATABASE $name CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
        datasource=(--spring.datasource.url="${mysql_url}${name}?rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true"
                    --spring.datasource.username="$mysql_user" --spring.datasource.password="$mysql_password")
        ;;
    esac
    echo "== $db, scale $scale"
    /usr/bin/time -v -o "$results/time-$db-$scale.txt" \
      java -Xmx1g -jar "$jar" benchmark --data "$data" --year 2024 --out "$out" "${datasource[@]}" | tee "$results/$db-$scale.txt"
    cp "$out/benchmark.json" "$results/$db-$scale.json"

    # Nights, as cron runs them (a JVM each): first the same files, then one application more for one unit.
    night() {
      local start end
      start=$(date +%s.%N)
      java -Xmx1g -jar "$jar" run --data "$data" --year 2024 --out "$out" "${datasource[@]}" > "$results/night-$1-$db-$scale.txt" 2>&1
      end=$(date +%s.%N)
      echo "$end - $start" | bc
    }
    unchanged=$(night unchanged)
    cp "$data/applications.csv" "$work/applications.csv.orig"
    trap 'mv "$work/applications.csv.orig" "$data/applications.csv"' EXIT
    unit=$(sed -n 2p "$data/agencies.csv" | cut -d, -f1)
    echo "NIGHT-0001,$unit,2024-12-30,natural_person,,,," >> "$data/applications.csv"
    changed=$(night one-unit)
    mv "$work/applications.csv.orig" "$data/applications.csv"
    trap - EXIT
    printf '{"unchanged_night_seconds": %.2f, "one_unit_changed_night_seconds": %.2f, "changed_unit": "%s"}\n' \
      "$unchanged" "$changed" "$unit" > "$results/nights-$db-$scale.json"
    echo "nights: unchanged ${unchanged} s, one unit ($unit) changed ${changed} s"
  done
done
python3 bench/summary.py "$results" > "$results/summary.md"
cat "$results/summary.md"
