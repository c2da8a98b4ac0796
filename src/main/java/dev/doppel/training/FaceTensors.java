package dev.doppel.training;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The one place that knows how a face crop becomes network input and back: BGR bytes ↔ planar RGB floats in
 * 0–1, so training, previews and the swap can never disagree on channel order or scale.
 */
public final class FaceTensors {

    private FaceTensors() {
    }

    /** A BGR crop as planar RGB (3 × h × w) in 0–1. */
    public static float[] chw(Mat bgr) {
        int h = bgr.rows();
        int w = bgr.cols();
        float[] out = new float[3 * h * w];
        try (UByteIndexer idx = bgr.createIndexer()) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    out[p] = idx.get(y, x, 2) / 255f;
                    out[h * w + p] = idx.get(y, x, 1) / 255f;
                    out[2 * h * w + p] = idx.get(y, x, 0) / 255f;
                }
            }
        }
        return out;
    }

    /** Face {@code index} of a (n, 3, size, size) batch as a BGR crop. */
    public static Mat bgr(float[] values, int index, int size) {
        Mat out = new Mat(size, size, opencv_core.CV_8UC3);
        int plane = size * size;
        int base = index * 3 * plane;
        try (UByteIndexer idx = out.createIndexer()) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int p = y * size + x;
                    idx.put(y, x, 2, clamp(values[base + p]));
                    idx.put(y, x, 1, clamp(values[base + plane + p]));
                    idx.put(y, x, 0, clamp(values[base + 2 * plane + p]));
                }
            }
        }
        return out;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
