package dev.doppel.faces.align;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The part of an aligned crop that is face: the convex hull of the landmarks, with the brows raised by a fifth
 * of the face height so the forehead is inside. Without landmarks, the template's hull is used.
 */
public final class FaceMask {

    static final double FOREHEAD = 0.2;

    private FaceMask() {
    }

    public static Mat of(double[] alignedLandmarks, int size) {
        double[] pts = outline(alignedLandmarks);
        Mat mask = new Mat(size, size, opencv_core.CV_8UC1, new Scalar(0));
        fill(mask, pts, 0, 0);
        return mask;
    }

    /** The landmarks with the brows raised to take in the forehead, in the same coordinates as given. */
    public static double[] outline(double[] landmarks) {
        double[] pts = landmarks.clone();
        double top = Double.MAX_VALUE, chin = -Double.MAX_VALUE;
        for (int i = 0; i < pts.length / 2; i++) {
            top = Math.min(top, pts[2 * i + 1]);
            chin = Math.max(chin, pts[2 * i + 1]);
        }
        double lift = (chin - top) * FOREHEAD;
        for (int i = 17; i <= 26; i++) {
            pts[2 * i + 1] -= lift;
        }
        return pts;
    }

    /** Fills the convex hull of {@code pts}, moved by (−dx, −dy), into an 8-bit mask with 255. */
    public static void fill(Mat mask, double[] pts, int dx, int dy) {
        try (Mat points = new Mat(pts.length / 2, 1, opencv_core.CV_32SC2); Mat hull = new Mat()) {
            var idx = (org.bytedeco.javacpp.indexer.IntIndexer) points.createIndexer();
            for (int i = 0; i < pts.length / 2; i++) {
                idx.put(i, 0, 0, (int) Math.round(pts[2 * i] - dx));
                idx.put(i, 0, 1, (int) Math.round(pts[2 * i + 1] - dy));
            }
            idx.close();
            opencv_imgproc.convexHull(points, hull);
            opencv_imgproc.fillConvexPoly(mask, hull, new Scalar(255), opencv_imgproc.LINE_AA, 0);
        }
    }

    /** Share of the crop the mask covers, 0–1. */
    public static double coverage(Mat mask) {
        return opencv_core.countNonZero(mask) / (double) mask.total();
    }

}
