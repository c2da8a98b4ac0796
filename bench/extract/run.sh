#!/usr/bin/env bash
# Extraction speed against two peers, in frames per second over the whole loop (decode → detect → landmarks →
# align to a 256×256 crop → JPEG crop + PNG mask, model loading excluded), all measured in this run on the same
# clips. Goal: doppel ≥ 2× the faster peer. The peers:
#   python-opencv-haar  bench/extract/haar_peer.py with Debian's python3-opencv: the same Haar cascade and
#                       settings as doppel's (frame ≤ 640 px wide, 1.1, 5, min 40 px), largest face cropped by
#                       cv2.warpAffine around its box (no landmarks), cv2.imencode of crop and elliptical mask.
#   dlib-hog-68         bench/extract/dlib_peer.cpp against Debian's libdlib-dev + libopencv-dev: OpenCV decode,
#                       dlib HOG detector on the frame ≤ 640 px wide (upsample 0), 68-point shape predictor on the
#                       largest face, get_face_chip_details(256, 0.25) + extract_image_chip, cv::imencode.
#                       Compiled here (g++ -O3 -march=x86-64-v2, portable) into ${TMPDIR:-/tmp}/doppel-bench-extract.
# doppel is dev.doppel.faces.ExtractBenchmark, once per detector in DOPPEL_BENCH_DETECTORS (-Dbench.detector=…).
# Every impl runs DOPPEL_BENCH_REPEATS times per clip, the best run counts. Default clips: a GRID speaker
# (360×288, a frontal face in every frame), the openmpf woman in a group and Tears of Steel (a three-quarter face
# with glasses, which Haar mostly misses).
#   bench/extract/run.sh [clip...]     (needs `mvn -B test-compile` first for doppel; the peers run without it)
#   DOPPEL_BENCH_REPEATS=3  DOPPEL_BENCH_DETECTORS="yunet haar"  DOPPEL_BENCH_THREADS=$(nproc)
set -euo pipefail
cd "$(dirname "$0")/../.."
clips=("$@")
[ ${#clips[@]} -gt 0 ] || clips=(../shared/testdata/grid_s2-man-grey-hair_concat6s.mp4
    ../shared/testdata/ccby_woman-smiling-group_openmpf-video_01.mp4 ../shared/testdata/tos_scientist-glasses_5s.mp4)
repeats="${DOPPEL_BENCH_REPEATS:-3}"
detectors="${DOPPEL_BENCH_DETECTORS:-yunet haar}"
threads="${DOPPEL_BENCH_THREADS:-$(nproc)}"

missing=()
for pkg in python3-opencv libdlib-dev libopencv-dev; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "the peers need Debian packages that are missing: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
[ -f /usr/share/dlib/shape_predictor_68_face_landmarks.dat ] || {
    echo "the shape predictor is missing: sudo apt-get install -y libdlib-data" >&2; exit 1; }

# Debian's python3-opencv is for Debian's python3, not a pyenv/venv one.
python=/usr/bin/python3
build="${TMPDIR:-/tmp}/doppel-bench-extract"
peer="$build/dlib_peer"
if [ ! -x "$peer" ] || [ bench/extract/dlib_peer.cpp -nt "$peer" ]; then
    mkdir -p "$build"
    echo "building $peer ..." >&2
    # dlib's config.h turns BLAS/LAPACK on; link the runtime libraries (libdlib-dev's dlib-1.pc names the .so
    # links of libblas-dev/liblapack-dev, which it does not pull in).
    g++ -O3 -march=x86-64-v2 -std=c++17 -o "$peer" bench/extract/dlib_peer.cpp $(pkg-config --cflags opencv4) \
        -ldlib -l:libblas.so.3 -l:liblapack.so.3 -lopencv_videoio -lopencv_imgcodecs -lopencv_imgproc -lopencv_core
fi

classpath=
if [ -f target/test-classes/dev/doppel/faces/ExtractBenchmark.class ]; then
    cp_file=$(mktemp)
    mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
    classpath="target/classes:target/test-classes:$(cat "$cp_file")"
    rm -f "$cp_file"
else
    echo "doppel: ExtractBenchmark not compiled (mvn -B test-compile)"
fi

java_env=(OPT_OUT_TRACKING=true OMP_NUM_THREADS="$threads")
# The app's allocator (docker/allocator.sh) for our JVM only, not for the Python detectors it is compared with.
mapfile -t -O "${#java_env[@]}" java_env < <(bash -c 'source docker/allocator.sh; env | grep -E "^(LD_PRELOAD|MALLOC_)"')

for clip in "${clips[@]}"; do
    [ -f "$clip" ] || { echo "no such clip: $clip" >&2; continue; }
    {
        if [ -n "$classpath" ]; then
            for detector in $detectors; do
                for _ in $(seq "$repeats"); do
                    env "${java_env[@]}" java -Dbench.detector="$detector" -Dai.djl.pytorch.num_threads="$threads" \
                        -Dai.djl.pytorch.num_interop_threads=1 -cp "$classpath" \
                        dev.doppel.faces.ExtractBenchmark "$clip" 2>/dev/null | grep '^{' \
                        || echo "doppel-$detector failed on $clip" >&2
                done
            done
        fi
        for _ in $(seq "$repeats"); do
            "$python" bench/extract/haar_peer.py "$clip" || echo "python-opencv-haar failed on $clip" >&2
        done
        for _ in $(seq "$repeats"); do
            "$peer" "$clip" || echo "dlib-hog-68 failed on $clip" >&2
        done
    } | "$python" bench/extract/report.py
done
