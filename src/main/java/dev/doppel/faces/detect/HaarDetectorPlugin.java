package dev.doppel.faces.detect;

import jakarta.enterprise.context.ApplicationScoped;

/** OpenCV's frontal-face Haar cascade: inside the OpenCV jar, so always there; the fallback when YuNet is not. */
@ApplicationScoped
public class HaarDetectorPlugin implements DetectorPlugin {

    @Override
    public String name() {
        return "haar";
    }

    @Override
    public int rank() {
        return 2;
    }

    @Override
    public FaceDetector create() {
        return CascadeFaceDetector.haar();
    }
}
