package dev.doppel.support;

import java.nio.file.Path;

import dev.doppel.faces.FacesConfig;

/**
 * The faces configuration for code built outside CDI in tests: the model files given, the defaults of
 * application.properties for the rest (no extraction defaults: nothing built this way extracts).
 */
public record TestFacesConfig(Path landmarkModel, Path yunetModel) implements FacesConfig {

    /** doppel.faces.verification.min-score's default. */
    public static final double MIN_FACE_SCORE = 0.8;

    @Override
    public String detector() {
        return "haar";
    }

    @Override
    public Path faceMeshModel() {
        return Path.of(dev.doppel.faces.ShippedModel.FACE_MESH.defaultPath());
    }

    @Override
    public int detectEvery() {
        return 5;
    }

    @Override
    public int alignedSize() {
        return 256;
    }

    @Override
    public Extraction extraction() {
        return null;
    }

    @Override
    public Verification verification() {
        return () -> MIN_FACE_SCORE;
    }
}
