#!/usr/bin/env bash
# Upload benchmark: a generated 1 GiB file is uploaded (multipart, as the browser sends it) to the packaged app
# started with -Xmx256m. Prints the upload speed against the raw disk write speed measured in the same run, and
# the peak heap during the upload against the idle heap: the body streams to disk, so the heap stays flat.
#   bench/upload/run.sh [size-in-MiB]      (default 1024; needs `mvn -B package -DskipTests` first)
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mib="${1:-1024}"
work=$(mktemp -d /tmp/doppel-bench-upload.XXXXXX)
port=$((30000 + RANDOM % 20000))
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }

echo "== generating ${size_mib} MiB of test data"
head -c $((size_mib * 1024 * 1024)) /dev/urandom > "$work/upload.bin"

echo "== baseline: raw write of the same bytes into the data directory's disk"
mkdir -p "$work/data"
sync
t0=$(date +%s.%N)
cp "$work/upload.bin" "$work/data/copy.bin" && sync
t1=$(date +%s.%N)
rm -f "$work/data/copy.bin"
disk_mbs=$(awk -v m="$size_mib" -v a="$t0" -v b="$t1" 'BEGIN {print m / (b - a)}')

echo "== starting the app with -Xmx256m on port $port"
JAVA_OPTS="-Xmx256m" docker/start.sh -Dquarkus.http.port="$port" -Ddoppel.data-dir="$work/data" \
    -Ddoppel.media.max-upload-bytes=$(( (size_mib + 16) * 1024 * 1024 )) \
    -Ddoppel.media.quota-bytes=$(( (size_mib + 64) * 1024 * 1024 )) \
    -Dquarkus.http.limits.max-body-size=$((size_mib + 64))M > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
done
curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { tail -30 "$work/app.log"; exit 1; }

heap() {
    curl -fs "http://127.0.0.1:$port/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f\n", s}'
}
curl -fs -H 'Content-Type: application/json' -d '{"email":"bench@example.test","password":"benchmark password"}' \
    "http://127.0.0.1:$port/api/auth/register" >/dev/null
curl -fs -c "$work/jar" -d 'j_username=bench@example.test&j_password=benchmark password' \
    "http://127.0.0.1:$port/j_security_check" >/dev/null
idle=$(heap)

peak_file="$work/peak"
echo "$idle" > "$peak_file"
(
    while true; do
        h=$(heap || echo 0)
        [ "$h" -gt "$(cat "$peak_file")" ] && echo "$h" > "$peak_file"
        sleep 0.2
    done
) &
sampler=$!

echo "== uploading"
result=$(curl -s -b "$work/jar" -o "$work/response.json" -w '%{http_code} %{time_total} %{speed_upload}' \
    -F consent=true -F "file=@$work/upload.bin;type=video/mp4" "http://127.0.0.1:$port/api/videos")
kill "$sampler" 2>/dev/null || true
read -r status seconds speed <<<"$result"
peak=$(cat "$peak_file")
upload_mbs=$(awk -v s="$speed" 'BEGIN {print s / 1048576}')

echo
echo "server answer          : HTTP $status — $(head -c 200 "$work/response.json")"
echo "  (random bytes are refused as 'not a video' after the whole body is on disk: the upload path is what is measured)"
printf 'upload                 : %d MiB in %.1f s = %.0f MB/s\n' "$size_mib" "$seconds" "$upload_mbs"
printf 'baseline disk write    : %.0f MB/s\n' "$disk_mbs"
awk -v u="$upload_mbs" -v d="$disk_mbs" -v i="$idle" -v p="$peak" 'BEGIN {
    printf "ratio upload / disk    : %.2f\n", u / d
    printf "heap idle              : %.0f MB\n", i / 1048576
    printf "heap peak while upload : %.0f MB (limit 256 MB)\n", p / 1048576
    printf "ratio peak / idle      : %.2f\n", p / i
}'
leftover=$(find "$work/data/tmp" -type f 2>/dev/null | wc -l)
echo "temp files left        : $leftover"
