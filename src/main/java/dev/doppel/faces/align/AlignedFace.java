package dev.doppel.faces.align;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A face warped onto the template. {@code transform} maps frame pixels to crop pixels as
 * {m00, m01, tx, m10, m11, ty}; {@code landmarks} are in crop pixels (null when aligned on eyes only).
 */
public record AlignedFace(Mat crop, double[] transform, double[] landmarks) implements AutoCloseable {

    @Override
    public void close() {
        crop.close();
    }
}
