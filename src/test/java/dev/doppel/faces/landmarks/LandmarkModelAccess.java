package dev.doppel.faces.landmarks;

import java.nio.file.Path;

import dev.doppel.support.TestFacesConfig;

/** Builds a LandmarkModel outside CDI, pointed at a given file, and loads it. */
public final class LandmarkModelAccess {

    private LandmarkModelAccess() {
    }

    public static LandmarkModel loading(Path file) {
        LandmarkModel model = new LandmarkModel();
        model.config = new TestFacesConfig(file, Path.of("none"));
        model.load();
        return model;
    }
}
