package dev.doppel.swap.convert;

import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

import dev.doppel.plugins.PluginsByName;

/** The colour modes by name. A new mode is one {@link ColourMatcher} class and one entry here. */
public final class ColourMatchers {

    /** In the order a user is offered them: the recommended one first. */
    public static final PluginsByName<ColourMatcher> PLUGINS = new PluginsByName<>("colour mode", ColourMatcher::name,
            List.of(new ReinhardColourMatch(), new AverageColourMatch(), new HistogramColourMatch(),
                    new MklColourMatch(), new NoColourMatch()));

    /** The default of a swap's options. */
    public static final String DEFAULT = "rct";

    /** Fewer masked pixels than this give no usable statistics; the colours are then left alone. */
    static final int MIN_PIXELS = 16;

    private ColourMatchers() {
    }

    public static List<String> names() {
        return PLUGINS.names();
    }

    /** The mode of that name (any case), or empty. */
    public static Optional<ColourMatcher> find(String name) {
        return PLUGINS.find(name);
    }

    /**
     * Matches {@code face}'s colours to {@code target}'s, measured inside {@code mask}, and changes only the
     * pixels inside {@code region} (the part of the face the blend will show: the mask and its feathered edge).
     */
    public static void apply(String name, Mat face, Mat target, Mat mask, Mat region) {
        ColourMatcher matcher = PLUGINS.require(name);
        if (matcher instanceof NoColourMatch || opencv_core.countNonZero(mask) < MIN_PIXELS) {
            return;
        }
        try (Mat matched = face.clone()) {
            matcher.match(matched, target, mask);
            matched.copyTo(face, region);
        }
    }

    static double value(Mat m, int c) {
        try (DoubleIndexer idx = m.createIndexer()) {
            return idx.get(c);
        }
    }

    /** Per channel, the share of masked pixels at or below each level 0–255. */
    static double[][] cumulative(Mat bgr, Mat mask) {
        double[][] counts = new double[3][256];
        long n = 0;
        try (UByteIndexer px = bgr.createIndexer(); UByteIndexer m = mask.createIndexer()) {
            for (int y = 0; y < bgr.rows(); y++) {
                for (int x = 0; x < bgr.cols(); x++) {
                    if (m.get(y, x) != 0) {
                        n++;
                        for (int c = 0; c < 3; c++) {
                            counts[c][px.get(y, x, c)]++;
                        }
                    }
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            double running = 0;
            for (int v = 0; v < 256; v++) {
                running += counts[c][v];
                counts[c][v] = running / Math.max(1, n);
            }
        }
        return counts;
    }
}
