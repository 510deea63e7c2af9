#!/usr/bin/env bash
# Builds the reports of sample-data with two commits and compares the published files byte for byte.
#   dev/compare-outputs.sh BASE [HEAD]     # HEAD defaults to the working tree
# Each side is built from a clean checkout into its own folder and runs on its own embedded database,
# so neither sees the other's records. Prints one line per differing or missing file and exits 1 if any.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: dev/compare-outputs.sh BASE [HEAD]}
head=${2:-}
year=${YEAR:-2024}
work=$(mktemp -d /tmp/compare-outputs.XXXXXX)
# What a reader of the published reports sees; manifest.json names paths and times, and run-summary.json times.
patterns=(-name tables.json -o -name report.html -o -name report.pdf -o -name index.html)

build() { # ref dir
  local ref=$1 dir=$2
  if [ -z "$ref" ]; then
    mkdir -p "$dir/src" && git ls-files -z --cached --others --exclude-standard | xargs -0 cp --parents -t "$dir/src"
  else
    git worktree add -q --detach "$dir/src" "$ref"
  fi
  (cd "$dir/src" && mvn -B -q package -DskipTests -DbuildDir="$dir/target" >/dev/null)
}
sample=$PWD/sample-data
build_and_run() { build "$1" "$2"; (cd "$2" && rm -rf out var && java -jar target/disclosure-reports.jar run --data "$sample" --year "$year" --out out >run.log 2>&1 || true); }
build_and_run "$base" "$work/base"
build_and_run "$head" "$work/head"
[ -z "$base" ] || git worktree remove --force "$work/base/src"
[ -z "$head" ] || git worktree remove --force "$work/head/src"

status=0
while IFS= read -r f; do
  rel=${f#"$work/base/out/"}
  if [ ! -f "$work/head/out/$rel" ]; then echo "missing in ${head:-working tree}: $rel"; status=1
  elif ! cmp -s "$f" "$work/head/out/$rel"; then echo "differs: $rel"; status=1; fi
done < <(find "$work/base/out" -type f \( "${patterns[@]}" \) | sort)
while IFS= read -r f; do
  rel=${f#"$work/head/out/"}
  [ -f "$work/base/out/$rel" ] || { echo "new in ${head:-working tree}: $rel"; }
done < <(find "$work/head/out" -type f \( "${patterns[@]}" \) | sort)
n=$(find "$work/base/out" -type f \( "${patterns[@]}" \) | wc -l)
[ $status -eq 0 ] && echo "identical: $n files (tables.json, report.html, report.pdf, index.html) of $year" || echo "outputs: $work"
exit $status
