package dev.doppel.faces.detect;

import jakarta.enterprise.context.ApplicationScoped;

/** OpenCV's improved LBP frontal-face cascade: quicker than Haar, less thorough. */
@ApplicationScoped
public class LbpDetectorPlugin implements DetectorPlugin {

    @Override
    public String name() {
        return "lbp";
    }

    @Override
    public int rank() {
        return 3;
    }

    @Override
    public FaceDetector create() {
        return CascadeFaceDetector.lbp();
    }
}
