package dev.doppel.swap.quality;

import java.util.Arrays;
import java.util.List;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_face.LBPHFaceRecognizer;

/**
 * Whether a face looks like one person, by verification: OpenCV's LBPH recogniser, taught only that person's
 * training faces, gives a face its distance to the nearest of them, and the face passes when that distance is
 * within a threshold calibrated on real faces: the one that best tells the person's own unseen faces from
 * another person's (their equal-error point, or the middle of the gap between them when none of the two
 * overlap). Unlike a vote between the model's two people, where a smear only has to land nearer one of them, a
 * face has to be on the person's side of where real faces of the two people part.
 */
public final class IdentityVerifier implements AutoCloseable {

    private final LBPHFaceRecognizer recogniser = LBPHFaceRecognizer.create();
    private final double threshold;

    /**
     * @param training the person's grey crops the recogniser learns
     * @param calibration other crops of the person, never learned, that set the threshold
     * @param others crops of someone else, the other side of the threshold
     */
    public IdentityVerifier(List<Mat> training, List<Mat> calibration, List<Mat> others) {
        if (training.isEmpty() || calibration.isEmpty() || others.isEmpty()) {
            throw new IllegalArgumentException("The recogniser needs training and calibration faces");
        }
        try (MatVector images = new MatVector(training.size());
                Mat labels = new Mat(training.size(), 1, opencv_core.CV_32SC1)) {
            try (IntIndexer idx = labels.createIndexer()) {
                for (int i = 0; i < training.size(); i++) {
                    images.put(i, training.get(i));
                    idx.put(i, 0);
                }
            }
            recogniser.train(images, labels);
        }
        threshold = separating(calibration.stream().mapToDouble(this::distance).sorted().toArray(),
                others.stream().mapToDouble(this::distance).sorted().toArray());
    }

    /** The LBPH (chi-square) distance from {@code face} to the nearest training face. */
    public double distance(Mat face) {
        try (IntPointer label = new IntPointer(1); DoublePointer confidence = new DoublePointer(1)) {
            recogniser.predict(face, label, confidence);
            return confidence.get();
        }
    }

    public boolean accepts(Mat face) {
        return distance(face) <= threshold;
    }

    /** Share of {@code faces} taken for the person (0 for none). */
    public double shareAccepted(List<Mat> faces) {
        if (faces.isEmpty()) {
            return 0;
        }
        return faces.stream().filter(this::accepts).count() / (double) faces.size();
    }

    public double threshold() {
        return threshold;
    }

    /**
     * The distance that best parts {@code own} (should be at or below it) from {@code others} (above it): where
     * the share of own above it and the share of others at or below it are closest (the equal-error point), taken
     * in the middle of the gap between the two neighbouring distances so a face is judged by which side it is
     * nearer. Both arrays sorted.
     */
    static double separating(double[] own, double[] others) {
        double[] candidates = new double[own.length + others.length];
        System.arraycopy(own, 0, candidates, 0, own.length);
        System.arraycopy(others, 0, candidates, own.length, others.length);
        Arrays.sort(candidates);
        double best = Double.MAX_VALUE;
        int bestAt = 0;
        for (int i = 0; i < candidates.length; i++) {
            double missed = share(own, candidates[i], false);
            double passed = share(others, candidates[i], true);
            // Ties go to the lower threshold: the stricter reading of the same error.
            double gap = Math.abs(missed - passed) + Math.max(missed, passed);
            if (gap < best) {
                best = gap;
                bestAt = i;
            }
        }
        double at = candidates[bestAt];
        double next = bestAt + 1 < candidates.length ? candidates[bestAt + 1] : at;
        return (at + next) / 2;
    }

    /** Share of sorted {@code values} at or below ({@code atOrBelow}) or above {@code threshold}. */
    private static double share(double[] values, double threshold, boolean atOrBelow) {
        int below = 0;
        for (double v : values) {
            if (v <= threshold) {
                below++;
            }
        }
        return (atOrBelow ? below : values.length - below) / (double) values.length;
    }

    @Override
    public void close() {
        recogniser.close();
    }
}
