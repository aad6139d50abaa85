#!/usr/bin/env bash
# What the CK analyzers add to a real `dotnet build` of a 100k-line repository: csc compiles and analyses in one pass,
# sharing one binding, as in every consumer's build. Alternates builds without and with the analyzers, RUNS times each.
# Usage: bash tests/CertKit.Benchmarks/build-overhead.sh   (REPO=dir of the scan benchmark's generated repository, RUNS=5)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
repo=${REPO:-/tmp/certkit-scan-benchmark/repo}
runs=${RUNS:-5}
if [ ! -d "$repo/src" ]; then
  echo "generating the 100k-line repository with the scan benchmark first" >&2
  dotnet run -c Release --project "$root/tests/CertKit.Benchmarks" -- scan --runs 1 >&2
fi

out=$(mktemp -d)
dotnet build -c Release "$root/analyzers/CertKit.Analyzers/CertKit.Analyzers.csproj" -o "$out/analyzers" -nologo -v:q >/dev/null
analyzer="$out/analyzers/CertKit.Analyzers.dll"

work="$out/repo"
mkdir -p "$work"
(cd "$repo" && tar --exclude=.git --exclude=bin --exclude=obj -cf - .) | (cd "$work" && tar -xf -)
cat > "$work/Directory.Build.targets" <<EOF
<Project>
  <ItemGroup Condition="'\$(CertKitAnalyzer)' != ''">
    <Analyzer Include="\$(CertKitAnalyzer)" />
  </ItemGroup>
  <Import Project="$root/analyzers/CertKit.Analyzers.Package/build/CertKit.Analyzers.props" Condition="'\$(CertKitAnalyzer)' != ''" />
</Project>
EOF
(cd "$work" && dotnet new sln -n Bench --format sln >/dev/null && dotnet sln Bench.sln add $(find src -name '*.csproj') >/dev/null && dotnet restore Bench.sln -v:q >/dev/null)

lines=$(find "$work/src" -name '*.cs' -print0 | xargs -0 cat | wc -l)
echo "repository: $(find "$work/src" -name '*.cs' | wc -l) C# files, $lines lines, $(find "$work/src" -name '*.csproj' | wc -l) projects; $runs runs each, alternating; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

build() { # $1 = label, rest = extra msbuild arguments; prints wall seconds, Csc task ms, CK analyzer seconds
  local log="$out/$1.log" start end
  start=$(date +%s.%N)
  # -v:d: csc's /reportanalyzer table is logged at detailed verbosity only.
  dotnet build "$work/Bench.sln" -c Release --no-restore -t:Rebuild -m:1 -nodeReuse:false -nologo -v:d -clp:PerformanceSummary "${@:2}" > "$log" 2>&1
  end=$(date +%s.%N)
  local csc ck
  csc=$( (grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$log" || true) | tail -1 | awk '{print $1}')
  # One line per project: "   1.210   25   CertKit.Analyzers, Version=..." (seconds, % of that project's analyzer time).
  ck=$( (grep -E '^ +[0-9.]+ +[0-9<]+ +CertKit\.Analyzers, Version' "$log" || true) | awk '{ s += $1 } END { printf "%.3f", s }')
  if grep -q "warning AD0001" "$log"; then echo "AD0001 in $1" >&2; exit 1; fi
  printf '%.2f %s %s\n' "$(echo "$end - $start" | bc)" "${csc:-0}" "${ck:-0}"
}

without=(); with=(); csc_without=(); csc_with=(); ck=()
for i in $(seq 1 "$runs"); do
  read -r w c _ < <(build without)
  without+=("$w"); csc_without+=("$c")
  read -r w c a < <(build with -p:CertKitAnalyzer="$analyzer" -p:ReportAnalyzer=true)
  with+=("$w"); csc_with+=("$c"); ck+=("$a")
  echo "run $i: without ${without[-1]} s (Csc ${csc_without[-1]} ms) | with ${with[-1]} s (Csc ${csc_with[-1]} ms, CK analyzers ${ck[-1]} s) | load $(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END { print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2 }'; }
mw=$(median "${without[@]}"); mk=$(median "${with[@]}"); cw=$(median "${csc_without[@]}"); ck_=$(median "${csc_with[@]}"); ca=$(median "${ck[@]}")
echo "median build wall time: without $mw s, with $mk s -> overhead $(echo "scale=2; 100 * ($mk - $mw) / $mw" | bc) %"
echo "median Csc task time:   without $cw ms, with $ck_ ms -> overhead $(echo "scale=2; 100 * ($ck_ - $cw) / $cw" | bc) %"
echo "median CK analyzer execution time reported by csc (ReportAnalyzer): $ca s = $(echo "scale=2; 100 * $ca * 1000 / $cw" | bc) % of Csc without analyzers"
echo "per CK analyzer in the last run with the analyzers (seconds, summed over the projects):"
(grep -E '^ +[0-9.]+ +[0-9<]+ +CertKit\.Analyzers\.Rules\.' "$out/with.log" || true) | awk '{ t[$3] += $1 } END { for (a in t) printf "  %-60s %.3f s\n", a, t[a] }' | sort -k2 -g -r
[ -n "${KEEP:-}" ] || rm -rf "$out"
