#!/usr/bin/env bash
# The main job: pack LambdaBestPractices.Analyzers, build the sample Lambda functions against the packed .nupkg (the
# way a user consumes it) and show the analyzers' diagnostics.
#
#   bash samples/build.sh                 # warnings; exit code of the build (0 when it compiles)
#   bash samples/build.sh -warnaserror    # any extra arguments go to `dotnet build`: here, LBP warnings fail the build
#   LBP_VERSION=0.2.0-dev bash samples/build.sh   # pack and consume another version than Directory.Build.props's
#
# Output: one line per LBP diagnostic (deduplicated, paths relative to the repository root), then a summary line.
# The full build log is in artifacts/logs/samples-build.log.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

packages="$root/artifacts/packages"
logs="$root/artifacts/logs"
mkdir -p "$packages" "$logs"

version_args=()
if [[ -n "${LBP_VERSION:-}" ]]; then
  version_args=("-p:Version=$LBP_VERSION")
fi

echo "Packing LambdaBestPractices.Analyzers to artifacts/packages ..."
if ! dotnet pack src/LambdaBestPractices.Analyzers.Package/LambdaBestPractices.Analyzers.Package.csproj \
    -c Release -o "$packages" -nologo -tl:off "${version_args[@]}" >"$logs/samples-pack.log" 2>&1; then
  tail -n 40 "$logs/samples-pack.log"
  echo "pack failed (log: artifacts/logs/samples-pack.log)" >&2
  exit 1
fi
grep -o "Successfully created package '[^']*'" "$logs/samples-pack.log" | sed "s|$root/||" \
  || echo "Package in artifacts/packages is up to date."

# The samples restore into their own folder (samples/Directory.Build.props); drop the analyzers package from it so the
# package that was just packed is extracted again even when its version did not change.
rm -rf "$root/samples/.packages/lambdabestpractices.analyzers"

analyzer_version_args=()
if [[ -n "${LBP_VERSION:-}" ]]; then
  analyzer_version_args=("-p:LambdaBestPracticesAnalyzersVersion=$LBP_VERSION")
fi

echo "Building samples/LambdaSamples.sln against the package ..."
# --no-incremental: analyzer diagnostics come from the compiler, so an up-to-date project would show none.
# -tl:off: the classic logger prints one 'file(line,col): warning ID: message' line per diagnostic.
set +e
dotnet build samples/LambdaSamples.sln -c Release --no-incremental -nologo -tl:off \
  "${analyzer_version_args[@]}" "$@" >"$logs/samples-build.log" 2>&1
status=$?
set -e

# MSBuild prints each diagnostic twice (as it happens and in the summary) and appends ' [project]': dedupe.
diagnostics="$(grep -E ': (warning|error) LBP[0-9]{3}:' "$logs/samples-build.log" \
  | sed -E -e 's/ \[[^]]*\]$//' -e "s|^$root/||" | sort -u || true)"
if [[ -n "$diagnostics" ]]; then
  printf '%s\n' "$diagnostics"
  count="$(printf '%s\n' "$diagnostics" | wc -l | tr -d ' ')"
else
  count=0
fi

if [[ $status -ne 0 ]]; then
  grep -E ': error ' "$logs/samples-build.log" | grep -vE ': error LBP[0-9]{3}:' | sed -E 's/ \[[^]]*\]$//' | sort -u | head -n 20 || true
  echo "Build FAILED with $count LBP diagnostic(s) (exit code $status; log: artifacts/logs/samples-build.log)"
else
  echo "Build succeeded with $count LBP diagnostic(s) (log: artifacts/logs/samples-build.log)"
fi
exit $status
