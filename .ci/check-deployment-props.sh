#!/usr/bin/env bash
# Checks which deployment files the package's props hand to the analyzers as AdditionalFiles (issue 18, item 1), by
# running the props' target on a scratch project laid out like a solution:
#
#   WORK/template.yaml                      above the solution folder: never read
#   WORK/sln/template.yaml                  the solution folder's template (the project's grandparent)
#   WORK/sln/src/App/serverless.template    the project's own template
#   WORK/sln/src/App/aws-lambda-tools-defaults.json
#   WORK/sln/src/App/deploy/app.yaml        only when the project names it
#
# Usage: bash .ci/check-deployment-props.sh. Prints one PASS/FAIL line per case; exit code 1 if any failed.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/artifacts/deployment-props"
props="$root/src/LambdaBestPractices.Analyzers.Package/build/LambdaBestPractices.Analyzers.props"
rm -rf "$work" && mkdir -p "$work/sln/src/App/deploy"
touch "$work/template.yaml" "$work/sln/template.yaml" "$work/sln/src/App/serverless.template" \
  "$work/sln/src/App/aws-lambda-tools-defaults.json" "$work/sln/src/App/deploy/app.yaml"
cat >"$work/sln/src/App/App.csproj" <<XML
<Project>
  <Import Project="$props" />
  <ItemGroup>
    <AdditionalFiles Include="BannedSymbols.txt" />
  </ItemGroup>
</Project>
XML
failed=0

# CASE NAME, EXPECTED ("relative/path:Kind" lines, sorted), then msbuild arguments.
check() {
  local name="$1" expected="$2"
  shift 2
  local actual
  actual="$(cd "$work/sln/src/App" && dotnet msbuild App.csproj -nologo -t:_LambdaBestPracticesAddDeploymentFiles -getItem:AdditionalFiles "$@" </dev/null 2>&1 \
    | python3 -c '
import json, os, sys
work = sys.argv[1]
try:
    items = json.load(sys.stdin)["Items"]["AdditionalFiles"]
except Exception as e:
    print("unreadable msbuild output: %s" % e)
    sys.exit(0)
for item in items:
    kind = item.get("LambdaBestPracticesDeploymentFile") or ""
    if kind:
        print("%s:%s" % (os.path.relpath(item["FullPath"], work), kind))
' "$work" | sort)"
  if [[ "$actual" == "$expected" ]]; then
    echo "PASS  deployment files: $name"
  else
    echo "FAIL  deployment files: $name"
    echo "  expected: $(echo $expected)"
    echo "  actual:   $(echo $actual)"
    failed=1
  fi
}

own=$'sln/src/App/aws-lambda-tools-defaults.json:ToolsDefaults\nsln/src/App/serverless.template:Template'
with_solution=$'sln/src/App/aws-lambda-tools-defaults.json:ToolsDefaults\nsln/src/App/serverless.template:Template\nsln/template.yaml:Template'

check "the project's files and the solution folder's template" "$with_solution" -p:SolutionDir="$work/sln/"
check "without a solution: a template up to two levels above the project" "$with_solution"
rm "$work/sln/template.yaml"
check "a template above the solution folder is not read" "$own" -p:SolutionDir="$work/sln/"
touch "$work/sln/template.yaml"
check "LambdaBestPracticesDeploymentFiles=false reads none" "" -p:LambdaBestPracticesDeploymentFiles=false
check "LambdaBestPracticesDeploymentFiles names the files" "sln/src/App/deploy/app.yaml:Detect" -p:LambdaBestPracticesDeploymentFiles=deploy/app.yaml
exit $failed
