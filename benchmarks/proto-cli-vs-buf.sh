#!/usr/bin/env bash
# Wall time of `contrail proto breaking` against `buf breaking` on the same image inputs, in one run.
#
# Generates the benchmark schema (2,000 messages x 20 fields, 100 services; see
# benchmarks/Contrail.Benchmarks/GeneratedProtoSchema.cs) and its changed version, snapshots both
# with `contrail proto snapshot`, checks that both tools report the same findings, then runs each tool
# N times (default 15, alternating) and prints the medians and the ratio contrail / buf.
#
# Usage: benchmarks/proto-cli-vs-buf.sh [N]
# buf: CONTRAIL_BUF, else .tools/node_modules/.bin/buf (npm install --prefix .tools @bufbuild/buf@1.75.0).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-15}
buf=${CONTRAIL_BUF:-.tools/node_modules/.bin/buf}
if [ ! -x "$buf" ]; then
  echo "buf not found at $buf: run 'npm install --prefix .tools @bufbuild/buf@1.75.0' or set CONTRAIL_BUF" >&2
  exit 1
fi

dotnet build -c Release -v q --nologo src/Contrail.Cli/Contrail.Cli.csproj >/dev/null
dotnet build -c Release -v q --nologo benchmarks/Contrail.Benchmarks/Contrail.Benchmarks.csproj >/dev/null
buf=$(cd "$(dirname "$buf")" && pwd)/$(basename "$buf")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The tool runs from a private copy, so that a build elsewhere in the tree cannot change it mid-run.
cp -R src/Contrail.Cli/bin/Release/net10.0 "$work/contrail"
contrail=(dotnet "$work/contrail/Contrail.Cli.dll")
dotnet benchmarks/Contrail.Benchmarks/bin/Release/net10.0/Contrail.Benchmarks.dll generate-proto-schema "$work/before" "$work/after"
"${contrail[@]}" proto snapshot "$work/before" -o "$work/before.binpb"
"${contrail[@]}" proto snapshot "$work/after" -o "$work/after.binpb"

# Run from the work folder so both tools print the same relative paths.
cd "$work"
set +e
"${contrail[@]}" proto breaking after.binpb --against before.binpb --format json >contrail.json
contrail_status=$?
"$buf" breaking after.binpb --against before.binpb --error-format json >buf.json
buf_status=$?
set -e
if [ "$contrail_status" -ne 100 ] || [ "$buf_status" -ne 100 ]; then
  echo "expected exit code 100 from both tools, got contrail=$contrail_status buf=$buf_status" >&2
  exit 1
fi
if ! cmp -s contrail.json buf.json; then
  echo "the tools disagree:" >&2
  diff contrail.json buf.json >&2 || true
  exit 1
fi
echo "both tools report the same $(wc -l <buf.json) findings"

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

: >contrail.ms
: >buf.ms
for _ in $(seq "$runs"); do
  start=$(now_ms)
  "${contrail[@]}" proto breaking after.binpb --against before.binpb --format json >/dev/null || true
  echo $(($(now_ms) - start)) >>contrail.ms
  start=$(now_ms)
  "$buf" breaking after.binpb --against before.binpb --error-format json >/dev/null || true
  echo $(($(now_ms) - start)) >>buf.ms
done

contrail_median=$(median <contrail.ms)
buf_median=$(median <buf.ms)
echo "runs: $runs each, alternating"
echo "contrail proto breaking: median ${contrail_median} ms"
echo "buf breaking:            median ${buf_median} ms"
awk -v c="$contrail_median" -v b="$buf_median" 'BEGIN {printf "ratio contrail / buf:    %.2f\n", c / b}'
