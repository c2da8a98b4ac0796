package dev.doppel.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects in an S3-compatible bucket, one object per key. A PUT makes an object appear whole; a blob
 * larger than the part size goes up as a multipart upload, which makes the object appear only when its last part
 * is in (an abandoned upload is aborted), so a reader — on any machine — never sees half a blob. Range reads are
 * S3's own ranged GETs; a local file for FFmpeg is a temporary download, removed when closed.
 */
public final class S3BlobStore implements BlobStore {

    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** S3's smallest part but the last. */
    static final long MIN_PART = 5L * 1024 * 1024;

    /** Parts of one adopted file in flight at once, by default. */
    static final int DEFAULT_CONCURRENCY = 4;
    /**
     * Sends the parts of adopted files; idle threads end. Its queue holds at most {@code concurrency} parts of each
     * upload (each only a file range, no bytes), so its size is bounded by the uploads under way.
     */
    private static final ExecutorService PARTS;

    static {
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "doppel-s3-part-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        PARTS = pool;
    }

    private final S3Client s3;
    private final String bucket;
    private final Path tmp;
    private final int partSize;
    private final int concurrency;

    public S3BlobStore(S3Client s3, String bucket, Path tmp, long partSize) {
        this(s3, bucket, tmp, partSize, DEFAULT_CONCURRENCY);
    }

    public S3BlobStore(S3Client s3, String bucket, Path tmp, long partSize, int concurrency) {
        if (partSize < MIN_PART || partSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("doppel.storage.s3.part-size must be between 5 MiB and 2 GiB");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("The parts in flight must be at least 1");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.tmp = tmp.toAbsolutePath().normalize();
        this.partSize = (int) partSize;
        this.concurrency = concurrency;
    }

    @Override
    public String put(InputStream content) throws IOException {
        String key = UUID.randomUUID().toString();
        byte[] first = content.readNBytes(partSize);
        try {
            if (first.length < partSize) {
                s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(first));
            } else {
                multipart(key, first, content);
            }
        } catch (SdkException e) {
            throw failure("store", key, e);
        }
        return key;
    }

    /** Parts of {@link #partSize}, the first already read; aborted (nothing left behind) if anything fails. */
    private void multipart(String key, byte[] first, InputStream rest) throws IOException {
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] part = first;
            int number = 1;
            while (part.length > 0) {
                int n = number;
                byte[] bytes = part;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(n)
                        .contentLength((long) bytes.length), RequestBody.fromBytes(bytes)).eTag();
                parts.add(CompletedPart.builder().partNumber(n).eTag(etag).build());
                number++;
                part = rest.readNBytes(partSize);
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /**
     * The file goes up straight from the disk, never through the heap: in one PUT when smaller than the part size,
     * else as a multipart upload whose parts are ranges of the file, {@link #concurrency} at a time, completed only
     * when every part is in (aborted otherwise). The file is deleted once the blob is whole in the bucket.
     */
    @Override
    public String adopt(Path file) throws IOException {
        long size = Files.size(file);
        String key = UUID.randomUUID().toString();
        try {
            if (size < partSize) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength(size), fileRange(file, 0, size));
            } else {
                multipartFromFile(key, file, size);
            }
        } catch (SdkException e) {
            throw failure("store", key, e);
        }
        Files.delete(file);
        return key;
    }

    /** Parts of {@link #partSize} read from the file, up to {@link #concurrency} in flight; aborted if any fails. */
    private void multipartFromFile(String key, Path file, long size) throws IOException {
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        int count = (int) ((size + partSize - 1) / partSize);
        List<Future<CompletedPart>> pending = new ArrayList<>(count);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicBoolean stop = new AtomicBoolean();
        try {
            for (int i = 0; i < count && !stop.get(); i++) {
                int number = i + 1;
                long offset = (long) i * partSize;
                long length = Math.min(partSize, size - offset);
                inFlight.acquire(); // this upload's share of the pool: its next part waits here until one is in
                pending.add(PARTS.submit(() -> {
                    try {
                        if (stop.get()) {
                            return null; // another part failed: this one is not sent
                        }
                        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number)
                                .contentLength(length), fileRange(file, offset, length)).eTag();
                        return CompletedPart.builder().partNumber(number).eTag(etag).build();
                    } catch (RuntimeException | Error e) {
                        stop.set(true);
                        throw e;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<CompletedPart> parts = new ArrayList<>(count);
            for (Future<CompletedPart> part : pending) {
                parts.add(part.get());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw abort(key, upload, pending, stop, new InterruptedIOException("Interrupted while storing blob " + key));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw abort(key, upload, pending, stop, cause instanceof SdkException sdk ? failure("store", key, sdk)
                    : cause instanceof IOException io ? io
                    : cause instanceof UncheckedIOException io ? io.getCause()
                    : new IOException("Could not store blob " + key + ": " + cause, cause));
        } catch (RuntimeException e) {
            throw abort(key, upload, pending, stop, e);
        }
    }

    /**
     * Aborts the multipart uploads begun before {@code cutoff}: what a process killed mid-upload (SIGKILL, a lost
     * machine) left behind. Their parts are invisible to readers but take space in the bucket until aborted.
     * Returns how many were aborted.
     */
    public int abortUploadsBegunBefore(java.time.Instant cutoff) throws IOException {
        int aborted = 0;
        try {
            for (var upload : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
                if (upload.initiated() != null && upload.initiated().isBefore(cutoff)) {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                    aborted++;
                }
            }
        } catch (SdkException e) {
            throw new IOException("Could not list or abort unfinished uploads in bucket " + bucket + ": " + e.getMessage(), e);
        }
        return aborted;
    }

    /**
     * Keeps the parts not yet begun from being sent, waits for those being sent (none may land after the abort),
     * aborts the upload and returns {@code failure} to throw.
     */
    private <E extends Exception> E abort(String key, String upload, List<Future<CompletedPart>> parts,
            AtomicBoolean stop, E failure) {
        stop.set(true);
        boolean interrupted = Thread.interrupted();
        for (Future<CompletedPart> part : parts) {
            while (true) {
                try {
                    part.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | CancellationException e) {
                    break;
                }
            }
        }
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
        } catch (SdkException abortFailed) {
            failure.addSuppressed(abortFailed);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    /**
     * {@code length} bytes of the file from {@code offset}, read from the disk each time the SDK asks (to sign, to
     * send, to retry): nothing is held in memory.
     */
    private static RequestBody fileRange(Path file, long offset, long length) {
        return RequestBody.fromContentProvider(new ContentStreamProvider() {
            private InputStream open;

            @Override
            public InputStream newStream() {
                try {
                    if (open != null) {
                        open.close();
                    }
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    channel.position(offset);
                    open = new BoundedInputStream(Channels.newInputStream(channel), length);
                    return open;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, length, "application/octet-stream");
    }

    @Override
    public InputStream open(String key) throws IOException {
        check(key);
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        check(key);
        if (length <= 0) {
            size(key); // a missing blob is still missing
            return new ByteArrayInputStream(new byte[0]);
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return new BoundedInputStream(s3.getObject(b -> b.bucket(bucket).key(key).range(range)), length);
        } catch (SdkException e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public long size(String key) throws IOException {
        check(key);
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key)).contentLength();
        } catch (SdkException e) {
            throw failure("find", key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            size(key);
            return true;
        } catch (BlobNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        check(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public LocalFile local(String key) throws IOException {
        check(key);
        Files.createDirectories(tmp);
        Path copy = tmp.resolve("s3-" + key + "-" + UUID.randomUUID() + ".blob");
        try {
            s3.getObject(b -> b.bucket(bucket).key(key), ResponseTransformer.toFile(copy));
        } catch (SdkException e) {
            Files.deleteIfExists(copy);
            throw failure("read", key, e);
        }
        return new LocalFile() {
            @Override
            public Path path() {
                return copy;
            }

            @Override
            public void close() throws IOException {
                Files.deleteIfExists(copy);
            }
        };
    }

    private static void check(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            // Keys are ours; anything else reaching here is a bug.
            throw new IllegalArgumentException("Not a blob key: " + key);
        }
    }

    /** A missing object as BlobNotFoundException; anything else (refused credentials, no bucket) as an IOException. */
    private IOException failure(String action, String key, SdkException e) {
        if (e instanceof NoSuchKeyException || (e instanceof S3Exception s && s.statusCode() == 404
                && !"NoSuchBucket".equals(s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode()))) {
            return new BlobNotFoundException(key);
        }
        return new IOException("Could not " + action + " blob " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
    }
}
