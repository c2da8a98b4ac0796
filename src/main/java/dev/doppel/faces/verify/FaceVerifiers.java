package dev.doppel.faces.verify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.doppel.faces.FacesConfig;
import dev.doppel.faces.detect.YuNetModelFile;

/**
 * Makes the face verifier for a job, or says why there is none. Verification is optional: without YuNet's
 * model file extraction still works, its faces simply have no face score (shown as "not checked"), and the
 * capabilities endpoint and the health check say why.
 */
@ApplicationScoped
public class FaceVerifiers {

    private static final Logger LOG = Logger.getLogger(FaceVerifiers.class);
    private static final Pattern OPENCV_ERROR = Pattern.compile(
            "error: \\([^)]*\\) (.*?)(?: in function '[^']*')?\\s*$", Pattern.DOTALL);

    @Inject
    FacesConfig config;

    /** Set when the model file exists but OpenCV could not load it; every job tries again. */
    private volatile String loadProblem;

    /** A new verifier for one job (close it after), or empty when faces cannot be checked here. */
    public Optional<FaceVerifier> create() {
        if (missing().isPresent()) {
            return Optional.empty();
        }
        try {
            FaceVerifier verifier = new YuNetFaceVerifier(YuNetModelFile.resolve(config.yunetModel()).orElseThrow());
            loadProblem = null;
            return Optional.of(verifier);
        } catch (RuntimeException e) {
            loadProblem = "The face check model " + config.yunetModel() + " could not be loaded ("
                    + openCvReason(e.getMessage()) + "): faces are not checked.";
            LOG.error(loadProblem, e);
            return Optional.empty();
        }
    }

    /** Why faces are not checked, or empty when they are. */
    public Optional<String> problem() {
        return missing().or(() -> Optional.ofNullable(loadProblem));
    }

    private Optional<String> missing() {
        return YuNetModelFile.resolve(config.yunetModel()).isPresent() ? Optional.empty()
                : Optional.of("The face check model " + config.yunetModel() + " is missing (see models/README.md, or "
                        + "set doppel.faces.yunet-model): faces are not checked.");
    }

    /**
     * What OpenCV says went wrong, without its build path and source position: "OpenCV(4.13.0) /…/x.cpp:284:
     * error: (-210:Unsupported format…) Failed to parse ONNX model: … in function 'ONNXImporter'" gives "Failed to
     * parse ONNX model: …".
     */
    static String openCvReason(String message) {
        Matcher m = OPENCV_ERROR.matcher(String.valueOf(message));
        String why = (m.find() ? m.group(1) : String.valueOf(message)).strip();
        return why.length() <= 200 ? why : why.substring(0, 200) + "…";
    }
}
