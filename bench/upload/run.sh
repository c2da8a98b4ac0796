#!/usr/bin/env bash
# Upload benchmark: a generated video (raw frames of random bytes in Matroska, valid for the probe, ~size MiB) is
# uploaded (multipart, as the browser sends it) to the packaged app started with -Xmx256m; the peak heap during the
# upload is compared with the idle heap: the body streams to disk and on into the store, so the heap stays flat.
#
#   bench/upload/run.sh [size-in-MiB] [local|s3]     (default 1024 local)
#
# local: doppel.storage=local; the upload rate against a raw write of the same bytes to the same disk.
# s3:    doppel.storage=s3 against s3proxy (target/s3proxy, filesystem store, signatures checked); the upload rate
#        through the web node (whole request: body to the node's temp file, probe, then into the bucket) against the
#        same file put directly with the AWS SDK v2 (one putObject with RequestBody.fromFile, the plain client way),
#        measured before and after the web upload in the same run (goal: ratio >= 0.8). Also printed, for where the
#        time goes: the SDK's own multipart with the store's part size, and S3BlobStore.adopt alone (no web node).
#        The object must land in the bucket with the file's size, and no multipart upload may be left pending.
#
# Needs `mvn -B package -DskipTests` (the app, s3proxy and the test classes) first. The app serves only the gpu
# job lane here, so no thumbnail job reads the video back while the baselines are measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mib="${1:-1024}"
mode="${2:-local}"
case "$mode" in local|s3) ;; *) echo "mode must be local or s3" >&2; exit 2 ;; esac
work=$(mktemp -d /tmp/doppel-bench-upload.XXXXXX)
port=$((30000 + RANDOM % 20000))
s3_port=$((port + 1))
app_pid=""
s3_pid=""
sampler=""
cleanup() {
    [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    [ -n "$s3_pid" ] && kill "$s3_pid" 2>/dev/null && wait "$s3_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

app_dir="${DOPPEL_APP_DIR:-target/quarkus-app}" # docker/start.sh starts the app found there
[ -f "$app_dir/quarkus-run.jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 1; }

# --- a valid video of about size_mib: 1280x720 yuv420p raw frames of random bytes, stream-copied into Matroska
# (25 fps: 1 GiB is 777 frames, 31 s; no encoding, so it takes seconds). FFmpeg: the one on the PATH, else the
# executable inside the JavaCV FFmpeg jar the app ships.
ffmpeg_bin=$(command -v ffmpeg || true)
if [ -z "$ffmpeg_bin" ]; then
    jar=$(ls "$app_dir"/lib/main/org.bytedeco.ffmpeg-*-linux-x86_64*.jar 2>/dev/null | head -1)
    [ -n "$jar" ] || jar=$(ls ~/.m2/repository/org/bytedeco/ffmpeg/*/ffmpeg-*-linux-x86_64-gpl.jar | head -1)
    mkdir -p "$work/ffmpeg"
    jar=$(realpath "$jar")
    (cd "$work/ffmpeg" && unzip -q -o "$jar" 'org/bytedeco/ffmpeg/linux-x86_64*/*')
    dir=$(dirname "$(ls "$work"/ffmpeg/org/bytedeco/ffmpeg/linux-x86_64*/ffmpeg)")
    chmod +x "$dir/ffmpeg"
    ffmpeg_bin="$dir/ffmpeg"
    export LD_LIBRARY_PATH="$dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
frame=$((1280 * 720 * 3 / 2))
frames=$(( (size_mib * 1024 * 1024 + frame - 1) / frame ))
[ "$frames" -ge 2 ] || frames=2
echo "== generating a ${size_mib} MiB video ($frames raw 1280x720 frames of random bytes, Matroska)"
video="$work/upload.mkv"
head -c $((frames * frame)) /dev/urandom | "$ffmpeg_bin" -v error -nostdin -f rawvideo -pix_fmt yuv420p \
    -video_size 1280x720 -framerate 25 -i - -c:v copy -f matroska "$video"
unset LD_LIBRARY_PATH
bytes=$(stat -c %s "$video")
mib=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1048576}')
rate() { awk -v b="$bytes" -v s="$1" 'BEGIN {printf "%.0f", b / 1048576 / s}'; }

mkdir -p "$work/data"
app_opts=()
if [ "$mode" = local ]; then
    echo "== baseline: raw write of the same bytes into the data directory's disk"
    sync
    t0=$(date +%s.%N)
    cp "$video" "$work/data/copy.bin" && sync
    t1=$(date +%s.%N)
    rm -f "$work/data/copy.bin"
    base_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
else
    [ -f target/s3proxy/s3proxy.jar ] && [ -f target/test-classes/dev/doppel/storage/S3PutBenchmark.class ] \
        || { echo "build first: mvn -B package -DskipTests (s3proxy and test classes)" >&2; exit 1; }
    cp_file=target/bench-classpath.txt
    if [ ! -s "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
        mvn -B -ntp -o -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
    fi
    bench_cp="target/test-classes:target/classes:$(cat "$cp_file")"
    s3bench() {
        java -Xmx256m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$bench_cp" \
            dev.doppel.storage.S3PutBenchmark "$@"
    }

    echo "== starting s3proxy on port $s3_port (filesystem store in $work/s3)"
    mkdir -p "$work/s3/buckets"
    cat > "$work/s3/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=doppel-test
s3proxy.credential=doppel-test-secret
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$work/s3/buckets
EOF
    java -Xmx256m -jar target/s3proxy/s3proxy.jar --properties "$work/s3/s3proxy.conf" > "$work/s3/s3proxy.log" 2>&1 &
    s3_pid=$!
    endpoint="http://127.0.0.1:$s3_port"
    for _ in $(seq 1 120); do
        curl -s -o /dev/null "$endpoint/" && break
        sleep 0.5
    done
    curl -s -o /dev/null "$endpoint/" || { tail -30 "$work/s3/s3proxy.log"; exit 1; }
    bucket="doppel-bench"
    s3bench bucket "$endpoint" "$bucket"
    part_size=16777216
    app_opts=(-Ddoppel.storage=s3 -Ddoppel.storage.s3.bucket="$bucket" -Ddoppel.storage.s3.part-size="$part_size"
        -Dquarkus.s3.endpoint-override="$endpoint" -Dquarkus.s3.aws.region=us-east-1
        -Dquarkus.s3.aws.credentials.type=static
        -Dquarkus.s3.aws.credentials.static-provider.access-key-id=doppel-test
        -Dquarkus.s3.aws.credentials.static-provider.secret-access-key=doppel-test-secret)
fi

echo "== starting the app with -Xmx256m on port $port (doppel.storage=$mode)"
JAVA_OPTS="-Xmx256m" docker/start.sh -Dquarkus.http.port="$port" -Ddoppel.data-dir="$work/data" \
    -Ddoppel.jobs.lanes=gpu \
    -Ddoppel.media.max-upload-bytes=$(( (size_mib + 16) * 1024 * 1024 )) \
    -Ddoppel.media.quota-bytes=$(( (size_mib + 64) * 1024 * 1024 )) \
    -Dquarkus.http.limits.max-body-size=$((size_mib + 64))M "${app_opts[@]}" > "$work/app.log" 2>&1 &
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

direct() { # the baseline, one putObject from the file; prints seconds, remembers the key
    sync
    local out
    out=$(s3bench direct "$endpoint" "$bucket" "$video")
    echo "${out%% *}"
    echo "${out#* }" >> "$work/other-keys"
}
: > "$work/other-keys"
if [ "$mode" = s3 ]; then
    echo "== baseline 1/2: the same file put directly with the SDK (putObject, RequestBody.fromFile)"
    direct_1=$(direct)
fi

sleep 2
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

echo "== uploading through the web node"
sync
result=$(curl -s -b "$work/jar" -o "$work/response.json" -w '%{http_code} %{time_total}' \
    -F consent=true -F "file=@$video;type=video/x-matroska" "http://127.0.0.1:$port/api/videos")
kill "$sampler" 2>/dev/null || true
sampler=""
read -r status seconds <<<"$result"
peak=$(cat "$peak_file")

if [ "$mode" = s3 ]; then
    echo "== baseline 2/2: direct SDK put again"
    direct_2=$(direct)
    echo "== for where the time goes: the SDK's multipart, S3BlobStore.adopt and S3BlobStore.put(stream), without the web node"
    timed() { # prints seconds, remembers the key
        sync
        local out
        out=$(s3bench "$@")
        echo "${out#* }" >> "$work/other-keys"
        echo "${out%% *}"
    }
    sdk_mp=$(timed sdk-multipart "$endpoint" "$bucket" "$video" "$part_size")
    store_s=$(timed store "$endpoint" "$bucket" "$video" "$part_size")
    stream_s=$(timed store-stream "$endpoint" "$bucket" "$video" "$part_size")
    s3bench check "$endpoint" "$bucket" > "$work/objects"
fi

echo
echo "server answer            : HTTP $status — $(head -c 160 "$work/response.json")"
printf 'upload through web node  : %s MiB in %.1f s = %s MB/s\n' "$mib" "$seconds" "$(rate "$seconds")"
if [ "$mode" = local ]; then
    printf 'baseline disk write      : %s MB/s\n' "$(rate "$base_s")"
    awk -v u="$seconds" -v d="$base_s" 'BEGIN {printf "ratio upload / disk      : %.2f\n", d / u}'
else
    base_s=$(awk -v a="$direct_1" -v b="$direct_2" 'BEGIN {print (a + b) / 2}')
    printf 'direct SDK putObject     : %s MB/s (before %s, after %s MB/s)\n' "$(rate "$base_s")" "$(rate "$direct_1")" "$(rate "$direct_2")"
    awk -v u="$seconds" -v d="$base_s" 'BEGIN {printf "ratio web node / direct  : %.2f (goal >= 0.80)\n", d / u}'
    awk -v u="$seconds" -v d="$sdk_mp" 'BEGIN {printf "ratio web node / SDK multipart: %.2f\n", d / u}'
    echo "where the time goes, each alone (no web node):"
    printf '  direct SDK multipart   : %s MB/s in %.1f s (%s-byte parts, one after another, from the file)\n' \
        "$(rate "$sdk_mp")" "$sdk_mp" "$part_size"
    printf '  S3BlobStore.adopt      : %s MB/s in %.1f s (what the web node does after the probe; the rest of its\n' \
        "$(rate "$store_s")" "$store_s"
    printf '                           %.1f s is the body to its temp file and the probe)\n' "$seconds"
    printf '  S3BlobStore.put(stream): %s MB/s in %.1f s (unknown length: parts buffered, one after another)\n' \
        "$(rate "$stream_s")" "$stream_s"
    landed=$(grep -v -F -f "$work/other-keys" "$work/objects" | grep -v '^pending-uploads' || true)
    printf 'object in the bucket     : %s\n' "${landed:-NONE}"
    if [ "$(echo "$landed" | awk 'NF == 2 {print $2}')" = "$bytes" ]; then
        echo "                           size matches the file ($bytes bytes)"
    else
        echo "                           WRONG: expected one object of $bytes bytes"
    fi
    printf 'multipart uploads pending: %s\n' "$(awk '/^pending-uploads/ {print $2}' "$work/objects")"
fi
awk -v i="$idle" -v p="$peak" 'BEGIN {
    printf "heap idle                : %.0f MB\n", i / 1048576
    printf "heap peak while upload   : %.0f MB (limit 256 MB)\n", p / 1048576
    printf "ratio peak / idle        : %.2f\n", p / i
}'
leftover=$(find "$work/data/tmp" -type f 2>/dev/null | wc -l)
echo "temp files left          : $leftover"
