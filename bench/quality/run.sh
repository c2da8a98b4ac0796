#!/usr/bin/env bash
# Quality against training time, as a user gets it: starts the packaged app on the embedded default (a fresh H2
# database and data folder in /tmp), signs up, uploads a clip of A and a clip of B (two GRID speakers), and for
# each preset trains for MINUTES of wall time, stopping every EVERY minutes to swap the clip of A and read the
# result's quality report (loss, held-out SSIM of each decoder, the identity figure with its two controls,
# flicker). The last preset, `baseline`, is lite as it was before issue 16 (full width, a fixed learning rate of
# 5e-5, random warp throughout) written out here, so that lite is measured against it in the same run.
# bench/quality/presets/ holds recipes tried and not shipped (lite-warm: a 5e-4 peak, eyes and mouth x3, ICNR;
# lite-half*: the half-width steps towards today's lite).
#   bench/quality/run.sh [minutes] [every] [presets]    defaults: 15 3 lite,baseline
#   DOPPEL_BENCH_PRESETS=dir   adds the presets in dir (NAME.json), to try a recipe without shipping it
#   DOPPEL_BENCH_CLIPS="a.mp4 b.mp4"   other clips (A is swapped; B is the face it should get)
# Needs the packaged app (`mvn -B package -DskipTests`); takes about (MINUTES + 2) per preset, plus 2 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes="${1:-15}"
every="${2:-3}"
presets="${3:-lite,baseline}"
read -r clip_a clip_b <<< "${DOPPEL_BENCH_CLIPS:-../shared/testdata/grid_man-light-shirt_sbwe5n.mp4 ../shared/testdata/grid_woman-green-top_lrwp9a.mp4}"

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "package first: mvn -B package -DskipTests" >&2; exit 1; }
work=$(mktemp -d /tmp/doppel-quality.XXXXXX)
mkdir -p "$work/presets"
cp bench/quality/presets/*.json "$work/presets/"
[ -n "${DOPPEL_BENCH_PRESETS:-}" ] && cp "$DOPPEL_BENCH_PRESETS"/*.json "$work/presets/"
cat > "$work/presets/baseline.json" <<'JSON'
{
  "name": "baseline",
  "description": "lite before issue 16: full width, fixed learning rate, random warp throughout",
  "inputSize": 64,
  "encoderFilters": [64, 128, 256, 512],
  "denseSize": 512,
  "batchSize": 16,
  "learningRate": 5e-5,
  "loss": "mae"
}
JSON
port=$((20000 + RANDOM % 20000))
DOPPEL_HTTP_SECURE_COOKIES=false docker/start.sh -Dquarkus.http.port=$port -Ddoppel.data-dir="$work/data" \
    -Ddoppel.training.presets-dir="$work/presets" -Ddoppel.limits.train.count=1000 \
    -Ddoppel.limits.swap.count=1000 > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
echo "app log and data: $work"
python3 bench/quality/quality.py --base "http://127.0.0.1:$port" --clip-a "$clip_a" --clip-b "$clip_b" \
    --minutes "$minutes" --every "$every" --presets "$presets"
