#!/usr/bin/env bash
# Benchmark: builds generated corpora (default 2,000 and 20,000 meetings) with `referat build` and
# prints meetings/s, pages/s, output size, peak memory (max RSS), wall time, the rebuild time after
# editing one meeting, and `cp -r` of the input as a floor for reference.
#
#   scripts/bench.sh [N ...]          e.g. scripts/bench.sh 2000 20000
#   RUNS=3        builds per corpus; the median wall time and the largest max RSS are reported
#   KEEP=1        keep the temporary corpora and sites (printed at the end)
#   BENCH_TMP=dir where the temporary folder goes (default /tmp; use a local disk, not a network one)
#   RESULTS=file  also append the summary table (markdown) to this file
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 20000)
runs=${RUNS:-3}

if [ ! -x /usr/bin/time ]; then
  echo "== installing GNU time (Debian package 'time') for peak-memory figures"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

echo "== building release binaries"
cargo build --release --quiet --bin referat --example gen-corpus
cargo bench --quiet --no-run --bench build 2>/dev/null
referat=$PWD/target/release/referat
gen=$PWD/target/release/examples/gen-corpus

tmp=$(mktemp -d "${BENCH_TMP:-/tmp}/referat-bench.XXXXXX")
cleanup() { if [ "${KEEP:-0}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
ram=$(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)
echo "== machine: $(nproc) cores, $cpu, $ram RAM; $(uname -sr); $(rustc --version)"
echo "== referat $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $runs run(s) per corpus, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   (wall times are only meaningful on an otherwise idle machine; CPU seconds are steadier)"

# Runs a command under GNU time; sets $wall (seconds), $rss (MB), $cpu_pct, $cpu_s and $out (its stdout).
# Puts the machine in the same state before each fresh build: dirty pages written, and where
# allowed (root) the page cache dropped and the input read back into it. Without this, each build
# of 20,000 meetings (2 GB written) left the next one a fuller cache to reclaim from: one bench's
# three runs took 8.97, 12.2 and 10.4 s.
settle() {
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then
    echo 3 > /proc/sys/vm/drop_caches
    find "$1" -type f -exec cat {} + > /dev/null
  fi
}

timed() {
  local log=$tmp/time.log t0
  t0=$(date +%s%N)
  out=$(/usr/bin/time -v -o "$log" "$@") || {
    echo "FAILED ($(grep -m1 -E 'exited with|terminated by' "$log" || echo 'no status')): $*" >&2
    return 1
  }
  # GNU time rounds wall time to 10 ms; the clock around it is precise enough for sub-second builds.
  wall=$(awk -v t0="$t0" -v t1="$(date +%s%N)" 'BEGIN {printf "%.3f", (t1 - t0) / 1e9}')
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  cpu_pct=$(awk -F': ' '/Percent of CPU/ {print $2}' "$log")
  # CPU seconds (user + system): on a busy machine this is the steadier figure; on an idle one
  # with N cores the wall time cannot be below cpu_s / N.
  cpu_s=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$log")
}

declare -A row tail_row

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
max() { printf '%s\n' "$@" | sort -g | tail -1; }
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1e6}'; }
per_s() { awk -v n="$1" -v s="$2" 'BEGIN {printf "%.0f", (s > 0 ? n / s : 0)}'; }

# Edits one meeting the way a clerk would: a sentence added below the case number of item 1 (open,
# since the generator puts closed items last), so the meeting's page and index really change.
edit_one() {
  local f
  f=$(find "$1" -type f -name '*.txt' | sort | awk 'NR == 100 || NR == 1 {f = $0} END {print f}')
  awk -v note="Rettelse tilføjet $(date +%s%N)." '
    {print}
    state == 0 && /Punkt 1:/ {state = 1; next}
    state == 1 && NF {print ""; print note; state = 2}' "$f" >"$f.edit" && mv "$f.edit" "$f"
  echo "$f"
}

table=("| meetings | items | input MB | build s (wall) | CPU s (user+sys) | meetings/s | pages | pages/s | output MB | max RSS MB | without search index: s wall / s CPU | search index share of CPU | serve: pages after 1 edit s | serve: search index after it s | build again after 1 edit s | cp -r s | load avg |"
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")

for n in "${sizes[@]}"; do
  content=$tmp/content-$n
  echo
  echo "== corpus of $n meetings"
  "$gen" "$n" "$content" --seed 1
  input=$(du -sb "$content" | cut -f1)

  timed cp -r "$content" "$tmp/copy-$n"
  cp_wall=$wall

  walls=() rsss=() cpus=() nwalls=() ncpus=()
  load=$(cut -d' ' -f1 /proc/loadavg)
  for r in $(seq "$runs"); do
    # A new folder per run, and nothing is deleted until the end: when ext4 allocates an inode it
    # skips every inode freed in the last 60 s (checking each one's deletion time), so a build
    # right after `rm -rf` of an earlier site spends seconds in the kernel (perf: recently_deleted,
    # find_get_block_common); 2,000 meetings measured 0.5 s system time fresh, 1.7-6 s after deletions.
    site=$tmp/site-$n-$r
    settle "$content"
    timed "$referat" build --content "$content" --output "$site"
    echo "   run $r: ${wall}s wall, ${cpu_s}s CPU ($cpu_pct), ${rss} MB max RSS: $out"
    walls+=("$wall") rsss+=("$rss") cpus+=("$cpu_s")
    # The same build without the search index (a hidden flag for this): what the index costs.
    # Run in turn with the indexed builds, so both meet the same state of the machine (3 runs of
    # 20,000 meetings write 6 GB): as a block after the indexed runs, the builds without the index
    # measured 12.7 s CPU in one bench and 15.2 s in the next, making the index 26 % or 10 %.
    out_indexed=$out
    settle "$content"
    timed "$referat" build --content "$content" --output "$tmp/no-index-$n-$r" --no-search-index
    echo "   run $r without the search index: ${wall}s wall, ${cpu_s}s CPU"
    nwalls+=("$wall") ncpus+=("$cpu_s")
    out=$out_indexed
  done
  wall=$(median "${walls[@]}") rss=$(max "${rsss[@]}") cpu_s=$(median "${cpus[@]}")
  items=$(sed -n 's/.*(\([0-9]*\) agenda items).*/\1/p' <<<"$out")
  pages=$(find "$site" -name '*.html' | wc -l)
  files=$(find "$site" -type f | wc -l)
  output=$(du -sb "$site" | cut -f1)

  no_index_wall=$(median "${nwalls[@]}") no_index_cpu=$(median "${ncpus[@]}")
  wall=$(median "${walls[@]}") rss=$(max "${rsss[@]}") cpu_s=$(median "${cpus[@]}")
  index_share=$(awk -v a="$cpu_s" -v b="$no_index_cpu" 'BEGIN {printf "%.0f%%", (a > 0 ? 100 * (a - b) / a : 0)}')
  echo "   without the search index: ${no_index_wall}s wall, ${no_index_cpu}s CPU: the index is $index_share of the build's CPU"

  echo "   => $n meetings, $items items, $(mb "$input") MB input: ${wall}s, $(per_s "$n" "$wall") meetings/s," \
    "$pages HTML pages ($files files), $(per_s "$pages" "$wall") pages/s, $(mb "$output") MB output, ${rss} MB max RSS; cp -r ${cp_wall}s"
  row[$n]="| $n | $items | $(mb "$input") | $wall | $cpu_s | $(per_s "$n" "$wall") | $pages | $(per_s "$pages" "$wall") | $(mb "$output") | ${rss} | $no_index_wall / $no_index_cpu | $index_share"
  tail_row[$n]="| $cp_wall | $load |"
done

# What deletes files comes last, after every fresh build was measured: the rebuild replaces a site
# and the serve benchmark removes its own, and ext4 here makes the next builds pay for freed inodes.
for n in "${sizes[@]}"; do
  content=$tmp/content-$n site=$tmp/site-$n-$runs
  echo
  echo "== rebuilds, $n meetings"
  # `referat build` again after one meeting changed: the full rebuild a clerk runs.
  edited=$(edit_one "$content")
  t0=$(date +%s%N)
  timed "$referat" build --content "$content" --output "$site"
  rebuild=$wall
  echo "   referat build again after editing ${edited#"$content"/}: ${rebuild}s wall, ${cpu_s}s CPU, ${rss} MB max RSS"
  # The replaced site is removed by a background process after the command returns; wait for it,
  # so that its disk work is not charged to what follows, and say how long it took.
  while compgen -G "$(dirname "$site")/.$(basename "$site").old-*" >/dev/null; do sleep 0.05; done
  removed=$(awk -v t0="$t0" -v t1="$(date +%s%N)" 'BEGIN {printf "%.3f", (t1 - t0) / 1e9}')
  echo "   the replaced site was gone ${removed}s after the rebuild started (removed in the background)"

  # serve's path: a long-lived Session rebuilds only what one edited meeting affects.
  session=$(cargo bench --quiet --bench build -- "$content" 0 2>&1) || { echo "$session" >&2; exit 1; }
  echo "$session" | sed 's/^/   /'
  incremental=$(sed -n 's/^session, rebuild after editing [^:]*: \([0-9]*\) ms.*/\1/p' <<<"$session")
  incremental=$(awk -v ms="$incremental" 'BEGIN {printf "%.3f", ms / 1000}')
  refresh=$(sed -n 's/^session, search index refresh: \([0-9]*\) ms.*/\1/p' <<<"$session")
  refresh=$(awk -v ms="${refresh:-0}" 'BEGIN {printf "%.3f", ms / 1000}')

  table+=("${row[$n]} | $incremental | $refresh | $rebuild ${tail_row[$n]}")
done

echo
echo "== summary ($(nproc) cores, $cpu, $ram RAM)"
printf '%s\n' "${table[@]}"
if [ -n "${RESULTS:-}" ]; then
  {
    echo "$(date -u +%Y-%m-%dT%H:%MZ), referat $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $cpu, $ram RAM"
    echo
    printf '%s\n' "${table[@]}"
    echo
  } >>"$RESULTS"
fi
