#!/usr/bin/env bash
# Runs every libFuzzer target of a build (CHRONICLE_FUZZ=ON) for SECONDS each, starting
# from its seed corpus in tests/fuzz/corpus/<target without fuzz_>. New inputs go to a
# scratch folder, so the repository's corpus stays small.
# Usage: scripts/fuzz.sh BUILD_DIR [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
shopt -s nullglob
targets=("$build"/tests/fuzz/fuzz_*)
[ ${#targets[@]} -gt 0 ] || { echo "no fuzz targets in $build/tests/fuzz (configure with -DCHRONICLE_FUZZ=ON)" >&2; exit 1; }
for target in "${targets[@]}"; do
    name=$(basename "$target")
    seeds=tests/fuzz/corpus/${name#fuzz_}
    scratch=$(mktemp -d)
    echo "== $name for ${seconds}s (seeds: $seeds)"
    "$target" -max_total_time="$seconds" -dict="tests/fuzz/${name#fuzz_}.dict" -print_final_stats=1 \
        -artifact_prefix="$build/" "$scratch" "$seeds"
    rm -rf "$scratch"
done
