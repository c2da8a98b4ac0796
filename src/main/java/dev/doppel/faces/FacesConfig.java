package dev.doppel.faces;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "doppel.faces")
public interface FacesConfig {

    /** haar (default), lbp, or yunet (when its model file exists). */
    @WithDefault("haar")
    String detector();

    /** dlib's 68-point shape predictor (Debian: libdlib-data). */
    @WithDefault("/usr/share/dlib/shape_predictor_68_face_landmarks.dat")
    Path landmarkModel();

    /** OpenCV's YuNet detector; optional, see models/README.md. */
    @WithDefault("models/face_detection_yunet_2023mar.onnx")
    Path yunetModel();

    /** Side of the stored aligned face crops, in pixels; training presets downsample from it. */
    @WithDefault("256")
    int alignedSize();

    /** Defaults for a new extraction; a user can change them and extract again. */
    Extraction extraction();

    interface Extraction {
        @WithDefault("1")
        int everyNthFrame();

        @WithDefault("40")
        int minFaceSize();

        @WithDefault("1")
        int maxFacesPerFrame();
    }
}
