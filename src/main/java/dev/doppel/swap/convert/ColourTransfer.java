package dev.doppel.swap.convert;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

import dev.doppel.swap.SwapOptions.ColourMode;

/**
 * Makes the decoder's face take on the light and skin tone of the face it replaces, measured inside the mask
 * only (the background would skew both). RCT is Reinhard et al.'s transfer: each LAB channel gets the target's
 * mean and spread; AVG only moves each colour channel's mean.
 */
public final class ColourTransfer {

    /** Spreads below this are treated as flat, so a uniform patch cannot blow the scale up. */
    static final double MIN_STD = 1e-3;

    private ColourTransfer() {
    }

    /** Adjusts {@code face} (8-bit BGR) in place towards {@code target} (same size) inside {@code mask}. */
    public static void apply(ColourMode mode, Mat face, Mat target, Mat mask) {
        if (mode == ColourMode.NONE || opencv_core.countNonZero(mask) < 16) {
            return;
        }
        if (mode == ColourMode.AVG) {
            average(face, target, mask);
        } else {
            reinhard(face, target, mask);
        }
    }

    private static void average(Mat face, Mat target, Mat mask) {
        try (Mat fm = new Mat(); Mat fs = new Mat(); Mat tm = new Mat(); Mat ts = new Mat();
                MatVector channels = new MatVector()) {
            opencv_core.meanStdDev(face, fm, fs, mask);
            opencv_core.meanStdDev(target, tm, ts, mask);
            opencv_core.split(face, channels);
            for (int c = 0; c < 3; c++) {
                double shift = value(tm, c) - value(fm, c);
                channels.get(c).convertTo(channels.get(c), -1, 1, shift);
            }
            opencv_core.merge(channels, face);
        }
    }

    private static void reinhard(Mat face, Mat target, Mat mask) {
        try (Mat faceLab = lab(face); Mat targetLab = lab(target); Mat fm = new Mat(); Mat fs = new Mat();
                Mat tm = new Mat(); Mat ts = new Mat(); MatVector channels = new MatVector();
                Mat bgr = new Mat()) {
            opencv_core.meanStdDev(faceLab, fm, fs, mask);
            opencv_core.meanStdDev(targetLab, tm, ts, mask);
            opencv_core.split(faceLab, channels);
            for (int c = 0; c < 3; c++) {
                double scale = value(ts, c) / Math.max(MIN_STD, value(fs, c));
                double shift = value(tm, c) - value(fm, c) * scale;
                channels.get(c).convertTo(channels.get(c), -1, scale, shift);
            }
            opencv_core.merge(channels, faceLab);
            opencv_imgproc.cvtColor(faceLab, bgr, opencv_imgproc.COLOR_Lab2BGR);
            // Out-of-gamut LAB values come back outside 0–1; the 8-bit conversion clips them.
            bgr.convertTo(face, opencv_core.CV_8UC3, 255, 0);
        }
    }

    private static Mat lab(Mat bgr) {
        Mat f = new Mat();
        bgr.convertTo(f, opencv_core.CV_32FC3, 1 / 255.0, 0);
        opencv_imgproc.cvtColor(f, f, opencv_imgproc.COLOR_BGR2Lab);
        return f;
    }

    private static double value(Mat m, int c) {
        try (var idx = m.<org.bytedeco.javacpp.indexer.DoubleIndexer>createIndexer()) {
            return idx.get(c);
        }
    }
}
