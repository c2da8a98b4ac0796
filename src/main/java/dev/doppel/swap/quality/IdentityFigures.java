package dev.doppel.swap.quality;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The report's identity figure and its two controls, from grey crops: faces of the target the recogniser learns,
 * other faces of the target it never learns (every other one calibrates the threshold against the source's faces,
 * the rest say how often real faces of the target pass), the source's faces, and the swapped faces. The controls are
 * the source's own faces and the same faces blurred to the swap's sharpness; when the source's faces pass as
 * the target too often, the recogniser cannot tell the two people apart and the figure is "not measurable".
 */
public final class IdentityFigures {

    /** Above this share of the source's faces passing as the target, nothing it says means anything. */
    static final double MAX_SOURCE_PASSING = 0.2;
    /** Fewer held-out faces of the target than this cannot set a threshold and check it. */
    static final int MIN_HELD_OUT = 6;

    private IdentityFigures() {
    }

    public static QualityReport.Identity measure(String target, List<Mat> targetTraining, List<Mat> targetHeldOut,
            List<Mat> sourceHeldOut, List<Mat> swapped) {
        if (targetTraining.isEmpty() || targetHeldOut.size() < MIN_HELD_OUT || sourceHeldOut.isEmpty()) {
            return QualityReport.Identity.notMeasurable(target, swapped.size(), targetHeldOut.size(),
                    sourceHeldOut.size(), "Too few faces of the two people to check who the swap looks like.");
        }
        List<Mat> calibration = new ArrayList<>();
        List<Mat> check = new ArrayList<>();
        for (int i = 0; i < targetHeldOut.size(); i++) {
            (i % 2 == 0 ? calibration : check).add(targetHeldOut.get(i));
        }
        double swapSharpness = Sharpness.mean(swapped);
        double sigma = swapped.isEmpty() ? 0 : Sharpness.sigmaToMatch(sourceHeldOut, swapSharpness);
        List<Mat> blurredSource = Sharpness.blurredAll(sourceHeldOut, sigma);
        try (IdentityVerifier verifier = new IdentityVerifier(targetTraining, calibration, sourceHeldOut)) {
            double real = verifier.shareAccepted(check);
            double source = verifier.shareAccepted(sourceHeldOut);
            double blurred = verifier.shareAccepted(blurredSource);
            double swappedShare = verifier.shareAccepted(swapped);
            boolean measurable = source <= MAX_SOURCE_PASSING;
            String reason = measurable ? null
                    : "The recogniser cannot tell the two people apart: " + Math.round(source * 100)
                            + " % of the source's own faces pass as the target.";
            return new QualityReport.Identity(target, QualityReport.Identity.VERIFICATION, measurable, reason,
                    swappedShare, swapped.size(), real, check.size(), source, blurred, sourceHeldOut.size(), sigma,
                    swapSharpness);
        } finally {
            blurredSource.forEach(Mat::close);
        }
    }
}
