package dev.doppel.faces.align;

import org.bytedeco.opencv.opencv_core.Mat;

import dev.doppel.faces.geometry.Affine;
import dev.doppel.faces.geometry.Landmarks;

/**
 * A face warped onto the template. {@code transform} maps frame pixels to crop pixels; {@code landmarks} are in
 * crop pixels (null when aligned on eyes only).
 */
public record AlignedFace(Mat crop, Affine transform, Landmarks landmarks) implements AutoCloseable {

    @Override
    public void close() {
        crop.close();
    }
}
