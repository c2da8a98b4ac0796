package dev.doppel.swap.convert;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Histogram matching (faceswap's "match-hist"): each colour channel is remapped so that its distribution inside
 * the mask becomes the target's, not only its mean and spread.
 */
final class HistogramColourMatch implements ColourMatcher {

    @Override
    public String name() {
        return "hist";
    }

    @Override
    public void match(Mat face, Mat target, Mat mask) {
        double[][] from = ColourMatchers.cumulative(face, mask);
        double[][] to = ColourMatchers.cumulative(target, mask);
        try (Mat lut = new Mat(1, 256, opencv_core.CV_8UC3); Mat out = new Mat()) {
            try (UByteIndexer table = lut.createIndexer()) {
                for (int c = 0; c < 3; c++) {
                    int u = 0;
                    for (int v = 0; v < 256; v++) {
                        // The first target level whose share of pixels at or below it reaches this level's.
                        while (u < 255 && to[c][u] < from[c][v]) {
                            u++;
                        }
                        table.put(0, v, c, u);
                    }
                }
            }
            opencv_core.LUT(face, lut, out);
            out.copyTo(face);
        }
    }
}
