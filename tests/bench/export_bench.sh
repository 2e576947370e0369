#!/usr/bin/env bash
# Export of long quizzes (a program to run by hand, not a test): wall time and peak
# memory of `chronicle export` of 1,000 / 10,000 / 100,000 questions from one pack,
# against `export --count 1` (the pack's load alone), so that what the questions cost
# shows apart from the loader.
#   cmake --build build --target chronicle chronicle_bench
#   tests/bench/export_bench.sh [build dir (default build)] [pack (default: a 100,000-event
#       pack made by chronicle_bench)] [runs (default 1)] [counts (default "1 1000 10000 100000")]
# Prints one line a run, counts alternating within each round:
#   export count=N questions=Q seconds=S cpu_seconds=C peak_kib=K bytes=B
# (Q: the questions written, fewer than N when the pack has fewer; S: wall time; C: user
# plus system CPU, steadier on a busy machine; B: the JSON's size.)
set -euo pipefail
build=${1:-build}
pack=${2:-}
runs=${3:-1}
counts=${4:-1 1000 10000 100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$pack" ]; then
    pack=$work/big.json
    "$build/tests/bench/chronicle_bench" 100000 --write="$pack" >/dev/null
fi
for _ in $(seq 1 "$runs"); do
    for count in $counts; do
        /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$build/chronicle" export --pack "$pack" --seed 1 --count "$count" \
            >"$work/quiz.json" 2>"$work/err"
        read -r seconds user system kib <"$work/time"
        questions=$(grep -c '^    {$' "$work/quiz.json" || true)
        echo "export count=$count questions=$questions seconds=$seconds cpu_seconds=$(awk "BEGIN { print $user + $system }") peak_kib=$kib bytes=$(stat -c %s "$work/quiz.json")"
    done
done
