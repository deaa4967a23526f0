#!/usr/bin/env bash
# Rewrites the diagnostic baseline (tests/Baseline/) from what the rules report now: the samples built from the package
# (their SARIF logs, Info results included) and the benchmark's generated corpora at N = 250. Run it after a deliberate
# change in what the rules report, review `git diff tests/Baseline/`, and say in the commit why each line changed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$root/artifacts/baseline"
rm -rf "$work" && mkdir -p "$work/sarif"
bash samples/build.sh -p:SampleSarifDirectory="$work/sarif" >"$work/samples.out" 2>&1 || { tail -n 30 "$work/samples.out"; exit 1; }
bash bench/run.sh baseline "$work/bench-250.tsv" --out "$work/bench"
python3 .ci/check-diagnostic-baseline.py --sarif "$work/sarif" --bench "$work/bench-250.tsv" --update
