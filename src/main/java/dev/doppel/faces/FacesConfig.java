package dev.doppel.faces;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "doppel.faces")
public interface FacesConfig {

    /**
     * yunet (default: the CNN, which finds turned, half-lit and partly hidden faces the cascades miss), haar or
     * lbp. When YuNet's file is missing, faces are found with haar and the health check says so.
     */
    @WithDefault("yunet")
    String detector();

    /** dlib's 68-point shape predictor (Debian: libdlib-data). */
    @WithDefault("/usr/share/dlib/shape_predictor_68_face_landmarks.dat")
    Path landmarkModel();

    /**
     * OpenCV's YuNet: the default detector, and the check of every extracted face; see models/README.md. At the
     * default path the copy inside the app stands in when the file is not there (YuNetModelFile).
     */
    @WithDefault("models/face_detection_yunet_2023mar.onnx")
    Path yunetModel();

    /**
     * Extraction and swap run the detector every Nth frame (of the video, not of the frames sampled); the
     * landmarks follow the faces in between (FaceTracker).
     */
    @WithDefault("5")
    int detectEvery();

    /** MediaPipe Face Mesh, for the "mesh" mask; at the default path the copy inside the app stands in. */
    @WithDefault("models/face_landmark.tflite")
    Path faceMeshModel();

    /** Side of the stored aligned face crops, in pixels; training presets downsample from it. */
    @WithDefault("256")
    int alignedSize();

    /** Defaults for a new extraction; a user can change them and extract again. */
    Extraction extraction();

    /** The second look at every extracted face (see FaceVerifier). */
    Verification verification();

    interface Extraction {
        @WithDefault("1")
        int everyNthFrame();

        @WithDefault("40")
        int minFaceSize();

        @WithDefault("1")
        int maxFacesPerFrame();

        /** hull (dlib's landmarks, brows raised) or mesh (MediaPipe Face Mesh's face oval, to the hairline). */
        @WithDefault("hull")
        String mask();
    }

    interface Verification {
        /**
         * YuNet's score on the aligned crop from which a face counts as a face. Measured with bench/faces on
         * every frame of the test clips: every GRID face 0.918 or more, the openmpf clip's face 0.914 or more (its
         * 7 Haar boxes on a sweater 0.32 at most); the Tears of Steel clip's 42 Haar "faces" (background, a lamp,
         * half faces cut off by a wrong alignment) 0.675 at most.
         */
        @WithDefault("0.8")
        double minScore();
    }
}
