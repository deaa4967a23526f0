#!/usr/bin/env bash
# A fresh machine's first run (issue 14). README.md promises two commands that work on a machine that has never built
# this repository. This copies the tree as a clean checkout has it (tracked files and untracked, not ignored ones; no
# bin/, obj/, artifacts/ or samples/.packages/) to a temporary folder and runs both there with empty NuGet package,
# NuGet HTTP-cache and temp folders (fresh NUGET_PACKAGES, NUGET_HTTP_CACHE_PATH and TMPDIR) and no reused MSBuild node:
#
#   bash samples/build.sh                  the main job: it must succeed and print README.md's example output
#   dotnet test Analyzers.sln -c Release   the whole suite: every test passes on this first run
#
# and checks that the tests downloaded nothing (Microsoft.CodeAnalysis.Testing's temp package folder stays empty: the
# reference set comes from the restore). Prints PASS/FAIL lines; logs in artifacts/logs/fresh-*.log.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
logs="$root/artifacts/logs"
mkdir -p "$logs"
status=0
pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1"; status=1; }

fresh="$(mktemp -d "${TMPDIR:-/tmp}/lbp-fresh.XXXXXX")"
trap 'rm -rf "$fresh"' EXIT
mkdir -p "$fresh/checkout" "$fresh/tmp" "$fresh/nuget-packages" "$fresh/nuget-http-cache"

# The tree as a clean checkout has it (files deleted in the working tree stay deleted).
(
  cd "$root"
  git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
    [[ -f "$f" ]] && printf '%s\0' "$f"
  done | tar --null -T - -cf - | tar -xf - -C "$fresh/checkout"
)
# shared/ sits beside the repository (specs and reference lists); the commands do not need it, but keep the layout.
[[ -d "$root/../shared" ]] && ln -s "$root/../shared" "$fresh/shared"

cold_env=(env TMPDIR="$fresh/tmp" NUGET_PACKAGES="$fresh/nuget-packages" NUGET_HTTP_CACHE_PATH="$fresh/nuget-http-cache"
  MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 MSBUILDTERMINALLOGGER=off DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1)

# 1. The main job.
start=$SECONDS
(cd "$fresh/checkout" && "${cold_env[@]}" bash samples/build.sh) </dev/null >"$logs/fresh-samples.out" 2>&1
samples_status=$?
echo "  bash samples/build.sh: exit code $samples_status in $((SECONDS - start)) s; $(tail -n 1 "$logs/fresh-samples.out")"
if [[ $samples_status -eq 0 ]]; then pass "fresh machine: bash samples/build.sh succeeds"; else tail -n 30 "$logs/fresh-samples.out"; fail "fresh machine: bash samples/build.sh succeeds (exit code $samples_status)"; fi
if python3 "$root/.ci/check-readme-output.py" "$logs/fresh-samples.out"; then
  pass "fresh machine: bash samples/build.sh prints README.md's example output"
else
  fail "fresh machine: bash samples/build.sh prints README.md's example output"
fi

# 2. The whole test suite, once: it has to pass on the first try.
start=$SECONDS
(cd "$fresh/checkout" && "${cold_env[@]}" dotnet test Analyzers.sln -c Release) </dev/null >"$logs/fresh-test.log" 2>&1
test_status=$?
elapsed=$((SECONDS - start))
summary="$(grep -E '^\s*(Passed|Failed)!\s+-\s+Failed:' "$logs/fresh-test.log" || true)"
echo "  dotnet test Analyzers.sln -c Release: exit code $test_status in $elapsed s (restore, build and tests from empty caches)"
[[ -n "$summary" ]] && printf '  %s\n' "$summary"
failed_tests="$(sed -nE 's/.*Failed:\s+([0-9]+),.*/\1/p' <<<"$summary" | awk '{ s += $1 } END { print s + 0 }')"
passed_tests="$(sed -nE 's/.*Passed:\s+([0-9]+),.*/\1/p' <<<"$summary" | awk '{ s += $1 } END { print s + 0 }')"
if [[ $test_status -eq 0 && -n "$summary" && $failed_tests -eq 0 && $passed_tests -gt 0 ]]; then
  pass "fresh machine: dotnet test Analyzers.sln -c Release passes on the first run ($passed_tests tests, $elapsed s)"
else
  grep -E '^\s+Failed [^ ]|: error |Catastrophic failure' "$logs/fresh-test.log" | sed -E 's/ \[[^]]*\]$//' | sort -u | head -n 30
  fail "fresh machine: dotnet test Analyzers.sln -c Release passes on the first run ($passed_tests passed, $failed_tests failed, exit code $test_status)"
fi

# Microsoft.CodeAnalysis.Testing creates the folder and its .lock file even when it resolves nothing; a package would be
# a folder or a .nupkg beside them.
downloaded="$(find "$fresh/tmp/test-packages" -mindepth 1 -maxdepth 1 ! -name .lock 2>/dev/null | wc -l | tr -d ' ')"
if [[ "$downloaded" == "0" ]]; then
  pass "fresh machine: the tests downloaded no package (the temp test-packages folder is empty)"
else
  find "$fresh/tmp/test-packages" -mindepth 1 -maxdepth 1 ! -name .lock | sed 's/^/  downloaded: /' | head -n 20
  fail "fresh machine: the tests downloaded no package ($downloaded entries in the temp test-packages folder)"
fi

exit $status
