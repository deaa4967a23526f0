#!/usr/bin/env bash
# Builds (Release) and runs the LambdaBestPractices.Analyzers benchmark. See docs/performance.md.
#
#   bash bench/run.sh            full run: N = 250, 1,000, 4,000 (about 25 minutes on 2 cores); targets judged PASS/MISS
#   bash bench/run.sh --quick    CI smoke run: N = 50, one run; prints the same tables, judges nothing (about a minute)
#
# Any other arguments go to the benchmark (--sizes 250,1000 --seed 8 --documents 100 --out DIR; `generate` writes the
# corpora only). Output: the console, and bench/out/results.md (results-quick.md in quick mode); corpora in bench/out/corpus/.
# Exit code: 0 when the benchmark ran (whatever the targets say), non-zero when it could not run (build failure, a corpus
# that does not compile, an analyzer exception).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDTERMINALLOGGER=off

project=bench/LambdaBestPractices.Analyzers.Benchmarks/LambdaBestPractices.Analyzers.Benchmarks.csproj
mkdir -p bench/out
if ! dotnet build "$project" -c Release -nologo -v quiet >bench/out/build.log 2>&1; then
  grep -E ': (error|warning) ' bench/out/build.log | sed -E 's/ \[[^]]*\]$//' | sort -u | head -n 30 || tail -n 30 bench/out/build.log
  echo "bench: build failed (bench/out/build.log)" >&2
  exit 1
fi

exec dotnet bench/LambdaBestPractices.Analyzers.Benchmarks/bin/Release/net10.0/LambdaBestPractices.Analyzers.Benchmarks.dll "$@"
