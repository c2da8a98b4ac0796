#!/usr/bin/env bash
# Swap speed: end-to-end frames per second of the swap with the default settings and the lite preset, split
# into decode / detect + landmarks / inference / blend / encode, against a plain decode → encode of the same
# clip and against the detector on every frame, all measured in this run. Goal: 25 fps (real time) on 2 cores.
# Two clips by default: a GRID speaker (360×288, 25 fps, 6 s, a frontal face throughout — the footage the
# product is for) and Tears of Steel (640×360, 24 fps, 5 s, a three-quarter face with glasses in front of a
# busy set, which the Haar cascade mostly misses: the cost of looking for faces that are hard to find).
#   bench/swap/run.sh [clip] [preset] [repeats]     (needs `mvn -B test-compile` first)
#   DOPPEL_BENCH_SHEET=/tmp/sheet.png bench/swap/run.sh   also writes four swapped frames side by side
set -euo pipefail
cd "$(dirname "$0")/../.."
clips="${1:-../shared/testdata/grid_s2-man-grey-hair_concat6s.mp4 ../shared/testdata/tos_scientist-glasses_5s.mp4}"
preset="${2:-lite}"
repeats="${3:-2}"
threads="${DOPPEL_BENCH_THREADS:-$(nproc)}"

[ -d target/test-classes ] || { echo "compile first: mvn -B test-compile" >&2; exit 1; }
cp_file=$(mktemp)
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
classpath="target/classes:target/test-classes:$(cat "$cp_file")"
rm -f "$cp_file"

# shellcheck source=docker/allocator.sh
source docker/allocator.sh
export OPT_OUT_TRACKING=true OMP_NUM_THREADS="$threads"
for clip in $clips; do
    java ${DOPPEL_BENCH_SHEET:+-Dswap.sheet=$DOPPEL_BENCH_SHEET} -Dai.djl.pytorch.num_threads="$threads" \
        -Dai.djl.pytorch.num_interop_threads=1 -cp "$classpath" \
        dev.doppel.swap.SwapBenchmark "$clip" "$preset" "$repeats" 2>/dev/null | grep '^{' | python3 bench/swap/report.py
done
