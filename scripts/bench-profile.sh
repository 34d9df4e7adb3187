#!/usr/bin/env bash
# Profiles `referat build` on a generated corpus: where the CPU time goes (perf, sampling on the
# cpu-clock, which also works in VMs without hardware counters) and where the heap peak comes from
# (valgrind massif, on a smaller corpus because it is slow).
#
#   scripts/bench-profile.sh [N]      default 2000 meetings for perf, N/10 for massif
#   KEEP=1  keep the corpus, site, perf.data and massif output (printed at the end)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
small=$(((n + 9) / 10))

need=()
command -v perf >/dev/null || need+=(linux-perf)
command -v valgrind >/dev/null || need+=(valgrind)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]} (Debian packages)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The release profile keeps line tables (debug = 1), so symbols and inlined frames resolve.
cargo build --release --quiet --bin referat --example gen-corpus
referat=$PWD/target/release/referat
tmp=$(mktemp -d "${BENCH_TMP:-/tmp}/referat-profile.XXXXXX")
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

target/release/examples/gen-corpus "$n" "$tmp/content" --seed 1
target/release/examples/gen-corpus "$small" "$tmp/content-small" --seed 1
"$referat" build --content "$tmp/content" --output "$tmp/site" >/dev/null # warm the page cache

echo "== perf: $n meetings"
perf record -q -e cpu-clock -F 1999 --call-graph dwarf,32768 -o "$tmp/perf.data" -- \
  "$referat" build --content "$tmp/content" --output "$tmp/site"
echo "-- self time by function (top 40)"
perf report -i "$tmp/perf.data" --no-children --sort symbol --stdio --percent-limit 0.5 -g none 2>/dev/null |
  grep -v '^#' | grep -v '^$' | head -40
echo "-- inclusive time of the project's and the main libraries' functions (top 50)"
perf report -i "$tmp/perf.data" --children --sort symbol --stdio --percent-limit 1 -g none 2>/dev/null |
  grep -E 'referat::|tera::|pulldown_cmark::|ammonia::|rust_stemmers::|serde_json::|regex|walkdir::|std::fs::' |
  grep -v '{{closure}}' | sed -E 's/ +- +- +$//' | head -50

echo
echo "== massif: heap peak on $small meetings"
valgrind -q --tool=massif --massif-out-file="$tmp/massif.out" \
  "$referat" build --content "$tmp/content-small" --output "$tmp/site-small" >/dev/null
ms_print "$tmp/massif.out" >"$tmp/massif.txt" 2>/dev/null
sed -n '8,33p' "$tmp/massif.txt"
peak=$(grep -o '[0-9]* (peak)' "$tmp/massif.txt" | cut -d' ' -f1)
echo "-- heap at the peak (snapshot $peak), inclusive, by function of the project and its main libraries"
awk -v peak="$peak" '$1 == peak && NF >= 6 {on = 1; next} on && /^ +n +time/ {exit} on' "$tmp/massif.txt" |
  grep -oE '[0-9.]+% \([0-9,]+B\) (0x[0-9A-F]+: )?(referat|tera|pulldown_cmark|ammonia|rust_stemmers|serde_json)::[A-Za-z0-9_:<>]+' |
  sed -E 's/0x[0-9A-F]+: //' | awk '{if (!($3 in best) || $1 + 0 > best[$3] + 0) {best[$3] = $1; size[$3] = $2}}
    END {for (f in best) printf "%7s %-16s %s\n", best[f], size[f], f}' | sort -rn | head -30
