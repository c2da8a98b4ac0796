package dev.doppel.faces;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import dev.doppel.faces.detect.CascadeFaceDetector;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.detect.YuNetFaceDetector;
import dev.doppel.faces.detect.YuNetModelFile;
import dev.doppel.faces.landmarks.LandmarkModel;

/**
 * Builds the detection-and-landmarks stage for a job from the detector's name, the way faceswap's plugin
 * loader does: an unknown name fails with the list of valid ones.
 */
@ApplicationScoped
public class FaceLocators {

    static final String EYE_CASCADE = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/"
            + "haarcascade_eye_tree_eyeglasses.xml";

    @Inject
    FacesConfig config;

    @Inject
    LandmarkModel landmarks;

    /**
     * The mean face the crops are aligned to: the landmark model's own, or — when it is unavailable — the same
     * numbers kept here, so eye-aligned faces land where landmark-aligned ones would.
     */
    public float[] meanShape() {
        return landmarks.predictor().map(p -> p.meanShape()).orElse(MeanFace.DLIB_68.clone());
    }

    /** Detector names this installation can use. */
    public List<String> detectors() {
        List<String> names = new ArrayList<>(List.of("haar", "lbp"));
        if (YuNetModelFile.resolve(config.yunetModel()).isPresent()) {
            names.add(0, "yunet");
        }
        return names;
    }

    /**
     * The configured detector, or Haar when that is YuNet and its file is missing: extraction and swaps go on
     * with the cascade, and the health check says so ({@link #detectorProblem()}).
     */
    public String defaultDetector() {
        return detectors().contains(config.detector()) ? config.detector() : "haar";
    }

    /** Why the configured detector is not the one in use, or empty when it is. */
    public Optional<String> detectorProblem() {
        if (defaultDetector().equals(config.detector())) {
            return Optional.empty();
        }
        return Optional.of("The " + config.detector() + " detector is not available here ("
                + ("yunet".equals(config.detector()) ? "its model " + config.yunetModel() + " is missing"
                        : "no such detector")
                + "); faces are found with haar.");
    }

    public FaceLocator create(String detectorName) {
        FaceDetector detector = switch (detectorName) {
            case "haar" -> CascadeFaceDetector.haar();
            case "lbp" -> CascadeFaceDetector.lbp();
            case "yunet" -> new YuNetFaceDetector(YuNetModelFile.resolve(config.yunetModel())
                    .orElseThrow(() -> new IllegalArgumentException("The yunet detector needs "
                            + config.yunetModel() + " (see models/README.md); available: "
                            + String.join(", ", detectors()))),
                    YuNetFaceDetector.MIN_SCORE);
            default -> throw new IllegalArgumentException(
                    "Unknown detector \"" + detectorName + "\"; available: " + String.join(", ", detectors()));
        };
        return new FaceLocator(detector, landmarks.predictor().orElse(null), eyeCascade());
    }

    public static CascadeClassifier eyeCascade() {
        try {
            return new CascadeClassifier(Loader.cacheResource(EYE_CASCADE).getAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("The eye cascade is missing from the OpenCV jar", e);
        }
    }
}
