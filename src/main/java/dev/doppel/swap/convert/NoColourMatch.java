package dev.doppel.swap.convert;

import org.bytedeco.opencv.opencv_core.Mat;

/** Leaves the decoder's colours as they are. */
final class NoColourMatch implements ColourMatcher {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public void match(Mat face, Mat target, Mat mask) {
    }
}
