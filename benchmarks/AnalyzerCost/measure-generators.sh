#!/usr/bin/env bash
# Measures what Contrail.Generators costs in a large gRPC service project (default: 100 traced services
# x 5 handlers, one [GrpcError] exception and one [Meter] class each), from the compiler's own
# -p:ReportAnalyzer=true figures. Given two builds of the generators (folders holding
# Contrail.Generators.dll and Contrail.Abstractions.dll), it alternates them run by run, for a
# before/after comparison on a noisy machine.
# Usage: benchmarks/AnalyzerCost/measure-generators.sh [services] [runs] [folder...]
#        (no folder: the repository's Release build)
set -euo pipefail
services="${1:-100}"
runs="${2:-5}"
shift $(( $# > 2 ? 2 : $# ))
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/contrail-generator-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT

folders=("$@")
if [ "${#folders[@]}" -eq 0 ]; then
  dotnet build "$root/src/Contrail.Generators/Contrail.Generators.csproj" -c Release -nologo -v:q >/dev/null
  dotnet build "$root/src/Contrail.Abstractions/Contrail.Abstractions.csproj" -c Release -nologo -v:q >/dev/null
  mkdir -p "$work/repo"
  cp "$root/src/Contrail.Generators/bin/Release/netstandard2.0/Contrail.Generators.dll" \
     "$root/src/Contrail.Abstractions/bin/Release/netstandard2.0/Contrail.Abstractions.dll" "$work/repo/"
  folders=("$work/repo")
fi
grpc_version="$(sed -nE 's/.*PackageVersion Include="Grpc.Core.Api" Version="([^"]+)".*/\1/p' "$root/Directory.Packages.props")"

for i in "${!folders[@]}"; do
  python3 "$here/generate.py" --out "$work/load$i" --services "$services" --grpc-version "$grpc_version" --generators "$(cd "${folders[$i]}" && pwd)"
  if ! (cd "$work/load$i" && dotnet build -c Release -nologo -v:q > "$work/warmup$i.log" 2>&1); then   # restore and warm up
    echo "the load project does not build with ${folders[$i]}:"; grep -E "error|warning" "$work/warmup$i.log" | sort -u | head -n 20; exit 1
  fi
done

echo "traced handlers: $((services * 5)) in $services services, $services errors, $services meters; $runs runs per build"
for run in $(seq 1 "$runs"); do
  for i in "${!folders[@]}"; do
    log="$work/build$i-$run.log"
    (cd "$work/load$i" && dotnet build -c Release -nologo --no-restore -t:Rebuild -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$log")
    grep -q "Build succeeded" "$log" || { echo "build failed:"; tail -n 50 "$log"; exit 1; }
    # After "Total generator execution time", ReportAnalyzer prints "<seconds> <percent> Contrail.Generators, Version=..."
    # and then one line per generator type.
    sed -n '/Total generator execution time/,$p' "$log" | awk -v b="$i" -v r="$run" '
      /Contrail\.Generators, Version/ { total = $1; inside = 1; next }
      inside && /Contrail\.Generators\./ { split($3, parts, "."); per[parts[length(parts)]] = $1; next }
      inside { inside = 0 }
      END { printf "build %d run %d: generators %.0f ms (errors %.0f, metrics %.0f, traced services %.0f)\n", b, r, total * 1000, per["ErrorCatalogGenerator"] * 1000, per["MetricsGenerator"] * 1000, per["TracedServiceGenerator"] * 1000 }'
  done
done | tee "$work/runs.txt"
python3 - "$work/runs.txt" "${folders[@]}" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r"build (\d+) run \d+: generators (\d+) ms \(errors (\d+), metrics (\d+), traced services (\d+)\)", line)
    if m:
        rows.setdefault(int(m.group(1)), []).append([int(x) for x in m.groups()[1:]])
medians = {b: [statistics.median(c) for c in zip(*r)] for b, r in rows.items()}
for b, (total, errors, metrics, traced) in sorted(medians.items()):
    print(f"median, {sys.argv[2 + b]}: generators {total:.0f} ms (errors {errors:.0f}, metrics {metrics:.0f}, traced services {traced:.0f})")
if len(medians) == 2:
    print(f"ratio build 1 / build 0: {medians[1][0] / medians[0][0]:.2f}")
PY
