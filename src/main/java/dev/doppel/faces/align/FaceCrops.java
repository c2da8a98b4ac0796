package dev.doppel.faces.align;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import dev.doppel.faces.geometry.Affine;

/**
 * Small grey crops of the inner face for the measures, with the same alignment for swapped, source and real
 * faces. Only the part of the aligned crop the swap mask covers counts (eyes to chin, cheek to cheek): hair
 * and background are the source's in every swapped frame and would make any swap look like the source.
 */
public final class FaceCrops {

    public static final int SIZE = 64;
    /** The inner face within an aligned crop, as shares of its side (the template puts the jaw at 62 %). */
    static final double LEFT = 0.22;
    static final double TOP = 0.30;
    static final double SIDE = 0.56;

    private FaceCrops() {
    }

    /** The face that {@code toAligned} (frame → aligned crop of {@code alignedSize}) points at, grey. */
    public static Mat of(Mat frame, Affine toAligned, int alignedSize) {
        double k = SIZE / (SIDE * alignedSize);
        Mat crop = new Mat();
        try (Mat m = toAligned.scaled(k).translated(-LEFT * alignedSize * k, -TOP * alignedSize * k).toMat();
                Mat colour = new Mat()) {
            opencv_imgproc.warpAffine(frame, colour, m, new Size(SIZE, SIZE), opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_REPLICATE, new Scalar());
            opencv_imgproc.cvtColor(colour, crop, opencv_imgproc.COLOR_BGR2GRAY);
        }
        return crop;
    }

    /** A crop already aligned (a face set's image), at any size, made grey and {@link #SIZE} square. */
    public static Mat ofAligned(Mat bgr) {
        Mat grey = new Mat();
        int side = bgr.cols();
        org.bytedeco.opencv.opencv_core.Rect inner = new org.bytedeco.opencv.opencv_core.Rect(
                (int) Math.round(LEFT * side), (int) Math.round(TOP * side), (int) Math.round(SIDE * side),
                (int) Math.round(SIDE * side));
        try (Mat face = new Mat(bgr, inner); Mat small = new Mat()) {
            opencv_imgproc.resize(face, small, new Size(SIZE, SIZE), 0, 0, opencv_imgproc.INTER_AREA);
            opencv_imgproc.cvtColor(small, grey, opencv_imgproc.COLOR_BGR2GRAY);
        }
        return grey;
    }

    /** Mean absolute difference of two grey crops, 0–255. */
    public static double difference(Mat a, Mat b) {
        try (Mat diff = new Mat()) {
            opencv_core.absdiff(a, b, diff);
            return opencv_core.mean(diff).get(0);
        }
    }
}
