# Sourced (not run) by docker/start.sh and the benchmarks: the native allocator every Doppel JVM trains on.
# libtorch allocates and frees hundreds of MB per training step; glibc's malloc hands that back to the kernel each
# time and makes training 3-4x slower, so jemalloc is preloaded when the machine has it (Debian: libjemalloc2),
# else glibc is tuned. A MALLOC_CONF already set wins.
#
# jemalloc: freed pages are kept, never handed back (decay -1), which is what makes it fast. Kept pages coalesce
# into ever larger free runs, though, and by default jemalloc will not cut a request out of a free run more than
# 64 times its size (lg_extent_max_active_fit:6): DSSIM's backward, whose requests are at most 5 MB, met only free
# runs of 100-235 MB, could use none of them and mapped fresh memory at every step (`lite` with DSSIM: 3.0 GB after
# 300 steps and growing by ~1 GB per 100; the app was OOM-killed). Letting any free run be cut (fit 2^30) bounds it
# (1.4 GB, flat from step ~450 to 1,200) and is no slower (lite with DSSIM, 150 steps: 30.8 s against 32.9;
# original, 20: 51 s against 50; hq, 60: 302 s against 311). TrainingMemoryTests holds it.
doppel_jemalloc=""
for candidate in /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 /usr/lib64/libjemalloc.so.2 /usr/lib/libjemalloc.so.2; do
    if [ -f "$candidate" ]; then doppel_jemalloc=$candidate; break; fi
done
if [ -n "$doppel_jemalloc" ]; then
    export LD_PRELOAD="${LD_PRELOAD:+$LD_PRELOAD:}$doppel_jemalloc"
    export MALLOC_CONF="${MALLOC_CONF:-dirty_decay_ms:-1,muzzy_decay_ms:-1,lg_extent_max_active_fit:30}"
else
    export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
    export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
    export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-4294967296}"
    export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-268435456}"
fi
