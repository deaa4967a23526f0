#!/usr/bin/env bash
# Sampled-stack profile of our analyzers on the generated Lambda corpus (what docs/performance.md's "Profiling" used).
#
#   bash bench/profile.sh [N]      default N = 1000
#
# Installs dotnet-trace (a NuGet tool package) into bench/out/tools, traces the benchmark's `profile-workload` mode (a warm-up
# and 3 runs of our analyzers, then the Model/* decomposition and 2 instrumented runs, all printed), and reports the samples
# under LambdaBestPractices.Analyzers frames with bench/TraceAnalysis. The instrumented numbers are the precise ones; the
# sampled stacks name the compiler APIs behind them (they carry safepoint bias: read them as shares, not milliseconds).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDTERMINALLOGGER=off
n="${1:-1000}"
out=bench/out
mkdir -p "$out"

if [ ! -x "$out/tools/dotnet-trace" ]; then
  dotnet tool install dotnet-trace --tool-path "$out/tools" >/dev/null
fi

dotnet build bench/LambdaBestPractices.Analyzers.Benchmarks/LambdaBestPractices.Analyzers.Benchmarks.csproj -c Release -nologo -v quiet
dotnet build bench/TraceAnalysis/TraceAnalysis.csproj -c Release -nologo -v quiet

rm -f "$out/trace.nettrace" "$out"/trace.etlx
"$out/tools/dotnet-trace" collect --show-child-io --profile dotnet-sampled-thread-time,dotnet-common -o "$out/trace.nettrace" -- \
  dotnet bench/LambdaBestPractices.Analyzers.Benchmarks/bin/Release/net10.0/LambdaBestPractices.Analyzers.Benchmarks.dll profile-workload --sizes "$n"

dotnet bench/TraceAnalysis/bin/Release/net10.0/TraceAnalysis.dll "$out/trace.nettrace" --top 30
