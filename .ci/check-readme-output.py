#!/usr/bin/env python3
"""README.md's example output of `bash samples/build.sh` is what the command really prints.

    python3 .ci/check-readme-output.py OUTPUT            check: the block between <!-- sample-output --> and
                                                         <!-- /sample-output --> equals OUTPUT (exit 1 with a diff if not)
    python3 .ci/check-readme-output.py OUTPUT --update   rewrite the block from OUTPUT

OUTPUT is a saved run of `bash samples/build.sh` (CI: artifacts/logs/ci-samples.out). The pack line differs between a
fresh pack and an up-to-date one, so both sides show it as the fresh pack's line.
"""
import difflib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
BLOCK = re.compile(r"(<!-- sample-output -->\n```text\n)(.*?)(```\n<!-- /sample-output -->)", re.S)
PACKED = re.compile(r"^(Successfully created package '.*'|Package in artifacts/packages is up to date\.)$")


def normalise(text: str) -> list[str]:
    lines = []
    for line in text.splitlines():
        line = line.rstrip()
        if PACKED.match(line):
            line = "Successfully created package 'artifacts/packages/LambdaBestPractices.Analyzers.<version>.nupkg'"
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def main() -> int:
    if len(sys.argv) not in (2, 3) or (len(sys.argv) == 3 and sys.argv[2] != "--update"):
        print(__doc__, file=sys.stderr)
        return 2
    actual = ["$ bash samples/build.sh"] + normalise(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    readme = README.read_text(encoding="utf-8")
    match = BLOCK.search(readme)
    if not match:
        print("README.md has no <!-- sample-output --> block with a ```text fence", file=sys.stderr)
        return 1
    if len(sys.argv) == 3:
        README.write_text(readme[: match.start(2)] + "\n".join(actual) + "\n" + readme[match.end(2):], encoding="utf-8")
        print(f"README.md: sample output updated ({len(actual)} lines)")
        return 0
    shown = normalise(match.group(2))
    if shown == actual:
        print(f"README.md shows the sample build's output as it is ({len(actual)} lines)")
        return 0
    print("README.md's example output of `bash samples/build.sh` differs from the real output "
          "(update it with: python3 .ci/check-readme-output.py artifacts/logs/ci-samples.out --update):")
    sys.stdout.writelines(difflib.unified_diff([l + "\n" for l in shown], [l + "\n" for l in actual], "README.md", "samples/build.sh"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
