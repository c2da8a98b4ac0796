package dev.doppel.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.faces.landmarks.LandmarkModel;
import dev.doppel.faces.landmarks.LandmarkModelAccess;

/** A missing or damaged model file: a clear reason, no predictor, and extraction falls back to the eyes. */
@Tag("no-database")
class LandmarkModelTests {

    @TempDir
    Path tmp;

    @Test
    void missingModelIsReportedWithTheFix() {
        LandmarkModel model = LandmarkModelAccess.loading(tmp.resolve("nowhere.dat"));
        assertThat(model.predictor()).isEmpty();
        assertThat(model.problem()).get().asString().contains("is missing").contains("libdlib-data");
    }

    @Test
    void corruptModelIsReportedWithTheFix() throws Exception {
        byte[] real = Files.readAllBytes(ShapePredictorTests.MODEL);
        Path corrupt = Files.write(tmp.resolve("corrupt.dat"), java.util.Arrays.copyOf(real, 4096));
        LandmarkModel model = LandmarkModelAccess.loading(corrupt);
        assertThat(model.predictor()).isEmpty();
        assertThat(model.problem()).get().asString().contains("could not be read").contains("reinstall");

        LandmarkModel good = LandmarkModelAccess.loading(ShapePredictorTests.MODEL);
        assertThat(good.predictor()).isPresent();
        assertThat(good.problem()).isEmpty();
    }
}
