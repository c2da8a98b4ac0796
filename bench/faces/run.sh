#!/usr/bin/env bash
# The face check (YuNet on each aligned crop) on the test clips, with extraction's default settings: per clip
# the faces the Haar cascade found, how many pass the check, the lowest passing and highest failing score, ms per
# face. What doppel.faces.verification.min-score was chosen from.
#   bench/faces/run.sh [every-nth-frame] [min-score] [clip...]     (needs `mvn -B test-compile` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
nth="${1:-1}"
min="${2:-0.8}"
shift $(( $# < 2 ? $# : 2 ))
clips=("$@")
[ ${#clips[@]} -gt 0 ] || clips=(../shared/testdata/*.mp4)

[ -d target/test-classes ] || { echo "compile first: mvn -B test-compile" >&2; exit 1; }
cp_file=$(mktemp)
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
classpath="target/classes:target/test-classes:$(cat "$cp_file")"
rm -f "$cp_file"
java -cp "$classpath" dev.doppel.faces.verify.FaceCheckBenchmark "$nth" "$min" "${clips[@]}" 2>/dev/null | grep '^{'
