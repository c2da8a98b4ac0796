package dev.doppel.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.doppel.support.Accounts;
import dev.doppel.support.Await;
import dev.doppel.support.StorageSnapshot;
import dev.doppel.support.TestMedia;
import dev.doppel.support.Uploads;

/**
 * Hostile uploads, seeded and bounded: corrupted copies of real clips (byte flips, header damage, zeroed and
 * repeated spans, truncations) through the upload endpoint. Every answer is 2xx or a 4xx problem, never a 5xx; the
 * node keeps serving; no temporary file is left; every accepted file's thumbnail and face-finding jobs end, done or
 * failed, and the worker takes the next job after them.
 */
@QuarkusTest
class UploadFuzzTests {

    private static final int COPIES = 120;
    private static final long SEED = 20261202L;
    private static final int ACCEPTED_PER_ACCOUNT = 8; // the test profile's 2 MB quota holds about ten clips
    /** Below the test profile's upload rate (12 per 20 s per account), so every copy reaches the probe. */
    private static final int SENT_PER_ACCOUNT = 10;

    @Test
    void corruptedClipsAreAnsweredAndTheirJobsEndWithoutTakingAnythingDown() throws Exception {
        List<byte[]> clips = List.of(Files.readAllBytes(TestMedia.clip("grid_man-denim-shirt_bbaf2n.mp4")),
                Files.readAllBytes(TestMedia.clip("grid_woman-long-hair_brbk7n.mp4")));
        Random random = new Random(SEED);
        Path dir = Files.createTempDirectory("doppel-fuzz-");
        List<Accounts.Session> accounts = new ArrayList<>();
        Accounts.Session session = null;
        int acceptedHere = ACCEPTED_PER_ACCOUNT;
        int sentHere = 0;
        int accepted = 0;
        int[] byStatus = new int[600];
        for (int i = 0; i < COPIES; i++) {
            if (acceptedHere >= ACCEPTED_PER_ACCOUNT || sentHere >= SENT_PER_ACCOUNT) {
                session = Accounts.newSession("fuzz");
                accounts.add(session);
                acceptedHere = 0;
                sentHere = 0;
            }
            sentHere++;
            byte[] mutated = mutate(clips.get(i % clips.size()), i % 5, random);
            Path file = dir.resolve("fuzz-" + i + ".mp4");
            Files.write(file, mutated);
            Response answer = Uploads.upload(session, file);
            int status = answer.statusCode();
            byStatus[status]++;
            assertThat(status).as("copy %d (%s): %s", i, kind(i % 5), answer.asString()).isBetween(200, 499);
            if (status >= 400) {
                assertThat(answer.contentType()).as("copy %d", i).startsWith("application/problem+json");
            } else {
                accepted++;
                acceptedHere++;
            }
        }
        // Every accepted file's jobs end; the worker is still taking jobs.
        for (Accounts.Session owner : accounts) {
            Await.until(Duration.ofSeconds(300), () -> owner.request().get("/api/jobs").then().extract().jsonPath()
                    .getList("status", String.class).stream().allMatch(s -> !s.equals("QUEUED") && !s.equals("RUNNING")));
        }
        Accounts.Session after = Accounts.newSession("fuzz-after");
        String clean = Uploads.uploaded(after, TestMedia.clip("grid_man-glasses_lbax4n.mp4"));
        Uploads.awaitThumbnail(after, clean);
        after.request().get("/api/me").then().statusCode(200);
        // No temporary or upload file is left behind.
        Await.until(Duration.ofSeconds(10), () -> {
            try {
                return StorageSnapshot.take().temp().isEmpty();
            } catch (java.io.IOException e) {
                return false;
            }
        });
        System.out.printf("upload fuzz: %d copies, %d accepted, answers %s%n", COPIES, accepted, summary(byStatus));
        assertThat(accepted).as("some corrupted copies still play and are accepted").isPositive();
        assertThat(COPIES - accepted).as("and some are refused").isPositive();
        assertThat(byStatus[429]).as("copies refused by the upload rate instead of being read").isZero();
    }

    private static String kind(int k) {
        return new String[] { "byte flips", "header damage", "zeroed span", "repeated span", "truncation" }[k];
    }

    static byte[] mutate(byte[] original, int kind, Random r) {
        byte[] b = original.clone();
        switch (kind) {
            case 0 -> {
                for (int k = 0, n = 1 + r.nextInt(64); k < n; k++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> {
                for (int k = 0; k < 16; k++) {
                    b[r.nextInt(Math.min(b.length, 512))] = (byte) r.nextInt(256);
                }
            }
            case 2 -> {
                int start = r.nextInt(b.length);
                Arrays.fill(b, start, Math.min(b.length, start + 1 + r.nextInt(20_000)), (byte) 0);
            }
            case 3 -> {
                int start = r.nextInt(b.length / 2);
                int length = 1 + r.nextInt(Math.min(20_000, b.length - start));
                byte[] longer = new byte[b.length + length];
                System.arraycopy(b, 0, longer, 0, start + length);
                System.arraycopy(b, start, longer, start + length, b.length - start);
                b = longer;
            }
            default -> b = Arrays.copyOf(b, 1 + r.nextInt(b.length - 1));
        }
        return b;
    }

    private static String summary(int[] byStatus) {
        StringBuilder s = new StringBuilder();
        for (int status = 0; status < byStatus.length; status++) {
            if (byStatus[status] > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(status).append(" ×").append(byStatus[status]);
            }
        }
        return s.toString();
    }
}
