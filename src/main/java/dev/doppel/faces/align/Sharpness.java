package dev.doppel.faces.align;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/** Variance of the Laplacian of the gray crop: low for blurred or out-of-focus faces. */
public final class Sharpness {

    private Sharpness() {
    }

    public static double of(Mat bgrCrop) {
        try (Mat gray = new Mat(); Mat lap = new Mat(); Mat mean = new Mat(); Mat std = new Mat()) {
            opencv_imgproc.cvtColor(bgrCrop, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.Laplacian(gray, lap, opencv_core.CV_64F);
            opencv_core.meanStdDev(lap, mean, std);
            double s = std.createIndexer() instanceof org.bytedeco.javacpp.indexer.DoubleIndexer d ? d.get(0) : 0;
            return s * s;
        }
    }
}
