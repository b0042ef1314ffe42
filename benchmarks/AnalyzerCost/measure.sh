#!/usr/bin/env bash
# Measures what Contrail.Analyzers costs in a large gRPC service project (default: 100 services x 5
# handlers = 500 handlers): the compiler's own -p:ReportAnalyzer=true figures against the Csc task's time.
# Usage: benchmarks/AnalyzerCost/measure.sh [services] [runs]
set -euo pipefail
services="${1:-100}"
runs="${2:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/contrail-analyzer-cost.XXXXXX")"
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/Contrail.Analyzers/Contrail.Analyzers.csproj" -c Release -nologo -v:q >/dev/null
analyzers="$root/src/Contrail.Analyzers/bin/Release/netstandard2.0"
# The load project references the real Grpc.Core.Api (and Grpc.Net.Common), at the repository's central version.
grpc_version="$(sed -nE 's/.*PackageVersion Include="Grpc.Core.Api" Version="([^"]+)".*/\1/p' "$root/Directory.Packages.props")"
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
protobuf="$(ls "$packages"/google.protobuf/*/lib/netstandard2.0/Google.Protobuf.dll | sort -V | tail -n 1)"

python3 "$here/generate.py" --out "$work/load" --services "$services" --grpc-version "$grpc_version" --analyzers "$analyzers" --protobuf "$protobuf"
cd "$work/load"
if ! dotnet build -c Release -nologo -v:q > "$work/warmup.log" 2>&1; then   # restore and warm up
  echo "the load project does not build:"; grep -E "error|warning" "$work/warmup.log" | sort -u | head -n 20; exit 1
fi

echo "handlers: $((services * 5)) in $services services, $runs runs"
for run in $(seq 1 "$runs"); do
  dotnet build -c Release -nologo --no-restore -t:Rebuild -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary > "$work/build$run.log"
  if ! grep -q "Build succeeded" "$work/build$run.log"; then
    echo "build failed, see the log below"; tail -n 50 "$work/build$run.log"; exit 1
  fi
  if grep -q "warning CTR1" "$work/build$run.log"; then
    echo "the load project must not report CTR1xxx:"; grep "warning CTR1" "$work/build$run.log" | head; exit 1
  fi
  # ReportAnalyzer prints, per analyzer assembly, "<seconds>   <percent>   Contrail.Analyzers, Version=...".
  contrail="$(grep -E '^\s+[0-9.<]+\s+[0-9<]+\s+Contrail\.Analyzers, Version' "$work/build$run.log" | head -n 1 | awk '{print $1}')"
  total_analyzers="$(grep -E 'Total analyzer execution time: ' "$work/build$run.log" | head -n 1 | sed -E 's/.*: ([0-9.]+) seconds.*/\1/')"
  csc="$(grep -E '^\s+[0-9]+ ms\s+Csc\s' "$work/build$run.log" | head -n 1 | awk '{print $1}')"
  awk -v c="$contrail" -v a="$total_analyzers" -v t="$csc" -v r="$run" \
    'BEGIN { printf "run %d: Contrail.Analyzers %.0f ms, all analyzers %.0f ms, Csc %d ms, Contrail share %.2f%%\n", r, c*1000, a*1000, t, 100*c*1000/t }'
done | tee "$work/runs.txt"
# Medians of each column, one run's figures not mixed with another's share.
python3 - "$work/runs.txt" <<'PY'
import re, statistics, sys
rows = [tuple(float(x) for x in re.findall(r"([0-9.]+) ms", line)) for line in open(sys.argv[1]) if line.startswith("run")]
contrail, analyzers, csc = (statistics.median(column) for column in zip(*rows))
shares = sorted(r[0] / r[2] * 100 for r in rows)
print(f"median: Contrail.Analyzers {contrail:.0f} ms, all analyzers {analyzers:.0f} ms, Csc {csc:.0f} ms; Contrail share median {statistics.median(shares):.2f}% (min {shares[0]:.2f}%, max {shares[-1]:.2f}%)")
PY
