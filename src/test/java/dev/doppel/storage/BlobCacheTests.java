package dev.doppel.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.support.MutableClock;

/** The worker's local copies of remote blobs: size limit, LRU order, blobs in use, concurrency, restarts. */
@Tag("no-database")
class BlobCacheTests {

    @TempDir
    Path dir;

    /** The remote store: blobs by key, counting downloads. */
    private final Map<String, byte[]> remote = new ConcurrentHashMap<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private final BlobCache.Fetcher fetcher = (key, target) -> {
        downloads.incrementAndGet();
        byte[] bytes = remote.get(key);
        if (bytes == null) {
            throw new BlobNotFoundException(key);
        }
        Files.write(target, bytes);
    };

    private String blob(int size) {
        String key = UUID.randomUUID().toString();
        remote.put(key, BlobStoreContract.random(size, key.hashCode()));
        return key;
    }

    private void use(BlobCache cache, String key) throws IOException {
        try (BlobCache.Handle h = cache.acquire(key, fetcher)) {
            assertThat(Files.readAllBytes(h.path())).isEqualTo(remote.get(key));
        }
    }

    @Test
    void aBlobIsDownloadedOnceAndThenReadFromDisk() throws Exception {
        BlobCache cache = new BlobCache(dir, 1_000_000, Duration.ofHours(1));
        String key = blob(10_000);
        use(cache, key);
        use(cache, key);
        use(cache, key);
        assertThat(downloads).hasValue(1);
        assertThat(cache.bytes()).isEqualTo(10_000);
        assertThat(dir.resolve(key)).isRegularFile();
    }

    @Test
    void theLeastRecentlyUsedBlobsLeaveWhenTheCacheIsFull() throws Exception {
        BlobCache cache = new BlobCache(dir, 3_000, Duration.ofHours(1));
        String a = blob(1_000);
        String b = blob(1_000);
        String c = blob(1_000);
        use(cache, a);
        use(cache, b);
        use(cache, c);
        use(cache, a); // a is now the most recently used, b the least
        String d = blob(1_000);
        use(cache, d);
        assertThat(cache.bytes()).isEqualTo(3_000);
        assertThat(dir.resolve(b)).doesNotExist();
        assertThat(dir.resolve(a)).exists();
        assertThat(dir.resolve(c)).exists();
        assertThat(dir.resolve(d)).exists();
        int before = downloads.get();
        use(cache, a);
        assertThat(downloads).hasValue(before);
        use(cache, b);
        assertThat(downloads).hasValue(before + 1);
    }

    @Test
    void aBlobInUseIsNeverEvictedAndLeavesWhenReleased() throws Exception {
        BlobCache cache = new BlobCache(dir, 2_500, Duration.ofHours(1));
        String held = blob(1_000);
        try (BlobCache.Handle h = cache.acquire(held, fetcher)) {
            for (int i = 0; i < 5; i++) {
                use(cache, blob(1_000));
            }
            // Oldest of all, but in use: still there, whole.
            assertThat(Files.readAllBytes(h.path())).isEqualTo(remote.get(held));
            // Bigger than the whole cache while a job holds it: kept until released.
            String huge = blob(4_000);
            try (BlobCache.Handle big = cache.acquire(huge, fetcher)) {
                assertThat(Files.size(big.path())).isEqualTo(4_000);
                assertThat(cache.bytes()).isGreaterThan(cache.maxBytes());
            }
            assertThat(dir.resolve(huge)).doesNotExist();
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(2_500);
    }

    @Test
    void concurrentJobsAskingForOneBlobShareOneDownload() throws Exception {
        String key = blob(200_000);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger slowDownloads = new AtomicInteger();
        BlobCache.Fetcher slow = (k, target) -> {
            slowDownloads.incrementAndGet();
            started.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            Files.write(target, remote.get(k));
        };
        BlobCache cache = new BlobCache(dir, 10_000_000, Duration.ofHours(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(pool.submit(() -> {
                    try (BlobCache.Handle h = cache.acquire(key, slow)) {
                        return Files.readAllBytes(h.path());
                    }
                }));
            }
            for (Future<byte[]> read : reads) {
                assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(remote.get(key));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(slowDownloads).hasValue(1);
        assertThat(cache.bytes()).isEqualTo(200_000);
    }

    @Test
    void manyJobsOnManyBlobsKeepTheLimitAndEveryReadWhole() throws Exception {
        BlobCache cache = new BlobCache(dir, 20_000, Duration.ofHours(1));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add(blob(1_000 + i * 100));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int seed = t;
                jobs.add(pool.submit(() -> {
                    java.util.Random random = new java.util.Random(seed);
                    for (int i = 0; i < 200; i++) {
                        String key = keys.get(random.nextInt(keys.size()));
                        try (BlobCache.Handle h = cache.acquire(key, fetcher)) {
                            assertThat(Files.readAllBytes(h.path())).isEqualTo(remote.get(key));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.bytes()).isLessThanOrEqualTo(20_000);
        long onDisk;
        try (var files = Files.list(dir)) {
            onDisk = files.mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(onDisk).isEqualTo(cache.bytes());
    }

    @Test
    void aFailedDownloadLeavesNothingAndTheNextTryFetchesAgain() throws Exception {
        BlobCache cache = new BlobCache(dir, 1_000_000, Duration.ofHours(1));
        String key = blob(5_000);
        BlobCache.Fetcher broken = (k, target) -> {
            Files.write(target, new byte[1_000]); // half a blob written, then the connection drops
            throw new IOException("connection reset");
        };
        assertThatThrownBy(() -> cache.acquire(key, broken)).hasMessageContaining("connection reset");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(cache.contains(key)).isFalse();
        use(cache, key);
        assertThatThrownBy(() -> cache.acquire(UUID.randomUUID().toString(), fetcher))
                .isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void aRestartKeepsWholeCopiesAndDropsPartialOnes() throws Exception {
        BlobCache first = new BlobCache(dir, 1_000_000, Duration.ofHours(1));
        String key = blob(3_000);
        use(first, key);
        Files.write(dir.resolve(UUID.randomUUID() + "-" + UUID.randomUUID() + ".part"), new byte[500]);

        BlobCache again = new BlobCache(dir, 1_000_000, Duration.ofHours(1));
        assertThat(again.bytes()).isEqualTo(3_000);
        use(again, key);
        assertThat(downloads).hasValue(1);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve(key));
        }
        // A smaller limit at restart trims at once.
        use(again, blob(3_000));
        assertThat(new BlobCache(dir, 4_000, Duration.ofHours(1)).bytes()).isEqualTo(3_000);
    }

    @Test
    void idleCopiesLeaveAtTheSweepAndDeletedOnesAtOnceOrWhenReleased() throws Exception {
        MutableClock clock = new MutableClock();
        BlobCache cache = new BlobCache(dir, 1_000_000, Duration.ofMinutes(60), clock);
        String idle = blob(1_000);
        String recent = blob(1_000);
        String held = blob(1_000);
        use(cache, idle);
        clock.advance(Duration.ofMinutes(45));
        use(cache, recent);
        try (BlobCache.Handle h = cache.acquire(held, fetcher)) {
            clock.advance(Duration.ofMinutes(30));
            cache.sweep();
            assertThat(dir.resolve(idle)).doesNotExist();
            assertThat(dir.resolve(recent)).exists();
            assertThat(dir.resolve(held)).exists();

            cache.evict(held); // deleted while a job reads it: the job finishes its read
            assertThat(Files.readAllBytes(h.path())).isEqualTo(remote.get(held));
            assertThat(cache.contains(held)).isFalse();
        }
        assertThat(dir.resolve(held)).doesNotExist();
        cache.evict(recent);
        assertThat(dir.resolve(recent)).doesNotExist();
        assertThat(cache.bytes()).isZero();
    }
}
