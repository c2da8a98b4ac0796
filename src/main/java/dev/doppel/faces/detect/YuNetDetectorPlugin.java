package dev.doppel.faces.detect;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.doppel.faces.FacesConfig;

/** OpenCV's YuNet CNN, the default: its ONNX file ships in models/ and inside the app (YuNetModelFile). */
@ApplicationScoped
public class YuNetDetectorPlugin implements DetectorPlugin {

    @Inject
    FacesConfig config;

    @Override
    public String name() {
        return "yunet";
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public Optional<String> unavailable() {
        return YuNetModelFile.resolve(config.yunetModel()).isPresent() ? Optional.empty()
                : Optional.of("its model " + config.yunetModel() + " is missing");
    }

    @Override
    public FaceDetector create() {
        return new YuNetFaceDetector(YuNetModelFile.resolve(config.yunetModel()).orElseThrow(
                () -> new IllegalStateException("The yunet detector is not available: " + unavailable().orElse(""))),
                YuNetFaceDetector.MIN_SCORE);
    }
}
