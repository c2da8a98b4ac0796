#!/usr/bin/env bash
# Regenerates src/test/resources/faces/dlib-reference.json: dlib's own boxes and 68 landmarks for the still
# images in ../shared/testdata. Needs Debian's libdlib-dev and libdlib-data:
#   apt-get install -y libdlib-dev libdlib-data && src/test/cpp/dlib-reference/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
testdata="${DOPPEL_TESTDATA:-$root/../shared/testdata}"
model="${DOPPEL_DLIB_MODEL:-/usr/share/dlib/shape_predictor_68_face_landmarks.dat}"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
# libdlib needs BLAS and LAPACK named on the link line; Debian ships their runtime libraries only.
g++ -O2 -std=c++14 -o "$build/dlib_reference" "$here/dlib_reference.cpp" -ldlib -lpthread \
    /lib/x86_64-linux-gnu/libblas.so.3 /lib/x86_64-linux-gnu/liblapack.so.3
"$build/dlib_reference" "$model" \
    "$testdata/nasa_astronaut-eileen-collins.png" \
    "$testdata/pixabay_two-women-glasses.jpg" \
    "$testdata/ccby_runners-race.jpg" \
    > "$root/src/test/resources/faces/dlib-reference.json"
echo "wrote src/test/resources/faces/dlib-reference.json"
