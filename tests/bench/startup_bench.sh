#!/usr/bin/env bash
# Start-up with big packs in the user's folder (a program to run by hand, not a test):
# the time to the first frame and the peak memory with ten 100,000-event packs, with no
# index cache (cold) and with one (warm), against the bundled pack alone; as ratios.
#   cmake --build build --target chronicle_bench chronicle_ui_bench
#   tests/bench/startup_bench.sh [build dir (default build)] [packs (default 10)] [events (default 100000)]
# Headless (SDL_VIDEODRIVER=dummy) unless DISPLAY is set.
set -euo pipefail
build=${1:-build}
packs=${2:-10}
events=${3:-100000}
bench=$build/tests/bench/chronicle_bench
ui_bench=$build/tests/bench/chronicle_ui_bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "${DISPLAY:-}" ] || export SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software
export SDL_AUDIODRIVER=dummy

mkdir -p "$work/bundled-only/packs" "$work/big/packs"
for i in $(seq 1 "$packs"); do "$bench" "$events" --write="$work/big/packs/big-$i.json" >/dev/null; done
echo "# $packs packs of $events events: $(du -sh "$work/big/packs" | cut -f1)"

# Runs the game to its first frame (and until every pack is indexed) in data folder $1.
run() {
    CHRONICLE_DATA_DIR="$1" /usr/bin/time -f "%e %M" -o "$work/time" "$ui_bench" 0 >"$work/out"
    first=$(sed -n 's/^first_frame_ms=//p' "$work/out")
    loaded=$(sed -n 's/^all_loaded_ms=//p' "$work/out")
    read -r wall kib <"$work/time"
    echo "$first $loaded $wall $kib"
}

run "$work/bundled-only" >/dev/null # the bundled pack's index, and warm disk caches
read -r base_first base_loaded base_wall base_kib < <(run "$work/bundled-only")
read -r cold_first cold_loaded cold_wall cold_kib < <(run "$work/big")
read -r warm_first warm_loaded warm_wall warm_kib < <(run "$work/big")
rm "$work/big/pack-index.json"
read -r cold2_first cold2_loaded cold2_wall cold2_kib < <(run "$work/big")

printf '# %-22s %14s %16s %10s %12s\n' case first_frame_ms all_indexed_ms wall_s peak_KiB
printf '# %-22s %14s %16s %10s %12s\n' "bundled pack only" "$base_first" "$base_loaded" "$base_wall" "$base_kib"
printf '# %-22s %14s %16s %10s %12s\n' "big packs, cold" "$cold_first" "$cold_loaded" "$cold_wall" "$cold_kib"
printf '# %-22s %14s %16s %10s %12s\n' "big packs, warm" "$warm_first" "$warm_loaded" "$warm_wall" "$warm_kib"
printf '# %-22s %14s %16s %10s %12s\n' "big packs, cold again" "$cold2_first" "$cold2_loaded" "$cold2_wall" "$cold2_kib"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "first_frame_ratio_cold=$(ratio "$cold_first" "$base_first")"
echo "first_frame_ratio_warm=$(ratio "$warm_first" "$base_first")"
echo "peak_memory_ratio_cold=$(ratio "$cold_kib" "$base_kib")"
echo "peak_memory_ratio_warm=$(ratio "$warm_kib" "$base_kib")"
