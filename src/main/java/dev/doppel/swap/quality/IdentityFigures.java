package dev.doppel.swap.quality;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The report's identity figure and its controls, from grey crops: faces of the target the recogniser learns,
 * other faces of the target it never learns (every other one calibrates the threshold against the source's faces,
 * the rest say how often real faces of the target pass), the source's faces, and the swapped faces. The controls are
 * the source's own faces and the same faces blurred to the swap's sharpness; when the source's faces pass as
 * the target too often, the recogniser cannot tell the two people apart and the figure is "not measurable". The
 * target's own unseen faces blurred to the swap's sharpness say what the figure can reach at that softness: when
 * too few of them pass, a swap that soft could not pass even with the right face, so the figure is "not
 * measurable" there too (the swap is too soft to judge) rather than a 0 % that reads as the wrong person.
 */
public final class IdentityFigures {

    /** Above this share of the source's faces passing as the target, nothing it says means anything. */
    static final double MAX_SOURCE_PASSING = 0.2;
    /** Below this share of the target's own faces passing at the swap's softness, the swap is too soft to judge. */
    public static final double MIN_SOFT_CEILING = 0.5;
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
        // Each set is blurred to the swap's sharpness on its own: the two people's faces are not equally sharp.
        double targetSigma = swapped.isEmpty() ? 0 : Sharpness.sigmaToMatch(check, swapSharpness);
        List<Mat> blurredSource = Sharpness.blurredAll(sourceHeldOut, sigma);
        List<Mat> blurredTarget = Sharpness.blurredAll(check, targetSigma);
        try (IdentityVerifier verifier = new IdentityVerifier(targetTraining, calibration, sourceHeldOut)) {
            double real = verifier.shareAccepted(check);
            double source = verifier.shareAccepted(sourceHeldOut);
            double blurred = verifier.shareAccepted(blurredSource);
            double softCeiling = verifier.shareAccepted(blurredTarget);
            double swappedShare = verifier.shareAccepted(swapped);
            String reason = null;
            if (source > MAX_SOURCE_PASSING) {
                reason = "The recogniser cannot tell the two people apart: " + percent(source)
                        + " of the source's own faces pass as the target.";
            } else if (!swapped.isEmpty() && softCeiling < MIN_SOFT_CEILING) {
                reason = "The swapped faces are too soft to judge: the target's own faces blurred to the same "
                        + "sharpness pass only " + percent(softCeiling) + ". Train longer for a sharper swap.";
            }
            return new QualityReport.Identity(target, QualityReport.Identity.VERIFICATION, reason == null, reason,
                    swappedShare, swapped.size(), real, check.size(), source, blurred, softCeiling,
                    sourceHeldOut.size(), sigma, swapSharpness);
        } finally {
            blurredSource.forEach(Mat::close);
            blurredTarget.forEach(Mat::close);
        }
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}
