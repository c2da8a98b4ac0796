package dev.doppel.faces.landmarks;

import java.nio.file.Path;

import dev.doppel.faces.FacesConfig;

/** Builds a LandmarkModel outside CDI, pointed at a given file, and loads it. */
public final class LandmarkModelAccess {

    private LandmarkModelAccess() {
    }

    public static LandmarkModel loading(Path file) {
        LandmarkModel model = new LandmarkModel();
        model.config = new FacesConfig() {
            @Override
            public String detector() {
                return "haar";
            }

            @Override
            public Path landmarkModel() {
                return file;
            }

            @Override
            public Path yunetModel() {
                return Path.of("none");
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
                return null;
            }
        };
        model.load();
        return model;
    }
}
