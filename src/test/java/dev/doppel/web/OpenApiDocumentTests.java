package dev.doppel.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.test.junit.QuarkusTest;

import dev.doppel.jobs.CountingJobHandler;
import dev.doppel.jobs.JobHandler;

/**
 * The UI's API types are generated (openapi-typescript, at {@code npm run build}) from {@code frontend/openapi.json},
 * so that file must be the document this app serves, and the document must be exact enough to type a client
 * with. With {@code -Dopenapi.update=true} the test rewrites the file instead of failing (see the README); not under doppel.*, where Quarkus refuses unknown keys.
 */
@QuarkusTest
// Reads no data at all: left out of CI's PostgreSQL pass (see .ci/run).
@Tag("db-agnostic")
class OpenApiDocumentTests {

    static final Path COMMITTED = Path.of("frontend", "openapi.json");
    /** The served document, written on every run, so a mismatch can also be looked at or copied over by hand. */
    static final Path SERVED = Path.of("target", "openapi.json");
    // Without the UI's build (quarkus.quinoa=false): a UI that no longer compiles must not stop the refresh.
    static final String REGENERATE = "mvn test -Dtest=OpenApiDocumentTests -Dquarkus.quinoa=false"
            + " -Dopenapi.update=true";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Inject
    @Any
    Instance<JobHandler> jobHandlers;

    JsonNode served;

    @BeforeEach
    void fetchDocument() throws IOException {
        String body = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        served = JSON.readTree(body);
    }

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        String pretty = JSON.writeValueAsString(served) + "\n";
        Files.writeString(SERVED, pretty, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, pretty, StandardCharsets.UTF_8);
        }
        JsonNode committed = JSON.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        List<String> differences = new ArrayList<>();
        diff("", committed, served, differences);
        assertThat(differences)
                .as("%s differs from the app's /q/openapi; the UI's types would not match the API. Regenerate it"
                        + " with%n  %s%n(or copy %s over it), then run npm run build in frontend/: it fails where"
                        + " the UI uses what the API does not have. Differences (committed → served)", COMMITTED,
                        REGENERATE, SERVED)
                .isEmpty();
    }

    @Test
    void everyErrorIsAProblemDocument() {
        forEachResponse((where, code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                JsonNode content = response.path("content");
                assertThat(fieldNames(content)).as(where).containsExactly(Problem.MEDIA_TYPE);
                assertThat(content.path(Problem.MEDIA_TYPE).path("schema").path("$ref").asText()).as(where)
                        .isEqualTo("#/components/schemas/Problem");
            }
        });
        JsonNode problem = schemas().path("Problem");
        assertThat(fieldNames(problem.path("properties"))).containsExactly("type", "title", "status", "detail",
                "violations");
    }

    @Test
    void everySuccessWithABodyHasASchema() {
        forEachResponse((where, code, response) -> {
            if (!code.startsWith("2") || code.equals("204")) {
                return;
            }
            JsonNode content = response.path("content");
            // The tus protocol answers in headers alone (201 Location, HEAD's Upload-Offset): those say so.
            if (where.startsWith("HEAD ") || content.isEmpty() && !response.path("headers").isEmpty()) {
                return;
            }
            assertThat(content.size()).as(where + ": a " + code + " without a body should be 204").isPositive();
            content.fields().forEachRemaining(media -> {
                assertThat(media.getKey()).as(where).isNotEqualTo(Problem.MEDIA_TYPE);
                assertThat(media.getValue().path("schema").size()).as(where + " " + media.getKey()).isPositive();
            });
        });
    }

    @Test
    void schemasHaveNamesOfTheirOwn() {
        // The scanner numbers same-named classes (Status, Status1, …) and describes framework classes that leak in
        // (OutboundSseEvent, MediaType); generated type names must mean something.
        assertThat(fieldNames(schemas())).noneMatch(name -> name.matches(".*\\d$"))
                .doesNotContain("MediaType", "OutboundSseEvent", "Request", "Status", "Type");
    }

    @Test
    void responseFieldsAreRequiredAndSayWhenTheyMayBeNull() {
        JsonNode job = schemas().path("JobView");
        assertThat(asTexts(job.path("required"))).containsExactlyElementsOf(fieldNames(job.path("properties")));
        assertThat(asTexts(job.path("properties").path("error").path("type"))).containsExactly("string", "null");
        assertThat(asTexts(job.path("properties").path("message").path("type"))).containsExactly("string", "null");
        assertThat(asTexts(job.path("properties").path("lane").path("enum"))).containsExactly("cpu", "gpu");
        // Request bodies keep their optional fields.
        assertThat(schemas().path("CreateModelRequest").path("required").isMissingNode()).isTrue();
    }

    @Test
    void jobTypesAreTheHandlersTypes() {
        Set<String> handlers = jobHandlers.stream().map(JobHandler::type)
                .collect(Collectors.toCollection(TreeSet::new));
        handlers.remove(CountingJobHandler.TYPE); // the tests' own, not the app's
        Set<String> documented = new TreeSet<>(asTexts(schemas().path("JobView").path("properties").path("type")
                .path("enum")));
        assertThat(documented).as("JobView.type's enumeration (JobView.java)").isEqualTo(handlers);
    }

    private JsonNode schemas() {
        return served.path("components").path("schemas");
    }

    private interface ResponseCheck {
        void check(String where, String code, JsonNode response);
    }

    private void forEachResponse(ResponseCheck check) {
        served.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getValue().has("responses")) {
                return;
            }
            op.getValue().path("responses").fields().forEachRemaining(r -> check.check(
                    op.getKey().toUpperCase() + " " + path.getKey() + " " + r.getKey(), r.getKey(), r.getValue()));
        }));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> asTexts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        node.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /** JSON pointers where the two documents differ; key order does not count, array order does. */
    static void diff(String at, JsonNode committed, JsonNode served, List<String> out) {
        if (out.size() >= 30) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            Set<String> keys = new TreeSet<>(fieldNames(committed));
            keys.addAll(fieldNames(served));
            for (String key : keys) {
                String where = at + "/" + key.replace("~", "~0").replace("/", "~1");
                if (!committed.has(key)) {
                    out.add(where + ": only served");
                } else if (!served.has(key)) {
                    out.add(where + ": only committed");
                } else {
                    diff(where, committed.get(key), served.get(key), out);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            Iterator<JsonNode> a = committed.elements();
            Iterator<JsonNode> b = served.elements();
            for (int i = 0; a.hasNext(); i++) {
                diff(at + "/" + i, a.next(), b.next(), out);
            }
        } else if (committed.isArray() && served.isArray()) {
            List<JsonNode> onlyCommitted = new ArrayList<>();
            committed.forEach(onlyCommitted::add);
            List<JsonNode> onlyServed = new ArrayList<>();
            served.forEach(n -> {
                if (!onlyCommitted.remove(n)) {
                    onlyServed.add(n);
                }
            });
            out.add(at + ": only committed " + onlyCommitted + ", only served " + onlyServed);
        } else if (!committed.equals(served)) {
            out.add(at + ": " + abbreviate(committed) + " → " + abbreviate(served));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }
}
