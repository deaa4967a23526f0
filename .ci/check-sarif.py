#!/usr/bin/env python3
"""Checks the SARIF 2.1 logs of the sample build: every LBP result names its rule, has the rule's level, and the rule's
help URI points at docs/rules/<ID>.md; the results are the marked sites. Usage: check-sarif.py EXPECTED_COUNT LOG..."""
import json
import sys

HELP = "https://github.com/lambda-best-practices/LambdaBestPractices.Analyzers/blob/main/docs/rules/{}.md"
expected_count = int(sys.argv[1])
problems, results = [], 0
for path in sys.argv[2:]:
    with open(path, encoding="utf-8-sig") as f:
        log = json.load(f)
    if log.get("version") != "2.1.0":
        problems.append(f"{path}: SARIF version {log.get('version')!r}, expected 2.1.0")
    for run in log.get("runs", []):
        rules = {r["id"]: r for r in run.get("tool", {}).get("driver", {}).get("rules", [])}
        for result in run.get("results", []):
            rule_id = result.get("ruleId", "")
            if not rule_id.startswith("LBP"):
                continue
            results += 1
            rule = rules.get(rule_id)
            if rule is None:
                problems.append(f"{path}: {rule_id} has no rule entry")
                continue
            if rule.get("helpUri") != HELP.format(rule_id):
                problems.append(f"{path}: {rule_id} helpUri {rule.get('helpUri')!r}")
            default_level = rule.get("defaultConfiguration", {}).get("level", "warning")
            if result.get("level", "warning") != default_level:
                problems.append(f"{path}: {rule_id} result level {result.get('level')!r}, rule default {default_level!r}")
            if "{" in result.get("message", {}).get("text", "{"):
                problems.append(f"{path}: {rule_id} message not formatted")
if results != expected_count:
    problems.append(f"{results} LBP results in the SARIF logs, {expected_count} marked sites")
for p in problems:
    print("  " + p)
print(f"sarif: {results} LBP results in {len(sys.argv) - 2} logs, {len(problems)} problems")
sys.exit(1 if problems else 0)
