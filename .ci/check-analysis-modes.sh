#!/usr/bin/env bash
# Builds a one-handler Lambda project from the packed package under every LambdaBestPracticesAnalysisMode and checks the
# severity LBP101 ends up with. Usage: bash .ci/check-analysis-modes.sh (after the package is in artifacts/packages).
# Prints one PASS/FAIL line per mode; exit code 1 if any failed.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$root/artifacts/modes"
logs="$root/artifacts/logs"
version="$(dotnet msbuild "$root/src/LambdaBestPractices.Analyzers.Package/LambdaBestPractices.Analyzers.Package.csproj" -getProperty:Version </dev/null 2>/dev/null | tr -d '[:space:]')"
mkdir -p "$work/src" "$logs"
failed=0

# Isolated from the repository's build settings (warnings as errors, central package management) and from the user-wide
# package cache (a re-packed package with the same version must be picked up).
cat >"$work/Directory.Build.props" <<'XML'
<Project>
  <PropertyGroup>
    <RestorePackagesPath>$(MSBuildThisFileDirectory).packages/</RestorePackagesPath>
    <SuppressTfmSupportBuildWarnings>true</SuppressTfmSupportBuildWarnings>
  </PropertyGroup>
</Project>
XML
echo '<Project />' >"$work/Directory.Packages.props"
echo '<Project />' >"$work/Directory.Build.targets"
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$root/artifacts/packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="LambdaBestPractices.Analyzers" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
cat >"$work/src/Function.cs" <<'CS'
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;
using Amazon.S3;

namespace ModeCheck;

public class Function
{
    public async Task Handle(SQSEvent evt, ILambdaContext context)
    {
        var s3 = new AmazonS3Client();
        await s3.ListBucketsAsync();
    }
}
CS
rm -rf "$work/.packages/lambdabestpractices.analyzers"

# build MODE [EDITORCONFIG]: writes the project for MODE and builds it; sets $status and $out.
build() {
  local mode="$1" editorconfig="${2:-}"
  rm -f "$work/src/.editorconfig"
  [[ -n "$editorconfig" ]] && printf 'root = true\n\n[*.cs]\n%s\n' "$editorconfig" >"$work/src/.editorconfig"
  cat >"$work/src/ModeCheck.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <LambdaBestPracticesAnalysisMode>$mode</LambdaBestPracticesAnalysisMode>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="LambdaBestPractices.Analyzers" Version="[$version]" PrivateAssets="all" />
    <PackageReference Include="AWSSDK.S3" Version="4.1.0" />
    <ProjectReference Include="$root/tests/ApiSurface/LambdaApiSurface.csproj" />
  </ItemGroup>
</Project>
XML
  local log="$logs/modes-${mode:-unset}${editorconfig:+-override}.log"
  dotnet build "$work/src/ModeCheck.csproj" -c Release --no-incremental -nologo -tl:off </dev/null >"$log" 2>&1
  status=$?
  out="$(grep -E ': (warning|error) LBP[0-9]+' "$log" | grep -oE '(warning|error) LBP[0-9]+' | sort -u | tr '\n' ' ')"
}

# expect NAME EXIT-STATUS(0|nonzero) EXPECTED-DIAGNOSTICS
expect() {
  local name="$1" want_status="$2" want="$3"
  local got_status=0
  [[ $status -ne 0 ]] && got_status=nonzero
  if [[ "$got_status" == "$want_status" && "$out" == "$want" ]]; then
    local verdict="build succeeds"
    [[ "$want_status" == nonzero ]] && verdict="build fails"
    echo "PASS  analysis mode $name: $verdict, ${want:-no LBP warning or error}"
  else
    echo "FAIL  analysis mode $name: expected exit $want_status and '${want}', got exit $status and '${out}'"
    failed=1
  fi
}

build "";           expect "unset (Default)" 0 "warning LBP101 "
build "Default";    expect "Default" 0 "warning LBP101 "
build "None";       expect "None" 0 ""
build "Recommended"; expect "Recommended" 0 "warning LBP101 "
build "All";        expect "All" 0 "warning LBP101 "
build "AllAsErrors"; expect "AllAsErrors" nonzero "error LBP101 "
build "AllAsErrors" "dotnet_diagnostic.LBP101.severity = suggestion"; expect "AllAsErrors + .editorconfig LBP101 = suggestion (the user wins)" 0 ""
build "Strict";     expect "unknown value 'Strict'" 0 "warning LBP0001 warning LBP101 "
exit $failed
