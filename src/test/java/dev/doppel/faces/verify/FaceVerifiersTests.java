package dev.doppel.faces.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.support.TestFacesConfig;

/** Without a usable model file faces go unchecked, and the reason is kept to be shown; nothing throws. */
@Tag("no-database")
class FaceVerifiersTests {

    @TempDir
    Path tmp;

    @Test
    void checksFacesWithTheShippedModel() {
        FaceVerifiers verifiers = verifiers(YuNetFaceVerifierTests.MODEL);
        assertThat(verifiers.problem()).isEmpty();
        try (FaceVerifier verifier = verifiers.create().orElseThrow()) {
            assertThat(verifier.name()).isEqualTo("yunet");
        }
    }

    @Test
    void saysSoWhenTheModelFileIsMissing() {
        FaceVerifiers verifiers = verifiers(tmp.resolve("face_detection_yunet_2023mar.onnx"));
        assertThat(verifiers.create()).isEmpty();
        assertThat(verifiers.problem()).hasValueSatisfying(p -> assertThat(p).contains("is missing")
                .contains("face_detection_yunet_2023mar.onnx").contains("faces are not checked"));
    }

    @Test
    void saysSoWhenTheModelFileIsDamaged() throws Exception {
        Path damaged = Files.write(tmp.resolve("damaged.onnx"), "not an ONNX model".getBytes());
        FaceVerifiers verifiers = verifiers(damaged);
        assertThat(verifiers.create()).isEmpty();
        assertThat(verifiers.problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("damaged.onnx could not be loaded (Failed to parse ONNX model")
                .endsWith("faces are not checked.").doesNotContain("\n").doesNotContain("cpp:"));
    }

    private static FaceVerifiers verifiers(Path model) {
        FaceVerifiers verifiers = new FaceVerifiers();
        verifiers.config = new TestFacesConfig(AlignedCrops.DLIB_MODEL, model);
        return verifiers;
    }
}
