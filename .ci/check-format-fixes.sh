#!/usr/bin/env bash
# Applies the package's code fixes to a copy of the samples with `dotnet format analyzers` (how teams apply fixes in
# bulk from the command line), then checks that the copy still builds and that no diagnostic of a fixable rule is left.
#
#   bash .ci/check-format-fixes.sh      (after samples/build.sh has packed the package and restored the samples)
#
# Fixable rules: the "Code fix: Yes" rows of README.md's generated rule table. A sample site whose fix is deliberately not
# offered is listed, as `path-under-samples:ID`, in samples/format-no-fix.txt (one per line; # comments).
# Prints PASS/FAIL lines; exit code 1 on any failure. Log: artifacts/logs/format-*.log.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
copy="$root/artifacts/format"
logs="$root/artifacts/logs"
mkdir -p "$logs"
failed=0

fixable="$(sed -n '/<!-- rules -->/,/<!-- \/rules -->/p' "$root/README.md" | awk -F'|' 'NF > 7 && $7 ~ /Yes/ { match($2, /LBP[0-9]+/); print substr($2, RSTART, RLENGTH) }' | sort -u | tr '\n' ' ')"
if [[ -z "${fixable// /}" ]]; then
  echo "FAIL  dotnet format: no fixable rule found in README.md's rule table"
  exit 1
fi

# The copy: same layout, restored into a hard-linked copy of samples/.packages; the API-surface project referenced in place.
rm -rf "$copy"
mkdir -p "$copy/artifacts" "$copy/samples"
(cd "$root/samples" && tar cf - --exclude=.packages --exclude=bin --exclude=obj .) | (cd "$copy/samples" && tar xf -)
[[ -d "$root/samples/.packages" ]] && cp -al "$root/samples/.packages" "$copy/samples/.packages"
rm -rf "$copy/samples/.packages/lambdabestpractices.analyzers"   # extract the package just packed, not a stale copy
ln -s "$root/artifacts/packages" "$copy/artifacts/packages"
surface="$root/tests/ApiSurface/LambdaApiSurface.csproj"
surface_web="$root/tests/ApiSurface.AspNetCore/LambdaApiSurface.AspNetCore.csproj"
sed -i "s#\"\\.\\.\\\\tests\\\\ApiSurface\\\\LambdaApiSurface\\.csproj\"#\"$surface\"#" "$copy/samples/LambdaSamples.sln"
sed -i "s#\"\\.\\.\\\\tests\\\\ApiSurface\\.AspNetCore\\\\LambdaApiSurface\\.AspNetCore\\.csproj\"#\"$surface_web\"#" "$copy/samples/LambdaSamples.sln"
find "$copy/samples" -name '*.csproj' -exec sed -i "s#\\.\\.\\\\\\.\\.\\\\tests\\\\ApiSurface\\\\LambdaApiSurface\\.csproj#$surface#" {} +
find "$copy/samples" -name '*.csproj' -exec sed -i "s#\\.\\.\\\\\\.\\.\\\\tests\\\\ApiSurface\\.AspNetCore\\\\LambdaApiSurface\\.AspNetCore\\.csproj#$surface_web#" {} +

cd "$copy/samples"
diagnostics() { # LOG -> "relative/path.cs:ID" lines of the fixable rules' diagnostics
  grep -E ': (warning|error) LBP[0-9]{3}:' "$1" | sed -E -e 's/ \[[^]]*\]$//' -e "s#^$copy/samples/##" \
    | sed -E 's#^(.+)\([0-9]+,[0-9]+\): (warning|error) (LBP[0-9]{3}):.*#\1:\3#' \
    | grep -E ":($(echo $fixable | tr ' ' '|'))$" | sort || true
}

if ! dotnet build LambdaSamples.sln -c Release --no-incremental -nologo -tl:off </dev/null >"$logs/format-before.log" 2>&1; then
  echo "FAIL  dotnet format: the copy of the samples does not build before the fixes (log: artifacts/logs/format-before.log)"
  exit 1
fi
before="$(diagnostics "$logs/format-before.log" | sort -u)"

if dotnet format analyzers LambdaSamples.sln --diagnostics $fixable --severity info --no-restore -v n </dev/null >"$logs/format-apply.log" 2>&1; then
  echo "PASS  dotnet format analyzers --diagnostics $fixable--severity info ran ($(grep -c 'Formatted code file' "$logs/format-apply.log") files changed)"
else
  tail -n 20 "$logs/format-apply.log"
  echo "FAIL  dotnet format analyzers ran (log: artifacts/logs/format-apply.log)"
  failed=1
fi

if dotnet build LambdaSamples.sln -c Release --no-incremental -nologo -tl:off </dev/null >"$logs/format-after.log" 2>&1; then
  echo "PASS  dotnet format: the fixed samples build"
else
  grep -E ': error ' "$logs/format-after.log" | sed -E 's/ \[[^]]*\]$//' | sort -u | head -n 20
  echo "FAIL  dotnet format: the fixed samples build (log: artifacts/logs/format-after.log)"
  failed=1
fi

after="$(diagnostics "$logs/format-after.log" | sort -u)"
allowed="$(grep -vE '^\s*(#|$)' "$root/samples/format-no-fix.txt" 2>/dev/null | sort -u || true)"
left="$(comm -23 <(printf '%s\n' "$after" | grep . || true) <(printf '%s\n' "$allowed" | grep . || true))"
if [[ -z "$left" && -n "$before" ]]; then
  echo "PASS  dotnet format: no fixable diagnostic left ($(printf '%s\n' "$before" | wc -l | tr -d ' ') files had some before)"
else
  [[ -n "$left" ]] && printf '  left: %s\n' $left
  [[ -z "$before" ]] && echo "  the samples had no fixable diagnostic to begin with"
  echo "FAIL  dotnet format: no fixable diagnostic left"
  failed=1
fi

# Comments survive: every comment line of the original samples is still somewhere in the fixed copy.
lost=0
while IFS= read -r -d '' file; do
  relative="${file#$root/samples/}"
  while IFS= read -r comment; do
    grep -qF -- "$comment" "$copy/samples/$relative" || { echo "  lost in $relative: $comment"; lost=$((lost + 1)); }
  # A `//` inside a string literal (`"https://..."`) is not a comment: literals are blanked (same length) to find it.
  done < <(perl -ne 'chomp; my $o = $_; (my $m = $_) =~ s/"((?:[^"\\]|\\.)*)"/q(") . (q(x) x length($1)) . q(")/ge; my $i = index($m, "//"); if ($i >= 0) { (my $c = substr($o, $i)) =~ s/\s+$//; print "$c\n"; }' "$file" | sort -u)
done < <(find "$root/samples" -name '*.cs' -not -path '*/.packages/*' -not -path '*/bin/*' -not -path '*/obj/*' -print0)
if [[ $lost -eq 0 ]]; then echo "PASS  dotnet format: every comment of the samples kept"; else echo "FAIL  dotnet format: $lost comments lost"; failed=1; fi

exit $failed
