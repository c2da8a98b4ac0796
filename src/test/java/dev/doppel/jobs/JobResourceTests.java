package dev.doppel.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.doppel.support.Accounts;
import dev.doppel.support.Await;
import dev.doppel.support.TestMedia;
import dev.doppel.support.TwoUsers;
import dev.doppel.support.Uploads;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;

@QuarkusTest
class JobResourceTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI root;

    @Test
    void shouldCancelAQueuedAndARunningJob() throws Exception {
        Accounts.Session session = Accounts.newSession("cancel");
        // The single in-process worker is busy with the first, so the second waits in the queue.
        String running = diagnostic(session, 30);
        Await.until(Duration.ofSeconds(10), () -> status(session, running).equals("RUNNING"));
        String queued = diagnostic(session, 1);
        assertThat(status(session, queued)).isEqualTo("QUEUED");

        session.request().post("/api/jobs/" + queued + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        long asked = System.nanoTime();
        session.request().post("/api/jobs/" + running + "/cancel").then().statusCode(200)
                .body("cancelRequested", equalTo(true));
        Await.until(Duration.ofSeconds(2), () -> status(session, running).equals("CANCELLED"));
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));

        // Finished jobs cannot be cancelled again; the queued one never ran.
        session.request().post("/api/jobs/" + running + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
        session.request().get("/api/jobs/" + queued).then().body("attempts", equalTo(0));
        session.request().get("/api/jobs").then().statusCode(200).body("id", hasItem(running));
    }

    @Test
    void shouldNameEveryJobAfterWhatItWorksOnAndKeepTheNameOnceItIsGone() throws Exception {
        Accounts.Session session = Accounts.newSession("names");
        String video = Uploads.uploaded(session, TestMedia.clip("grid_woman-long-hair_brbk7n.mp4"));
        String videoName = session.request().get("/api/videos/" + video).then().extract().path("name");
        String faceSet = session.request().get("/api/facesets").then().extract().path("[0].id");
        String faceSetName = session.request().get("/api/facesets/" + faceSet).then().extract().path("name");
        assertThat(subjectNames(session, video)).containsExactly(videoName);
        assertThat(subjectNames(session, faceSet)).containsExactly(faceSetName);

        session.request().contentType(ContentType.JSON).body(Map.of("name", "Renamed clip"))
                .patch("/api/videos/" + video).then().statusCode(200);
        assertThat(subjectNames(session, video)).containsExactly("Renamed clip");

        session.request().delete("/api/videos/" + video).then().statusCode(204);
        assertThat(subjectNames(session, video)).containsExactly("Renamed clip");
    }

    private static List<String> subjectNames(Accounts.Session session, String subject) {
        return session.request().get("/api/jobs").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.subjectId == '" + subject + "' }.subjectName");
    }

    @Test
    void shouldKeepJobsPrivate() throws Exception {
        TwoUsers users = TwoUsers.create();
        String id = diagnostic(users.owner(), 0.2);
        // A finished job no longer changes by itself, so any change would be the stranger's doing.
        Await.until(Duration.ofSeconds(20), () -> status(users.owner(), id).equals("SUCCEEDED"));
        String base = "/api/jobs/" + id;
        users.assertHiddenFromStranger(base);
        users.assertStrangerCannotChange(Method.POST, base + "/cancel", null, base);
        users.stranger().request().get("/api/jobs").then().body("id", not(hasItem(id)));
    }

    @Test
    void shouldStreamTheCallersJobEventsInOrderAndNothingElse() throws Exception {
        Accounts.Session alice = Accounts.newSession("sse-alice");
        Accounts.Session bob = Accounts.newSession("sse-bob");
        List<JsonNode> aliceEvents = new CopyOnWriteArrayList<>();
        List<JsonNode> bobEvents = new CopyOnWriteArrayList<>();
        Thread aliceStream = listen(alice, aliceEvents);
        Thread bobStream = listen(bob, bobEvents);
        try {
            Thread.sleep(300); // both streams are connected
            String bobsJob = diagnostic(bob, 0.5);
            String alicesJob = diagnostic(alice, 1.0);
            Await.until(Duration.ofSeconds(20), () -> aliceEvents.stream()
                    .anyMatch(e -> e.get("id").asText().equals(alicesJob) && e.get("status").asText().equals("SUCCEEDED")));
            Await.until(Duration.ofSeconds(20), () -> bobEvents.stream()
                    .anyMatch(e -> e.get("id").asText().equals(bobsJob) && e.get("status").asText().equals("SUCCEEDED")));

            List<JsonNode> mine = aliceEvents.stream().filter(e -> e.get("id").asText().equals(alicesJob)).toList();
            List<String> statuses = mine.stream().map(e -> e.get("status").asText()).distinct().toList();
            assertThat(statuses).containsExactly("QUEUED", "RUNNING", "SUCCEEDED");
            double last = -1;
            for (JsonNode e : mine) {
                double p = e.get("progress").asDouble();
                assertThat(p).isGreaterThanOrEqualTo(last);
                last = p;
            }
            assertThat(mine.stream().filter(e -> e.get("status").asText().equals("RUNNING")).count())
                    .as("progress events while running").isGreaterThan(2);
            assertThat(mine.stream().anyMatch(e -> !e.get("etaSeconds").isNull())).isTrue();
            // Nothing of the other user's jobs, in either direction.
            assertThat(aliceEvents).noneMatch(e -> e.get("id").asText().equals(bobsJob));
            assertThat(bobEvents).noneMatch(e -> e.get("id").asText().equals(alicesJob));
        } finally {
            aliceStream.interrupt();
            bobStream.interrupt();
        }
    }

    @Test
    void eventsNeedASession() {
        io.restassured.RestAssured.given().get("/api/events").then().statusCode(401);
    }

    private Thread listen(Accounts.Session session, List<JsonNode> into) {
        Thread t = new Thread(() -> {
            HttpRequest request = HttpRequest.newBuilder(root.resolve("/api/events"))
                    .header("Cookie", session.cookieHeader())
                    .header("Accept", "text/event-stream").GET().build();
            try {
                HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                        HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String event = null;
                    String line;
                    while (!Thread.currentThread().isInterrupted() && (line = reader.readLine()) != null) {
                        if (line.startsWith("event:")) {
                            event = line.substring(6).trim();
                        } else if (line.startsWith("data:") && "job".equals(event)) {
                            into.add(JSON.readTree(line.substring(5).trim()));
                        } else if (line.isEmpty()) {
                            event = null;
                        }
                    }
                }
            } catch (Exception stopped) {
                // interrupted at the end of the test
            }
        }, "sse-" + session.email());
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String diagnostic(Accounts.Session session, double seconds) {
        return session.request().contentType(ContentType.JSON).body(Map.of("seconds", seconds))
                .post("/api/jobs/diagnostic").then().statusCode(201).body("status", equalTo("QUEUED"))
                .extract().path("id");
    }

    private static String status(Accounts.Session session, String id) {
        return session.request().get("/api/jobs/" + id).then().statusCode(200).extract().path("status");
    }

}
