#!/usr/bin/env bash
# Sharing one GPU: a simulated day of three accounts' trainings and swaps, scheduled by plain first-come-first-
# served and by the product's scheduler (the same FairTurns code the queue's claim and the workers' turn checks
# use: interactive work first, fair turns by recent use, trainings handing over their turn after a slice), in
# the same run. Each hand-over costs what this machine measures first: saving a training's checkpoint and, at its
# next turn, building the trainer, reading it back and warming up (HandoverBenchmark, `original` preset by
# default). Prints p50 / p95 waits for swaps and trainings and the GPU's busy time under both.
#   bench/queue/run.sh [slice-minutes] [batch-turn-minutes] [fair-window-minutes] [preset] [seed]
# (needs `mvn -B test-compile` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d target/test-classes ] || { echo "compile first: mvn -B test-compile" >&2; exit 1; }
slice="${1:-10}"; batch_turn="${2:-30}"; window="${3:-60}"; preset="${4:-original}"; seed="${5:-7}"

cp_file=$(mktemp)
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
classpath="target/classes:target/test-classes:$(cat "$cp_file")"
rm -f "$cp_file"

# shellcheck source=docker/allocator.sh
handover=$(source docker/allocator.sh && OPT_OUT_TRACKING=true \
    java -Dai.djl.offline=true -cp "$classpath" dev.doppel.training.HandoverBenchmark "$preset" 2>/dev/null | grep '^{')
echo "hand-over, measured here: $handover"
seconds=$(echo "$handover" | sed -E 's/.*"handoverSeconds": ([0-9.]+).*/\1/')
java -cp "$classpath" dev.doppel.jobs.QueueBenchmark "$slice" "$batch_turn" "$window" "$seconds" "$seed"
