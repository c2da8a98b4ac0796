#!/usr/bin/env bash
# Training speed: seconds per iteration of our DJL trainer against the same network, batch and thread count in
# PyTorch-Python (Debian's python3-torch), measured in the same run, for the lite and original presets; and
# the trainer on glibc's default allocator against jemalloc (what docker/start.sh preloads).
#   bench/train/run.sh [iterations]      (needs `mvn -B test-compile` first; installs python3-torch if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
iterations="${1:-10}"
threads="${DOPPEL_BENCH_THREADS:-$(nproc)}"

[ -d target/test-classes ] || { echo "compile first: mvn -B test-compile" >&2; exit 1; }
if ! /usr/bin/python3 -c "import torch" 2>/dev/null; then
    apt-get install -y -qq python3-torch >/dev/null
fi
cp_file=$(mktemp)
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
classpath="target/classes:target/test-classes:$(cat "$cp_file")"
rm -f "$cp_file"

export OPT_OUT_TRACKING=true
trainer() ( # preset, allocator (jemalloc: the app's, docker/allocator.sh | glibc: its defaults)
    # shellcheck source=docker/allocator.sh
    if [ "$2" = jemalloc ]; then source docker/allocator.sh; fi
    OMP_NUM_THREADS="$threads" \
        java -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 -cp "$classpath" \
        dev.doppel.training.TrainBenchmark "$1" "$iterations" 2 2>/dev/null | grep '^{'
)
seconds() { sed -E 's/.*"secondsPerIteration": ([0-9.]+).*/\1/'; }
for preset in lite original; do
    djl=$(trainer "$preset" jemalloc)
    py=$(/usr/bin/python3 bench/train/reference.py --preset "$preset" --iterations "$iterations" --warmup 2 \
        --threads "$threads" | grep '^{')
    d=$(echo "$djl" | seconds)
    p=$(echo "$py" | seconds)
    echo "$preset: DJL $d s/iteration, PyTorch-Python $p s/iteration ($threads threads), ratio DJL/PyTorch $(awk -v a="$d" -v b="$p" 'BEGIN {printf "%.2f", a / b}')"
    echo "  $djl"
    echo "  $py"
done
glibc=$(trainer original glibc | seconds)
jem=$(trainer original jemalloc | seconds)
echo "allocator, original: glibc default $glibc s/iteration, jemalloc $jem s/iteration, glibc/jemalloc $(awk -v a="$glibc" -v b="$jem" 'BEGIN {printf "%.2f", a / b}')"
