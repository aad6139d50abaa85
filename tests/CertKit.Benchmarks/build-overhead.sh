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
if [ -n "${ANALYZER:-}" ]; then
  analyzer=$ANALYZER   # another analyzer assembly in place of CertKit's, for comparison (an empty operation action, say)
else
  dotnet build -c Release "$root/analyzers/CertKit.Analyzers/CertKit.Analyzers.csproj" -o "$out/analyzers" -nologo -v:q >/dev/null
  analyzer="$out/analyzers/CertKit.Analyzers.dll"
fi

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

build() { # $1 = label, rest = extra msbuild arguments; prints wall seconds, Csc task ms, CK analyzer seconds, all analyzers' seconds, CPU seconds
  local log="$out/$1.log" start end cpu
  start=$(date +%s.%N)
  # -v:d: csc's /reportanalyzer table is logged at detailed verbosity only. UseSharedCompilation=false: csc runs as a
  # child of this build (not in the VBCSCompiler server), so /usr/bin/time counts its CPU time, which a busy machine
  # does not inflate the way it inflates wall time.
  /usr/bin/time -f '%U %S' -o "$out/$1.cpu" dotnet build "$work/Bench.sln" -c Release --no-restore -t:Rebuild -m:1 -nodeReuse:false \
    -p:UseSharedCompilation=false -nologo -v:d -clp:PerformanceSummary "${@:2}" > "$log" 2>&1
  end=$(date +%s.%N)
  cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$out/$1.cpu")
  local csc ck all
  csc=$( (grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$log" || true) | tail -1 | awk '{print $1}')
  # One line per project: "   1.210   25   CertKit.Analyzers, Version=..." (seconds, % of that project's analyzer time).
  ck=$( (grep -E '^ +[0-9.]+ +[0-9<]+ +CertKit\.Analyzers, Version' "$log" || true) | awk '{ s += $1 } END { printf "%.3f", s }')
  # "Total analyzer execution time: 1.453 seconds." once per project: the SDK's default analyzers, plus CK when referenced.
  all=$( (grep -E 'Total analyzer execution time: [0-9.]+ seconds' "$log" || true) | sed -E 's/.*time: ([0-9.]+) seconds.*/\1/' | awk '{ s += $1 } END { printf "%.3f", s }')
  if grep -q "warning AD0001" "$log"; then echo "AD0001 in $1" >&2; exit 1; fi
  printf '%.2f %s %s %s %s\n' "$(echo "$end - $start" | bc)" "${csc:-0}" "${ck:-0}" "${all:-0}" "$cpu"
}

# ReportAnalyzer on both sides: it costs the same in each, and the analyzers' total with and without CK gives CK's
# marginal cost, which its own rows do not (in csc, whichever analyzer first asks for a method body's binding pays for it).
without=(); with=(); csc_without=(); csc_with=(); ck=(); all_without=(); all_with=(); cpu_without=(); cpu_with=()
for i in $(seq 1 "$runs"); do
  read -r w c _ t u < <(build without -p:ReportAnalyzer=true)
  without+=("$w"); csc_without+=("$c"); all_without+=("$t"); cpu_without+=("$u")
  read -r w c a t u < <(build with -p:CertKitAnalyzer="$analyzer" -p:ReportAnalyzer=true)
  with+=("$w"); csc_with+=("$c"); ck+=("$a"); all_with+=("$t"); cpu_with+=("$u")
  echo "run $i: without ${without[-1]} s (Csc ${csc_without[-1]} ms, CPU ${cpu_without[-1]} s, all analyzers ${all_without[-1]} s) | with ${with[-1]} s (Csc ${csc_with[-1]} ms, CPU ${cpu_with[-1]} s, all analyzers ${all_with[-1]} s, CK rows ${ck[-1]} s) | load $(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END { print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2 }'; }
# The machine drifts between runs (neighbours, thermal): the per-run ratio of each pair, built back to back, is the
# figure to trust; medians of each side are printed too.
paired() { local -n a=$1 b=$2; local r=(); for i in "${!a[@]}"; do r+=("$(echo "scale=6; 100 * (${b[$i]} - ${a[$i]}) / ${a[$i]}" | bc)"); done; printf '%.2f' "$(median "${r[@]}")"; }
mw=$(median "${without[@]}"); mk=$(median "${with[@]}"); cw=$(median "${csc_without[@]}"); ck_=$(median "${csc_with[@]}"); ca=$(median "${ck[@]}")
uw=$(median "${cpu_without[@]}"); uk=$(median "${cpu_with[@]}")
echo "build wall time: medians without $mw s, with $mk s; median of the paired overheads $(paired without with) %"
echo "Csc task time:   medians without $cw ms, with $ck_ ms; median of the paired overheads $(paired csc_without csc_with) %"
echo "build CPU time (user + sys, csc included): medians without $uw s, with $uk s; median of the paired overheads $(paired cpu_without cpu_with) %"
aw=$(median "${all_without[@]}"); ak=$(median "${all_with[@]}")
echo "median CK analyzer execution time reported by csc (ReportAnalyzer): $ca s = $(echo "scale=2; 100 * $ca * 1000 / $cw" | bc) % of Csc without analyzers"
echo "median execution time of all analyzers (ReportAnalyzer): without CK $aw s, with CK $ak s -> CK's marginal $(echo "scale=3; $ak - $aw" | bc) s = $(echo "scale=2; 100 * ($ak - $aw) * 1000 / $cw" | bc) % of Csc without"
echo "per CK analyzer in the last run with the analyzers (seconds, summed over the projects):"
(grep -E '^ +[0-9.]+ +[0-9<]+ +CertKit\.Analyzers\.Rules\.' "$out/with.log" || true) | awk '{ t[$3] += $1 } END { for (a in t) printf "  %-60s %.3f s\n", a, t[a] }' | sort -k2 -g -r
[ -n "${KEEP:-}" ] || rm -rf "$out"
