package dev.doppel.faces.align;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import dev.doppel.faces.geometry.Bounds;
import dev.doppel.faces.geometry.Landmarks;

/**
 * The part of an aligned crop that is face: the convex hull of the landmarks, with the brows raised by a fifth
 * of the face height so the forehead is inside. Without landmarks, the template's hull is used.
 */
public final class FaceMask {

    static final double FOREHEAD = 0.2;

    private FaceMask() {
    }

    public static Mat of(Landmarks alignedLandmarks, int size) {
        return filled(outline(alignedLandmarks), size);
    }

    /** A {@code size} square 8-bit mask with the convex hull of {@code outline} set to 255. */
    public static Mat filled(Landmarks outline, int size) {
        Mat mask = new Mat(size, size, opencv_core.CV_8UC1, new Scalar(0));
        fill(mask, outline, 0, 0);
        return mask;
    }

    /** The landmarks with the brows raised to take in the forehead, in the same coordinates as given. */
    public static Landmarks outline(Landmarks landmarks) {
        Bounds box = landmarks.bounds();
        return landmarks.shiftedY(17, 26, -box.height() * FOREHEAD);
    }

    /** Fills the convex hull of {@code pts}, moved by (−dx, −dy), into an 8-bit mask with 255. */
    public static void fill(Mat mask, Landmarks pts, int dx, int dy) {
        try (Mat points = new Mat(pts.count(), 1, opencv_core.CV_32SC2); Mat hull = new Mat()) {
            var idx = (org.bytedeco.javacpp.indexer.IntIndexer) points.createIndexer();
            for (int i = 0; i < pts.count(); i++) {
                idx.put(i, 0, 0, (int) Math.round(pts.x(i) - dx));
                idx.put(i, 0, 1, (int) Math.round(pts.y(i) - dy));
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
