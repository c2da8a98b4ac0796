package dev.doppel.swap.convert;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Reinhard et al.'s colour transfer (RCT): each LAB channel gets the target's mean and spread, except that a
 * spread is never widened by more than {@link #MAX_STRETCH}. A half-trained model renders soft faces whose little
 * spread is mostly its own noise; matching the frame's spread multiplied that noise into a mosaic of blocks (seen
 * on a 15-minute lite model: up to three times), where the mean alone gives a soft but clean face.
 */
final class ReinhardColourMatch implements ColourMatcher {

    /** Spreads below this are treated as flat, so a uniform patch cannot blow the scale up. */
    static final double MIN_STD = 1e-3;
    /** The most a channel's spread may grow; a sharp render's spread is within this of the frame's anyway. */
    static final double MAX_STRETCH = 1.5;

    @Override
    public String name() {
        return "rct";
    }

    @Override
    public void match(Mat face, Mat target, Mat mask) {
        try (Mat faceLab = lab(face); Mat targetLab = lab(target); Mat fm = new Mat(); Mat fs = new Mat();
                Mat tm = new Mat(); Mat ts = new Mat(); MatVector channels = new MatVector();
                Mat bgr = new Mat()) {
            opencv_core.meanStdDev(faceLab, fm, fs, mask);
            opencv_core.meanStdDev(targetLab, tm, ts, mask);
            opencv_core.split(faceLab, channels);
            for (int c = 0; c < 3; c++) {
                double scale = Math.min(MAX_STRETCH,
                        ColourMatchers.value(ts, c) / Math.max(MIN_STD, ColourMatchers.value(fs, c)));
                double shift = ColourMatchers.value(tm, c) - ColourMatchers.value(fm, c) * scale;
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
}
