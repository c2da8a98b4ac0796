package dev.doppel.training;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import dev.doppel.faces.MeanFace;
import dev.doppel.faces.align.FaceTemplate;

/**
 * Where the training loss counts more: the eyes and the mouth, as DeepFaceLab's "eyes and mouth priority" does —
 * what makes a face someone's is mostly there, and an error over a cheek costs the same as one over an eye
 * otherwise. A map of {@code size × size} weights: {@code weight} inside the eyes and the mouth (each the hull
 * of its landmarks, widened around its centre to take in lids and lips), 1 elsewhere.
 */
public final class FeatureWeights {

    /** Eyes: landmarks 36–41 and 42–47 (dlib's 68), widened so the lids and the corners count too. */
    static final double EYE_GROWTH = 1.8;
    /** Mouth: the outer lip line, 48–59. */
    static final double MOUTH_GROWTH = 1.25;

    private FeatureWeights() {
    }

    /** For faces aligned to the mean face, as every face set's are: its landmarks at {@code size}. */
    public static float[] forAlignedFaces(int size, double weight) {
        return map(FaceTemplate.fromMeanShape(MeanFace.dlib68(), size).points(), size, weight);
    }

    /** From 68 landmarks "x0, y0, x1, y1, …" in the map's own pixels. */
    public static float[] map(double[] landmarks, int size, double weight) {
        float[] out = new float[size * size];
        java.util.Arrays.fill(out, 1f);
        try (Mat region = new Mat(size, size, opencv_core.CV_8UC1, new Scalar(0))) {
            fill(region, landmarks, 36, 42, EYE_GROWTH);
            fill(region, landmarks, 42, 48, EYE_GROWTH);
            fill(region, landmarks, 48, 60, MOUTH_GROWTH);
            try (UByteIndexer idx = region.createIndexer()) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        if (idx.get(y, x) != 0) {
                            out[y * size + x] = (float) weight;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Fills the hull of points {@code from..to-1}, grown by {@code growth} around their centre. */
    private static void fill(Mat region, double[] pts, int from, int to, double growth) {
        double cx = 0, cy = 0;
        for (int i = from; i < to; i++) {
            cx += pts[2 * i];
            cy += pts[2 * i + 1];
        }
        cx /= to - from;
        cy /= to - from;
        try (Mat points = new Mat(to - from, 1, opencv_core.CV_32SC2); Mat hull = new Mat()) {
            try (org.bytedeco.javacpp.indexer.IntIndexer idx = points.createIndexer()) {
                for (int i = from; i < to; i++) {
                    idx.put(i - from, 0, 0, (int) Math.round(cx + (pts[2 * i] - cx) * growth));
                    idx.put(i - from, 0, 1, (int) Math.round(cy + (pts[2 * i + 1] - cy) * growth));
                }
            }
            opencv_imgproc.convexHull(points, hull);
            opencv_imgproc.fillConvexPoly(region, hull, new Scalar(255), opencv_imgproc.LINE_8, 0);
        }
    }
}
