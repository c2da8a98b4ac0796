package dev.doppel.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.support.SwapFixture;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The presets ship inside the app; a file in the presets folder (in the tests target/test-presets, empty
 * otherwise) adds one or overrides a shipped one; a model keeps the values it was made with.
 */
@QuarkusTest
// Uses the database only as a fixture: left out of CI's PostgreSQL pass (see .ci/run).
@Tag("db-agnostic")
class PresetFilesTests {

    private static final Path FOLDER = Path.of("target/test-presets");

    @Test
    void everyPresetFileOfTheProjectShipsInsideTheApp() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("models/presets"))) {
            List<String> names = files.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList();
            assertThat(names).isEqualTo(Presets.SHIPPED);
        }
        for (String name : Presets.SHIPPED) {
            assertThat(Presets.class.getResource("/models/presets/" + name + ".json")).as(name).isNotNull();
        }
    }

    @Test
    void aModelSwapsWithItsOwnValuesAfterItsPresetFileChanges() throws Exception {
        SwapFixture fixture = SwapFixture.get();
        Files.createDirectories(FOLDER);
        Path edited = FOLDER.resolve("tiny.json");
        Path added = FOLDER.resolve("wide.json");
        try {
            // Twice the filters and another input size: a model built from these could not read the fixture's
            // checkpoint.
            Files.writeString(edited, """
                    {"name": "tiny", "description": "Edited after the model was made.", "inputSize": 64,
                     "encoderFilters": [32, 64, 128, 256], "denseSize": 256, "batchSize": 8,
                     "learningRate": 1e-4, "loss": "mae"}""");
            Files.writeString(added, """
                    {"name": "wide", "description": "Added beside the shipped ones.", "inputSize": 32,
                     "encoderFilters": [16, 32, 64, 128], "denseSize": 256, "batchSize": 16,
                     "learningRate": 5e-5, "loss": "mae"}""");
            List<Map<String, Object>> presets = fixture.session.request().get("/api/models/presets").then()
                    .statusCode(200).extract().jsonPath().getList("$");
            assertThat(presets).extracting(p -> p.get("name")).containsExactly("hq", "lite", "original", "tiny",
                    "wide");
            assertThat(presets).filteredOn(p -> "tiny".equals(p.get("name")))
                    .extracting(p -> p.get("description")).containsExactly("Edited after the model was made.");

            String result = fixture.swap(fixture.videoA, "A_TO_B", Map.of());
            fixture.awaitReady(result);
        } finally {
            Files.deleteIfExists(edited);
            Files.deleteIfExists(added);
        }
        List<Object> shipped = fixture.session.request().get("/api/models/presets").then().extract().jsonPath()
                .getList("name");
        assertThat(shipped).containsExactly("hq", "lite", "original", "tiny");
    }
}
