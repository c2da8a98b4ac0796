package dev.doppel.training;

import java.util.SplittableRandom;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Augmentation as the desktop tools do it: the same colour jitter in LAB (lightness ±30 %, a and b ±8 %),
 * random rotation (±10°), zoom (±5 %), shift (±5 %) and flip (50 %) for the input and the target, and a random
 * warp — a 5×5 grid of points moved by normal noise of σ = 5/256 of the size — for the input only, in the iterations
 * the preset warps (Preset#warps). The network therefore has to rebuild the unwarped face: it cannot
 * just copy pixels, it must learn what a face looks like.
 */
public final class Augmenter {

    static final double ROTATION = 10;
    static final double ZOOM = 0.05;
    static final double SHIFT = 0.05;
    static final int WARP_GRID = 5;
    static final double WARP_SIGMA = 5.0 / 256;
    static final double LIGHTNESS = 0.30;
    static final double COLOUR = 0.08;

    private final int size;

    public Augmenter(int size) {
        this.size = size;
    }

    /**
     * One training pair from a face and its mask (both size×size, 8-bit): input, target, mask. The input is the
     * target warped, or with {@code warp} false (a preset's {@link Preset#warps(long) schedule}) the target itself.
     */
    public Sample augment(Mat face, Mat mask, SplittableRandom random, boolean warp) {
        double angle = (random.nextDouble() * 2 - 1) * ROTATION;
        double scale = 1 + (random.nextDouble() * 2 - 1) * ZOOM;
        double tx = (random.nextDouble() * 2 - 1) * SHIFT * size;
        double ty = (random.nextDouble() * 2 - 1) * SHIFT * size;
        boolean flip = random.nextBoolean();
        try (Mat target = new Mat(); Mat targetMask = new Mat(); Mat input = new Mat(); Mat coloured = jitter(face,
                random); Point2f centre = new Point2f(size / 2f, size / 2f);
                Mat m = opencv_imgproc.getRotationMatrix2D(centre, angle, scale)) {
            var idx = (org.bytedeco.javacpp.indexer.DoubleIndexer) m.createIndexer();
            idx.put(0, 2, idx.get(0, 2) + tx);
            idx.put(1, 2, idx.get(1, 2) + ty);
            idx.close();
            opencv_imgproc.warpAffine(coloured, target, m, new Size(size, size), opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_REPLICATE, new Scalar());
            opencv_imgproc.warpAffine(mask, targetMask, m, new Size(size, size), opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_CONSTANT, new Scalar(0));
            if (flip) {
                opencv_core.flip(target, target, 1);
                opencv_core.flip(targetMask, targetMask, 1);
            }
            if (warp) {
                warp(target, input, random);
            } else {
                target.copyTo(input);
            }
            return new Sample(FaceTensors.chw(input), FaceTensors.chw(target), toPlane(targetMask));
        }
    }

    /**
     * Moves lightness and the a/b colour axes in LAB towards their ends or their middle by a random share, so the
     * model does not learn one clip's lighting: with each channel scaled to [−1, 1], v + (1 − v)·r for r ≥ 0 and
     * v·(1 + r) for r &lt; 0, as faceswap does.
     */
    private static Mat jitter(Mat bgr, SplittableRandom random) {
        double[] amount = { (random.nextDouble() * 2 - 1) * LIGHTNESS, (random.nextDouble() * 2 - 1) * COLOUR,
                (random.nextDouble() * 2 - 1) * COLOUR };
        Mat out = new Mat();
        try (Mat lab = new Mat()) {
            opencv_imgproc.cvtColor(bgr, lab, opencv_imgproc.COLOR_BGR2Lab);
            try (UByteIndexer idx = lab.createIndexer()) {
                for (int y = 0; y < lab.rows(); y++) {
                    for (int x = 0; x < lab.cols(); x++) {
                        for (int c = 0; c < 3; c++) {
                            double v = idx.get(y, x, c) / 127.5 - 1;
                            double r = amount[c];
                            double moved = r >= 0 ? v + (1 - v) * r : v * (1 + r);
                            idx.put(y, x, c, (int) Math.max(0, Math.min(255, Math.round((moved + 1) * 127.5))));
                        }
                    }
                }
            }
            opencv_imgproc.cvtColor(lab, out, opencv_imgproc.COLOR_Lab2BGR);
        }
        return out;
    }

    /** The random 5×5 grid warp: control points moved by noise, the displacement interpolated to every pixel. */
    private void warp(Mat source, Mat out, SplittableRandom random) {
        try (Mat gridX = new Mat(WARP_GRID, WARP_GRID, opencv_core.CV_32F);
                Mat gridY = new Mat(WARP_GRID, WARP_GRID, opencv_core.CV_32F);
                Mat mapX = new Mat(); Mat mapY = new Mat()) {
            FloatIndexer gx = gridX.createIndexer();
            FloatIndexer gy = gridY.createIndexer();
            double sigma = WARP_SIGMA * size;
            for (int r = 0; r < WARP_GRID; r++) {
                for (int c = 0; c < WARP_GRID; c++) {
                    double x = c * (size - 1) / (double) (WARP_GRID - 1);
                    double y = r * (size - 1) / (double) (WARP_GRID - 1);
                    boolean border = r == 0 || c == 0 || r == WARP_GRID - 1 || c == WARP_GRID - 1;
                    gx.put(r, c, (float) (x + (border ? 0 : gaussian(random) * sigma)));
                    gy.put(r, c, (float) (y + (border ? 0 : gaussian(random) * sigma)));
                }
            }
            gx.close();
            gy.close();
            opencv_imgproc.resize(gridX, mapX, new Size(size, size), 0, 0, opencv_imgproc.INTER_LINEAR);
            opencv_imgproc.resize(gridY, mapY, new Size(size, size), 0, 0, opencv_imgproc.INTER_LINEAR);
            opencv_imgproc.remap(source, out, mapX, mapY, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_REPLICATE,
                    new Scalar());
        }
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble());
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** BGR 8-bit → RGB floats in [0, 1], channel-major (what the network reads). */
    static float[] toPlane(Mat gray) {
        int h = gray.rows();
        int w = gray.cols();
        float[] out = new float[h * w];
        try (UByteIndexer idx = gray.createIndexer()) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = idx.get(y, x) / 255f;
                }
            }
        }
        return out;
    }

    /** Input (warped), target and mask of one face, as float arrays ready for a batch. */
    public record Sample(float[] input, float[] target, float[] mask) {
    }
}
