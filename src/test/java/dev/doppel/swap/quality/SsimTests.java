package dev.doppel.swap.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SSIM over a whole picture and inside a mask: what lies outside the mask does not count. */
@Tag("no-database")
class SsimTests {

    private static Mat noise(long seed, boolean smooth) {
        Mat m = new Mat(64, 64, opencv_core.CV_8UC3);
        opencv_core.setRNGSeed((int) seed);
        opencv_core.randu(m, new Mat(1, 1, opencv_core.CV_64F, new Scalar(0)),
                new Mat(1, 1, opencv_core.CV_64F, new Scalar(255)));
        if (smooth) {
            opencv_imgproc.GaussianBlur(m, m, new Size(9, 9), 3);
        }
        return m;
    }

    /** Centre square of a 64 px picture: 32 × 32 pixels set. */
    private static Mat centre() {
        Mat mask = new Mat(64, 64, opencv_core.CV_8UC1, new Scalar(0));
        mask.apply(new Rect(16, 16, 32, 32)).put(new Scalar(255));
        return mask;
    }

    @Test
    void identicalPicturesScoreOne() {
        Mat a = noise(1, true);
        assertThat(Ssim.of(a, a.clone())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Ssim.of(a, a.clone(), centre())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void noiseOutsideTheMaskCountsOnlyForTheWholePicture() {
        Mat a = noise(1, true);
        Mat mask = centre();
        Mat outsideSpoilt = noise(2, false);
        a.copyTo(outsideSpoilt, mask);
        double whole = Ssim.of(a, outsideSpoilt);
        double inside = Ssim.of(a, outsideSpoilt, mask);
        // Pixels near the mask's edge see some of the noise through the 11 × 11 window, so inside is not quite 1.
        assertThat(inside).as("inside the mask").isGreaterThan(0.6);
        assertThat(whole).as("whole picture").isLessThan(inside - 0.3);

        Mat insideSpoilt = a.clone();
        noise(3, false).copyTo(insideSpoilt, mask);
        assertThat(Ssim.of(a, insideSpoilt, mask)).isLessThan(0.3);
    }
}
