package dev.doppel.swap.convert;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/** Shifts each colour channel's mean to the target's; the spread stays the decoder's. */
final class AverageColourMatch implements ColourMatcher {

    @Override
    public String name() {
        return "avg";
    }

    @Override
    public void match(Mat face, Mat target, Mat mask) {
        try (Mat fm = new Mat(); Mat fs = new Mat(); Mat tm = new Mat(); Mat ts = new Mat();
                MatVector channels = new MatVector()) {
            opencv_core.meanStdDev(face, fm, fs, mask);
            opencv_core.meanStdDev(target, tm, ts, mask);
            opencv_core.split(face, channels);
            for (int c = 0; c < 3; c++) {
                double shift = ColourMatchers.value(tm, c) - ColourMatchers.value(fm, c);
                channels.get(c).convertTo(channels.get(c), -1, 1, shift);
            }
            opencv_core.merge(channels, face);
        }
    }
}
