package dev.doppel.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
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

    private final S3Client s3;
    private final String bucket;
    private final Path tmp;
    private final int partSize;

    public S3BlobStore(S3Client s3, String bucket, Path tmp, long partSize) {
        if (partSize < MIN_PART || partSize > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("doppel.storage.s3.part-size must be between 5 MiB and 2 GiB");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.tmp = tmp.toAbsolutePath().normalize();
        this.partSize = (int) partSize;
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

    @Override
    public String adopt(Path file) throws IOException {
        String key;
        try (InputStream in = Files.newInputStream(file)) {
            key = put(in);
        }
        Files.delete(file);
        return key;
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
