package dev.doppel.swap.convert;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One way of giving the decoder's face the light and skin tone of the face it replaces (faceswap's and
 * DeepFaceLab's colour modes). Registered by name in {@link ColourMatchers}: adding a mode is one class.
 */
public interface ColourMatcher {

    /** The name a swap's options give, lower case. */
    String name();

    /**
     * Moves the colours of {@code face} (8-bit BGR) towards {@code target}'s (same size), measured inside
     * {@code mask} only (the background would skew both). May change every pixel of {@code face}; the registry
     * keeps what lies outside the blend region as it was.
     */
    void match(Mat face, Mat target, Mat mask);
}
