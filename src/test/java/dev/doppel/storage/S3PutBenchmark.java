package dev.doppel.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The S3 side of {@code bench/upload/run.sh}, run with the test classpath against the s3proxy the script started
 * (credentials of {@link dev.doppel.support.S3Server}). Each timed command prints {@code SECONDS KEY} on one line;
 * the time is the upload alone, inside this JVM (not its start).
 * <pre>
 *   bucket   ENDPOINT BUCKET                    make the bucket
 *   direct   ENDPOINT BUCKET FILE               the baseline: one putObject with RequestBody.fromFile, as a plain
 *                                               SDK client uploads a file (one stream, no parts)
 *   sdk-multipart ENDPOINT BUCKET FILE PART     the SDK's multipart by hand, parts one after another from the file
 *   store    ENDPOINT BUCKET FILE PART [N]      S3BlobStore.adopt of a hard link to FILE (FILE stays), i.e. what the
 *                                               web node does after the probe, without the web node; N parts
 *                                               in flight (default: the store's)
 *   store-stream ENDPOINT BUCKET FILE PART      S3BlobStore.put(InputStream) of FILE (unknown length: buffered parts)
 *   check    ENDPOINT BUCKET                    every object as "KEY SIZE", then "pending-uploads N"
 * </pre>
 */
public final class S3PutBenchmark {

    static final String ACCESS_KEY = "doppel-test";
    static final String SECRET_KEY = "doppel-test-secret";

    private S3PutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: S3PutBenchmark bucket|direct|sdk-multipart|store|store-stream|check ENDPOINT BUCKET"
                    + " [FILE [PART]]");
            System.exit(2);
        }
        String bucket = args[2];
        try (S3Client s3 = client(args[1])) {
            switch (args[0]) {
                case "bucket" -> s3.createBucket(b -> b.bucket(bucket));
                case "direct" -> {
                    Path file = Path.of(args[3]);
                    String key = UUID.randomUUID().toString();
                    long t0 = System.nanoTime();
                    s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
                    report(t0, key);
                }
                case "sdk-multipart" -> {
                    Path file = Path.of(args[3]);
                    long part = Long.parseLong(args[4]);
                    String key = UUID.randomUUID().toString();
                    long t0 = System.nanoTime();
                    sdkMultipart(s3, bucket, key, file, part);
                    report(t0, key);
                }
                case "store" -> {
                    Path file = Path.of(args[3]);
                    Path tmp = Files.createTempDirectory(file.toAbsolutePath().getParent(), "store-");
                    Path link = Files.createLink(tmp.resolve("adopted.bin"), file);
                    S3BlobStore store = new S3BlobStore(s3, bucket, tmp, Long.parseLong(args[4]),
                            args.length > 5 ? Integer.parseInt(args[5]) : S3BlobStore.DEFAULT_CONCURRENCY);
                    long t0 = System.nanoTime();
                    String key = store.adopt(link);
                    report(t0, key);
                    Files.deleteIfExists(link);
                    Files.deleteIfExists(tmp);
                }
                case "store-stream" -> {
                    Path file = Path.of(args[3]);
                    S3BlobStore store = new S3BlobStore(s3, bucket, file.toAbsolutePath().getParent(),
                            Long.parseLong(args[4]));
                    long t0 = System.nanoTime();
                    String key;
                    try (InputStream in = Files.newInputStream(file)) {
                        key = store.put(in);
                    }
                    report(t0, key);
                }
                case "check" -> {
                    s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()
                            .forEach(o -> System.out.println(o.key() + " " + o.size()));
                    System.out.println("pending-uploads " + s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().size());
                }
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        }
    }

    private static void report(long t0, String key) {
        System.out.println(String.format(Locale.ROOT, "%.3f %s", (System.nanoTime() - t0) / 1e9, key));
    }

    static S3Client client(String endpoint) {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    private static void sdkMultipart(S3Client s3, String bucket, String key, Path file, long partSize) throws IOException {
        long size = Files.size(file);
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (long offset = 0, n = 1; offset < size; offset += partSize, n++) {
            long start = offset;
            long length = Math.min(partSize, size - offset);
            int number = (int) n;
            RequestBody body = RequestBody.fromContentProvider(() -> {
                try {
                    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(start);
                    return new BoundedInputStream(Channels.newInputStream(channel), length);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, length, "application/octet-stream");
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number)
                    .contentLength(length), body).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
    }
}
