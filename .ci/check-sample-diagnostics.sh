#!/usr/bin/env bash
# Compares the LBP diagnostics of a sample build with the lines marked in samples/.
#
#   bash .ci/check-sample-diagnostics.sh OUTPUT_OF_samples/build.sh [SARIF_DIRECTORY]
#
# A marked line ends with `// LBPnnn` (the rule ID, nothing after it); in a deployment template (samples/template.yaml)
# it ends with the YAML comment `# LBPnnn`. A diagnostic line is the compiler's
# `path(line,col): warning LBPnnn: ...` (or `error`), with the path relative to the repository root as build.sh
# prints it. Both sides become "path:line ID"; the sets must be equal (duplicates are ignored: MSBuild prints every
# diagnostic twice). Prints the differences and exits 1 when they differ.
# MSBuild never prints Info diagnostics (LBP402), so their sites come from the SARIF logs of the same build
# (`samples/build.sh -p:SampleSarifDirectory=DIR`): pass DIR as the second argument.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="${1:?usage: check-sample-diagnostics.sh BUILD_OUTPUT [SARIF_DIRECTORY]}"
sarif_dir="${2:-}"

expected="$(cd "$root" && { grep -rnE --include='*.cs' --exclude-dir=.packages --exclude-dir=bin --exclude-dir=obj \
    '// LBP[0-9]{3}[[:space:]]*$' samples || true; \
  grep -rnE --include='*.yaml' --include='*.yml' --include='*.template' --exclude-dir=.packages --exclude-dir=bin --exclude-dir=obj \
    '# LBP[0-9]{3}[[:space:]]*$' samples || true; } \
  | sed -E 's#^([^:]+):([0-9]+):.*(//|\#) (LBP[0-9]{3})[[:space:]]*$#\1:\2 \4#' | sort -u || true)"

actual="$(grep -E '^.+\([0-9]+,[0-9]+\): (warning|error) LBP[0-9]{3}:' "$output" \
  | sed -E 's#^(.+)\(([0-9]+),[0-9]+\): (warning|error) (LBP[0-9]{3}):.*#\1:\2 \4#' | sort -u || true)"

# Info results ("note" in SARIF), as "path:line ID" with the path relative to the repository root.
if [[ -n "$sarif_dir" ]]; then
  notes="$(python3 - "$root" "$sarif_dir" <<'PY'
import glob, json, os, sys
from urllib.parse import unquote, urlparse
root, directory = os.path.realpath(sys.argv[1]), sys.argv[2]
for path in sorted(glob.glob(os.path.join(directory, "*.sarif"))):
    with open(path, encoding="utf-8-sig") as f:
        log = json.load(f)
    for run in log.get("runs", []):
        for result in run.get("results", []):
            rule_id = result.get("ruleId", "")
            if not rule_id.startswith("LBP") or result.get("level", "warning") != "note":
                continue
            for location in result.get("locations", []):
                physical = location.get("physicalLocation", {})
                uri = physical.get("artifactLocation", {}).get("uri", "")
                line = physical.get("region", {}).get("startLine")
                file = os.path.realpath(unquote(urlparse(uri).path) if uri.startswith("file:") else uri)
                print(f"{os.path.relpath(file, root)}:{line} {rule_id}")
PY
)"
  actual="$(printf '%s\n%s\n' "$actual" "$notes" | grep . | sort -u || true)"
fi

if [[ -z "$expected" ]]; then
  echo "no '// LBPnnn' markers found under samples/" >&2
  exit 1
fi

missing="$(comm -23 <(printf '%s\n' "$expected") <(printf '%s\n' "$actual"))"
unexpected="$(comm -13 <(printf '%s\n' "$expected") <(printf '%s\n' "$actual"))"

echo "marked: $(printf '%s\n' "$expected" | wc -l | tr -d ' '), reported: $(printf '%s\n' "$actual" | grep -c . || true)"
status=0
if [[ -n "$missing" ]]; then
  echo "marked but NOT reported (false negatives):"
  printf '%s\n' "$missing" | sed 's/^/  /'
  status=1
fi
if [[ -n "$unexpected" ]]; then
  echo "reported but NOT marked (false positives, or a marker is missing):"
  printf '%s\n' "$unexpected" | sed 's/^/  /'
  status=1
fi
exit $status
