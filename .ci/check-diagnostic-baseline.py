#!/usr/bin/env python3
"""The diagnostic baseline: every LBP diagnostic (ID, file, line, message) the rules report on the samples and on the
benchmark's generated corpora (N = 250), compared with the files committed in tests/Baseline/. A change in what the
rules report must be a deliberate, reviewed update of those files.

    python3 .ci/check-diagnostic-baseline.py --sarif DIR --bench FILE            compare (exit 1 with a diff)
    python3 .ci/check-diagnostic-baseline.py --sarif DIR --bench FILE --update   rewrite tests/Baseline/ from them

DIR: the SARIF logs of `bash samples/build.sh -p:SampleSarifDirectory=DIR` (Info results included, which the build
output leaves out). FILE: `dotnet <bench dll> baseline FILE` (bench/run.sh baseline FILE), already one sorted
"ID<TAB>corpus/path<TAB>line<TAB>message" line per diagnostic.
"""
import argparse
import difflib
import glob
import json
import os
import pathlib
import sys
from urllib.parse import unquote, urlparse

ROOT = pathlib.Path(__file__).resolve().parent.parent
BASELINE = ROOT / "tests" / "Baseline"
SAMPLES = BASELINE / "diagnostics-samples.tsv"
BENCH = BASELINE / "diagnostics-bench-250.tsv"


def sample_lines(directory: str) -> list[str]:
    root = os.path.realpath(ROOT)
    lines = []
    for path in sorted(glob.glob(os.path.join(directory, "*.sarif"))):
        with open(path, encoding="utf-8-sig") as f:
            log = json.load(f)
        for run in log.get("runs", []):
            for result in run.get("results", []):
                rule_id = result.get("ruleId", "")
                if not rule_id.startswith("LBP"):
                    continue
                message = " ".join(result.get("message", {}).get("text", "").split())
                for location in result.get("locations", [])[:1]:
                    physical = location.get("physicalLocation", {})
                    uri = physical.get("artifactLocation", {}).get("uri", "")
                    file = os.path.realpath(unquote(urlparse(uri).path)) if uri.startswith("file:") else uri
                    relative = os.path.relpath(file, root).replace(os.sep, "/")
                    line = physical.get("region", {}).get("startLine", 0)
                    lines.append(f"{rule_id}\t{relative}\t{line}\t{message}")
    return sorted(lines)


def compare(name: pathlib.Path, actual: list[str], update: bool) -> bool:
    label = name.relative_to(ROOT)
    if update:
        name.write_text("".join(line + "\n" for line in actual), encoding="utf-8")
        print(f"{label}: written, {len(actual)} diagnostics")
        return True
    expected = name.read_text(encoding="utf-8").splitlines() if name.exists() else []
    if expected == actual:
        print(f"{label}: unchanged, {len(actual)} diagnostics")
        return True
    print(f"{label}: the rules report something else ({len(expected)} in the baseline, {len(actual)} now). If the change is "
          f"deliberate, update the baseline (bash .ci/update-diagnostic-baseline.sh) and say why in the commit:")
    diff = list(difflib.unified_diff([l + "\n" for l in expected], [l + "\n" for l in actual], str(label), "now", n=0))
    sys.stdout.writelines(diff[:200])
    if len(diff) > 200:
        print(f"... {len(diff) - 200} more diff lines")
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sarif", required=True)
    parser.add_argument("--bench", required=True)
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()
    samples = sample_lines(args.sarif)
    if not samples:
        print(f"no LBP result in the SARIF logs of {args.sarif}")
        return 1
    bench = [l for l in pathlib.Path(args.bench).read_text(encoding="utf-8").splitlines() if l]
    ok = compare(SAMPLES, samples, args.update)
    ok = compare(BENCH, bench, args.update) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
