#!/usr/bin/env bash
# The misuse fuzzer's long form (issue 17): COUNT seeded compilations of wrong Contrail declarations
# (default 10,000), each run through the three generators and the three analyzers. Prints the figures
# (compilations, seconds, generator exceptions, CS8785, AD0001, errors in generated files, masking
# errors) and every distinct problem with its shortest case; exits non-zero when there is a finding.
#
# Usage: benchmarks/fuzz-misuse.sh [COUNT] [SEED]
# A finding names its seed and case index i: CONTRAIL_FUZZ_SEED=SEED CONTRAIL_FUZZ_FIRST=i
# CONTRAIL_FUZZ_COUNT=1 with the same dotnet test command checks that case alone.
set -euo pipefail
cd "$(dirname "$0")/.."

count=${1:-10000}
seed=${2:-17}
report=$(mktemp)
trap 'rm -f "$report"' EXIT

dotnet build -c Release -v q --nologo tests/Contrail.Generators.Tests/Contrail.Generators.Tests.csproj >/dev/null

status=0
CONTRAIL_FUZZ_COUNT=$count CONTRAIL_FUZZ_SEED=$seed CONTRAIL_FUZZ_REPORT=$report \
  dotnet test tests/Contrail.Generators.Tests/Contrail.Generators.Tests.csproj -c Release --no-build --nologo \
  --filter "Category=MisuseFuzz" >/dev/null 2>&1 || status=$?

if [ ! -s "$report" ]; then
  echo "the fuzzer wrote no report (dotnet test exit code ${status})" >&2
  exit 1
fi
cat "$report"
exit "$status"
