package dev.doppel.swap.quality;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * How sharp grey face crops are, and copies of crops blurred until they are only as sharp as another set: the
 * identity check's controls are the source's and the target's faces made as soft as the swap's, so that softness
 * alone can neither pass for the target nor be taken for the wrong person.
 * <p>
 * Sharpness is the variance of the Laplacian (the usual focus measure) of the crop's centre — eyes, nose and
 * mouth — after a Gaussian of {@link #GRAIN_SIGMA}. Measured over the whole crop, the frame's own jaw line and
 * background, which a swap leaves as they were, and the pixel grain of colour matching and of the codec made a
 * blurred swap read as sharp as the source (a 15-minute lite swap, as soft as a σ 2 blur to the eye, measured
 * σ 0.4).
 */
public final class Sharpness {

    /** The widest Gaussian tried; a crop of 64 px is a grey smear well before this. */
    static final double MAX_SIGMA = 8;
    /** Smoothing before the Laplacian (px on a 64 px crop): below the size of an eye's features, above grain. */
    static final double GRAIN_SIGMA = 1;
    /** The share of the crop's side left out on each side of the centre that is measured. */
    static final double BORDER = 0.2;

    private Sharpness() {
    }

    public static double of(Mat grey) {
        int border = (int) Math.round(BORDER * grey.cols());
        Rect centre = new Rect(border, border, grey.cols() - 2 * border, grey.rows() - 2 * border);
        try (Mat smooth = blurred(grey, GRAIN_SIGMA); Mat inner = new Mat(smooth, centre);
                Mat laplacian = new Mat(); Mat mean = new Mat(); Mat deviation = new Mat()) {
            opencv_imgproc.Laplacian(inner, laplacian, opencv_core.CV_64F);
            opencv_core.meanStdDev(laplacian, mean, deviation);
            try (DoubleIndexer idx = deviation.createIndexer()) {
                double sd = idx.get(0);
                return sd * sd;
            }
        }
    }

    /** Mean sharpness of {@code faces} (0 for none). */
    public static double mean(List<Mat> faces) {
        return faces.stream().mapToDouble(Sharpness::of).average().orElse(0);
    }

    /** A Gaussian blur of {@code sigma} (none at 0). */
    public static Mat blurred(Mat grey, double sigma) {
        Mat out = new Mat();
        if (sigma <= 0) {
            grey.copyTo(out);
        } else {
            opencv_imgproc.GaussianBlur(grey, out, new Size(0, 0), sigma);
        }
        return out;
    }

    /**
     * The Gaussian sigma that brings the mean sharpness of {@code faces} down to {@code target} (found by
     * bisection: sharpness falls as sigma grows); 0 when they are no sharper than that already.
     */
    public static double sigmaToMatch(List<Mat> faces, double target) {
        if (faces.isEmpty() || mean(faces) <= target) {
            return 0;
        }
        double low = 0;
        double high = MAX_SIGMA;
        for (int step = 0; step < 12; step++) {
            double mid = (low + high) / 2;
            if (meanBlurred(faces, mid) > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    /** Blurred copies of {@code faces} (the caller closes them). */
    public static List<Mat> blurredAll(List<Mat> faces, double sigma) {
        List<Mat> out = new ArrayList<>(faces.size());
        for (Mat face : faces) {
            out.add(blurred(face, sigma));
        }
        return out;
    }

    private static double meanBlurred(List<Mat> faces, double sigma) {
        double sum = 0;
        for (Mat face : faces) {
            try (Mat soft = blurred(face, sigma)) {
                sum += of(soft);
            }
        }
        return sum / faces.size();
    }
}
