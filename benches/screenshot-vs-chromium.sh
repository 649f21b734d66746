#!/usr/bin/env bash
# Whole-process time to screenshot a simple page: `roundabout run --screenshot` vs
# Debian's headless Chromium `--screenshot`, same page, same viewport, runs
# interleaved in one session; prints medians and the ratio.
#
#   benches/screenshot-vs-chromium.sh [RUNS] [PAGE]
#
# Needs a release build (cargo build --release -p roundabout) and `chromium`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
page=$(realpath "${2:-tests/render/fixtures/text-inline-spans.html}")
bin=target/release/roundabout
[ -x "$bin" ] || { echo "build first: cargo build --release -p roundabout" >&2; exit 2; }
command -v chromium >/dev/null || { echo "chromium is not installed" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

now() { date +%s.%N; }
ours=() theirs=()
for i in $(seq "$runs"); do
  t0=$(now)
  "$bin" run "$page" --viewport 400x300 --screenshot "$out/ours.png" >/dev/null
  t1=$(now)
  chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --window-size=400,300 \
    --screenshot="$out/chromium.png" "file://$page" >/dev/null 2>&1
  t2=$(now)
  ours+=("$(echo "$t1 - $t0" | bc -l)")
  theirs+=("$(echo "$t2 - $t1" | bc -l)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
m_ours=$(median "${ours[@]}")
m_theirs=$(median "${theirs[@]}")
printf 'page: %s (400x300), %s runs each, interleaved\n' "${page#"$PWD"/}" "$runs"
printf 'roundabout run --screenshot : median %.3f s\n' "$m_ours"
printf 'chromium --screenshot       : median %.3f s\n' "$m_theirs"
printf 'ratio (roundabout / chromium): %.3f\n' "$(echo "$m_ours / $m_theirs" | bc -l)"
