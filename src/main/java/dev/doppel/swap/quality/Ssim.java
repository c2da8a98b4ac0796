package dev.doppel.swap.quality;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Structural similarity (Wang et al. 2004) with the usual 11 × 11 Gaussian window (σ 1.5) and constants for
 * 8-bit images, averaged over the picture (or the pixels inside a mask) and its colour channels. 1 means
 * identical.
 */
public final class Ssim {

    static final double C1 = Math.pow(0.01 * 255, 2);
    static final double C2 = Math.pow(0.03 * 255, 2);

    private Ssim() {
    }

    public static double of(Mat a, Mat b) {
        return of(a, b, null);
    }

    /**
     * SSIM over the pixels where {@code mask} (8-bit, one channel, same size; null: everywhere) is not 0. A face
     * decoder is trained only inside the face's mask and a swap shows only that part: what it makes of the
     * background is never learned and never seen, and would otherwise weigh as much as the eyes.
     */
    public static double of(Mat a, Mat b, Mat mask) {
        try (Mat x = new Mat(); Mat y = new Mat(); Mat muX = new Mat(); Mat muY = new Mat(); Mat xx = new Mat();
                Mat yy = new Mat(); Mat xy = new Mat(); Mat muXX = new Mat(); Mat muYY = new Mat(); Mat muXY = new Mat();
                Mat num = new Mat(); Mat den = new Mat(); Mat t = new Mat(); Mat map = new Mat()) {
            a.convertTo(x, opencv_core.CV_32F);
            b.convertTo(y, opencv_core.CV_32F);
            blur(x, muX);
            blur(y, muY);
            opencv_core.multiply(x, x, xx);
            opencv_core.multiply(y, y, yy);
            opencv_core.multiply(x, y, xy);
            blur(xx, xx);
            blur(yy, yy);
            blur(xy, xy);
            opencv_core.multiply(muX, muX, muXX);
            opencv_core.multiply(muY, muY, muYY);
            opencv_core.multiply(muX, muY, muXY);
            // numerator (2 μxμy + C1)(2 σxy + C2)
            opencv_core.subtract(xy, muXY, xy);
            muXY.convertTo(num, -1, 2, C1);
            xy.convertTo(t, -1, 2, C2);
            opencv_core.multiply(num, t, num);
            // denominator (μx² + μy² + C1)(σx² + σy² + C2)
            opencv_core.subtract(xx, muXX, xx);
            opencv_core.subtract(yy, muYY, yy);
            opencv_core.add(muXX, muYY, den);
            den.convertTo(den, -1, 1, C1);
            opencv_core.add(xx, yy, t);
            t.convertTo(t, -1, 1, C2);
            opencv_core.multiply(den, t, den);
            opencv_core.divide(num, den, map);
            var mean = mask == null ? opencv_core.mean(map) : opencv_core.mean(map, mask);
            int channels = a.channels();
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += mean.get(c);
            }
            return sum / channels;
        }
    }

    private static void blur(Mat in, Mat out) {
        opencv_imgproc.GaussianBlur(in, out, new Size(11, 11), 1.5);
    }
}
