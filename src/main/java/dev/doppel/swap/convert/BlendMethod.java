package dev.doppel.swap.convert;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One way of laying the colour-matched face over the frame inside the mask. Registered by name in
 * {@link BlendMethods}: adding a method is one class.
 */
public interface BlendMethod {

    /** The name a swap's options give, lower case. */
    String name();

    /**
     * Blends {@code face} into {@code target} (the frame's region, changed in place) inside {@code mask}, its
     * edge softened over {@code feather} pixels. False when this method cannot work here (the region is then
     * left as it was and the alpha blend is used instead).
     */
    boolean blend(Mat face, Mat target, Mat mask, int feather);
}
