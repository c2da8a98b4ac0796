package dev.doppel.faces;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import dev.doppel.faces.detect.DetectorPlugin;
import dev.doppel.faces.landmarks.LandmarkModel;
import io.quarkus.runtime.StartupEvent;

/**
 * Builds the detection-and-landmarks stage for a job from the detector's name, the way faceswap's plugin
 * loader does: the detectors are the {@link DetectorPlugin} beans, and an unknown name fails with the list of
 * valid ones.
 */
@ApplicationScoped
public class FaceLocators {

    static final String EYE_CASCADE = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/"
            + "haarcascade_eye_tree_eyeglasses.xml";

    @Inject
    FacesConfig config;

    @Inject
    LandmarkModel landmarks;

    @Inject
    @Any
    Instance<DetectorPlugin> installed;

    /**
     * The mean face the crops are aligned to: the landmark model's own, or — when it is unavailable — the same
     * numbers kept here, so eye-aligned faces land where landmark-aligned ones would.
     */
    public float[] meanShape() {
        return landmarks.predictor().map(p -> p.meanShape()).orElse(MeanFace.DLIB_68.clone());
    }

    /** Every detector plugin, best first. */
    private List<DetectorPlugin> plugins() {
        return installed.stream().sorted(Comparator.comparingInt(DetectorPlugin::rank)).toList();
    }

    private Optional<DetectorPlugin> plugin(String name) {
        return installed.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** A configured detector that is no detector at all stops the app at start, naming the valid ones. */
    void checkConfiguredDetector(@Observes StartupEvent start) {
        if (plugin(config.detector()).isEmpty()) {
            throw new IllegalStateException("doppel.faces.detector=\"" + config.detector()
                    + "\" is not a detector; choose one of: "
                    + String.join(", ", plugins().stream().map(DetectorPlugin::name).toList()));
        }
    }

    /** Detector names this installation can use, best first. */
    public List<String> detectors() {
        return plugins().stream().filter(p -> p.unavailable().isEmpty()).map(DetectorPlugin::name).toList();
    }

    /**
     * The configured detector, or Haar when that one cannot run here (YuNet without its file): extraction and
     * swaps go on with the cascade, and the health check says so ({@link #detectorProblem()}).
     */
    public String defaultDetector() {
        return detectors().contains(config.detector()) ? config.detector() : "haar";
    }

    /** Why the configured detector is not the one in use, or empty when it is. */
    public Optional<String> detectorProblem() {
        if (defaultDetector().equals(config.detector())) {
            return Optional.empty();
        }
        String why = plugin(config.detector()).flatMap(DetectorPlugin::unavailable).orElse("no such detector");
        return Optional.of("The " + config.detector() + " detector is not available here (" + why
                + "); faces are found with haar.");
    }

    public FaceLocator create(String detectorName) {
        DetectorPlugin plugin = plugin(detectorName).filter(p -> p.unavailable().isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("Unknown detector \"" + detectorName
                        + "\"; available: " + String.join(", ", detectors())));
        return new FaceLocator(plugin.create(), landmarks.predictor().orElse(null), eyeCascade());
    }

    public static CascadeClassifier eyeCascade() {
        try {
            return new CascadeClassifier(Loader.cacheResource(EYE_CASCADE).getAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("The eye cascade is missing from the OpenCV jar", e);
        }
    }
}
