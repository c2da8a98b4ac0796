package dev.doppel.swap.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.assertj.core.data.Offset;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every colour mode on synthetic faces: the face takes on the target's statistics (as far as the mode promises),
 * and nothing outside the blend region changes; and the blend methods' registry.
 */
@Tag("no-database")
class ColourMatchersTests {

    /** A face with independent channels, and a target with another cast and channels that move together. */
    private static final double[] FACE_MEAN = { 100, 125, 150 };
    private static final double[][] FACE_MIX = { { 25, 0, 0 }, { 0, 20, 0 }, { 0, 0, 30 } };
    private static final double[] TARGET_MEAN = { 140, 110, 95 };
    private static final double[][] TARGET_MIX = { { 15, 0, 0 }, { 10, 12, 0 }, { 5, 8, 18 } };

    @Test
    void everyModeIsFoundByNameAndAnUnknownOneIsRefusedWithTheList() {
        assertThat(ColourMatchers.names()).containsExactly("rct", "avg", "hist", "mkl", "none");
        assertThat(ColourMatchers.find("MKL")).map(ColourMatcher::name).hasValue("mkl");
        try (Mat face = blob(FACE_MEAN, FACE_MIX, 1); Mat mask = circle(20)) {
            assertThatThrownBy(() -> ColourMatchers.apply("sepia", face, face, mask, mask))
                    .hasMessage("Unknown colour mode \"sepia\"; available: rct, avg, hist, mkl, none");
        }
    }

    @Test
    void blendMethodsAreFoundByNameAndAnUnknownOneIsRefusedWithTheList() {
        assertThat(BlendMethods.names()).containsExactly("alpha", "seamless");
        assertThat(BlendMethods.find("Seamless")).map(BlendMethod::name).hasValue("seamless");
        try (Mat face = blob(FACE_MEAN, FACE_MIX, 1); Mat mask = circle(20)) {
            assertThatThrownBy(() -> BlendMethods.apply("smudge", face, face, mask, 5))
                    .hasMessage("Unknown blend \"smudge\"; available: alpha, seamless");
        }
    }

    @Test
    void avgGivesTheTargetsMeans() {
        Stats s = run("avg");
        for (int c = 0; c < 3; c++) {
            assertThat(s.face.mean[c]).as("mean " + c).isCloseTo(s.target.mean[c], Offset.offset(1.5));
            // The spread stays the face's own.
            assertThat(s.face.cov[c][c]).isCloseTo(s.before.cov[c][c], Offset.offset(s.before.cov[c][c] * 0.1));
        }
    }

    @Test
    void rctGivesTheTargetsMeansAndSpreads() {
        Stats s = run("rct");
        for (int c = 0; c < 3; c++) {
            assertThat(s.face.mean[c]).as("mean " + c).isCloseTo(s.target.mean[c], Offset.offset(4.0));
            assertThat(Math.sqrt(s.face.cov[c][c])).as("spread " + c)
                    .isCloseTo(Math.sqrt(s.target.cov[c][c]), Offset.offset(4.0));
        }
    }

    /** A soft render's small spread is mostly noise: rct moves its mean but widens it by at most half again. */
    @Test
    void rctDoesNotStretchASoftFacesSpreadIntoAMosaic() {
        double[][] soft = { { 4, 0, 0 }, { 0, 3, 0 }, { 0, 0, 5 } };
        try (Mat face = blob(FACE_MEAN, soft, 1); Mat target = blob(TARGET_MEAN, TARGET_MIX, 2);
                Mat mask = circle(40)) {
            Moments before = Moments.of(face, mask);
            ColourMatchers.apply("rct", face, target, mask, mask);
            Moments after = Moments.of(face, mask);
            Moments wanted = Moments.of(target, mask);
            for (int c = 0; c < 3; c++) {
                assertThat(after.mean[c]).as("mean " + c).isCloseTo(wanted.mean[c], Offset.offset(4.0));
                // Without the bound the spread would be the target's, 3-5 times the face's own.
                assertThat(Math.sqrt(after.cov[c][c])).as("spread " + c)
                        .isLessThan(Math.sqrt(wanted.cov[c][c]) * 0.6)
                        .isLessThanOrEqualTo(Math.sqrt(before.cov[c][c]) * 1.5 * 1.25 + 1);
            }
        }
    }

    @Test
    void histGivesTheTargetsDistributionOfEachChannel() {
        Stats s = run("hist");
        for (int c = 0; c < 3; c++) {
            assertThat(s.face.mean[c]).as("mean " + c).isCloseTo(s.target.mean[c], Offset.offset(1.5));
            assertThat(Math.sqrt(s.face.cov[c][c])).as("spread " + c)
                    .isCloseTo(Math.sqrt(s.target.cov[c][c]), Offset.offset(1.5));
            // The middle of the distribution too, not only its moments.
            assertThat(s.face.median[c]).as("median " + c).isCloseTo(s.target.median[c], Offset.offset(2.0));
        }
    }

    @Test
    void mklGivesTheTargetsMeansAndWholeCovariance() {
        Stats s = run("mkl");
        for (int i = 0; i < 3; i++) {
            assertThat(s.face.mean[i]).as("mean " + i).isCloseTo(s.target.mean[i], Offset.offset(1.5));
            for (int j = 0; j < 3; j++) {
                // Including the channels moving together, which per-channel modes cannot give.
                assertThat(s.face.cov[i][j]).as("covariance " + i + "," + j)
                        .isCloseTo(s.target.cov[i][j], Offset.offset(0.08 * s.target.cov[i][i] + 4));
            }
        }
        // Per-channel histogram matching leaves the face's channels independent.
        Stats hist = run("hist");
        assertThat(Math.abs(hist.face.cov[1][0])).isLessThan(0.5 * s.target.cov[1][0]);
    }

    @Test
    void noneLeavesTheFaceAsItIs() {
        Stats s = run("none");
        for (int c = 0; c < 3; c++) {
            assertThat(s.face.mean[c]).isEqualTo(s.before.mean[c]);
        }
    }

    /** Matches the face to the target inside a circle, checks the outside of a larger circle is untouched. */
    private static Stats run(String mode) {
        try (Mat face = blob(FACE_MEAN, FACE_MIX, 1); Mat original = face.clone();
                Mat target = blob(TARGET_MEAN, TARGET_MIX, 2); Mat mask = circle(40); Mat region = circle(50);
                Mat outside = new Mat(); Mat diff = new Mat(); Mat grey = new Mat()) {
            Moments before = Moments.of(face, mask);
            ColourMatchers.apply(mode, face, target, mask, region);
            opencv_core.bitwise_not(region, outside);
            opencv_core.absdiff(face, original, diff);
            opencv_imgproc.cvtColor(diff, grey, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_core.bitwise_and(grey, outside, grey);
            assertThat(opencv_core.countNonZero(grey)).as(mode + ": pixels changed outside the region").isZero();
            return new Stats(before, Moments.of(face, mask), Moments.of(target, mask));
        }
    }

    private record Stats(Moments before, Moments face, Moments target) {
    }

    private record Moments(double[] mean, double[][] cov, double[] median) {
        static Moments of(Mat bgr, Mat mask) {
            double[] mean = new double[3];
            double[][] cov = MklColourMatch.covariance(bgr, mask, mean);
            double[][] cumulative = ColourMatchers.cumulative(bgr, mask);
            double[] median = new double[3];
            for (int c = 0; c < 3; c++) {
                int v = 0;
                while (cumulative[c][v] < 0.5) {
                    v++;
                }
                median[c] = v;
            }
            return new Moments(mean, cov, median);
        }
    }

    /** 128×128 pixels of mean + mix·z with z standard normal per pixel, rounded and clipped to 8 bits. */
    private static Mat blob(double[] mean, double[][] mix, long seed) {
        Random random = new Random(seed);
        Mat m = new Mat(128, 128, opencv_core.CV_8UC3);
        try (UByteIndexer px = m.createIndexer()) {
            for (int y = 0; y < 128; y++) {
                for (int x = 0; x < 128; x++) {
                    double[] z = { random.nextGaussian(), random.nextGaussian(), random.nextGaussian() };
                    for (int c = 0; c < 3; c++) {
                        double v = mean[c] + mix[c][0] * z[0] + mix[c][1] * z[1] + mix[c][2] * z[2];
                        px.put(y, x, c, (int) Math.round(Math.max(0, Math.min(255, v))));
                    }
                }
            }
        }
        return m;
    }

    private static Mat circle(int radius) {
        Mat mask = new Mat(128, 128, opencv_core.CV_8UC1, new Scalar(0));
        opencv_imgproc.circle(mask, new Point(64, 64), radius, new Scalar(255), -1, opencv_imgproc.LINE_8, 0);
        return mask;
    }
}
