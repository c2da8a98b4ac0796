#!/usr/bin/env bash
# Starts the packaged app, the same way on a laptop and in the container image: jemalloc (allocator.sh), the session
# key, DJL offline.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app="${DOPPEL_APP_DIR:-$here/../target/quarkus-app}"

if [ ! -f "$app/quarkus-run.jar" ]; then
    echo "No packaged app in $app: build it first with 'mvn -B package -DskipTests'." >&2
    exit 1
fi

# shellcheck source=docker/allocator.sh
source "$here/allocator.sh"
# Session cookies are encrypted with this key; without a fixed one every restart would sign everyone out. The
# embedded default keeps a random key in its data directory. Several web nodes share one key: set
# QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY for all of them instead.
if [ -z "${QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY:-}" ]; then
    data_dir="${DOPPEL_DATA_DIR:-./data}"
    for arg in "$@"; do
        case "$arg" in -Ddoppel.data-dir=*) data_dir="${arg#-Ddoppel.data-dir=}" ;; esac
    done
    key_file="$data_dir/secrets/session.key"
    if [ ! -s "$key_file" ]; then
        mkdir -p "$(dirname "$key_file")"
        # Several processes may start at once on a fresh data directory: each writes its own candidate, and a
        # hard link (which fails when the name exists) lets exactly one of them become the key.
        tmp="$key_file.tmp.$$"
        (umask 077 && head -c 32 /dev/urandom | base64 > "$tmp")
        ln "$tmp" "$key_file" 2>/dev/null || true
        rm -f "$tmp"
    fi
    QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY="$(cat "$key_file")"
    export QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY
fi

# DJL must never download natives nor phone home.
export OPT_OUT_TRACKING="${OPT_OUT_TRACKING:-true}"

# shellcheck disable=SC2086
# Arguments are JVM options, typically -Dkey=value overrides of application.properties.
exec java ${JAVA_OPTS:-} -Dai.djl.offline=true "$@" -jar "$app/quarkus-run.jar"
