package dev.doppel.swap.video;

import org.junit.jupiter.api.Tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The visible label, drawn on a plain frame: it must sit at the top, where no browser draws its player controls,
 * and change nothing else. Checked on the pixels, not only on {@link Provenance#labelArea}, so moving both back
 * to the bottom still fails.
 */
@Tag("no-database")
class ProvenanceTests {

    @ParameterizedTest
    @CsvSource({ "360, 288", "640, 360", "1280, 720", "1920, 1080", "480, 854" })
    void drawsTheLabelInTheTopRightCornerClearOfThePlayerControls(int width, int height) {
        try (Mat before = new Mat(height, width, opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0));
                Mat after = before.clone()) {
            Provenance.drawLabel(after);
            Rect area = Provenance.labelArea(width, height);

            assertThat(area.y()).as("a margin above").isPositive();
            assertThat(area.x() + area.width()).as("a margin on the right").isLessThan(width);
            assertThat(area.y() + area.height()).as("in the top fifth").isLessThanOrEqualTo(height / 5);
            assertThat(area.x()).as("in the right half").isGreaterThanOrEqualTo(width / 2);

            Rect changed = changedPixels(before, after);
            assertThat(changed.width()).as("something was drawn").isPositive();
            assertThat(changed.y()).isGreaterThanOrEqualTo(area.y());
            assertThat(changed.x()).isGreaterThanOrEqualTo(area.x());
            assertThat(changed.y() + changed.height()).isLessThanOrEqualTo(area.y() + area.height());
            assertThat(changed.x() + changed.width()).isLessThanOrEqualTo(area.x() + area.width());
            // Where browsers put their controls (the bottom quarter) the picture is untouched.
            assertThat(changed.y() + changed.height()).as("bottom quarter untouched")
                    .isLessThanOrEqualTo(height - height / 4);
        }
    }

    /** The bounding box of every pixel that differs. */
    private static Rect changedPixels(Mat a, Mat b) {
        try (Mat diff = new Mat(); Mat gray = new Mat(); Mat points = new Mat()) {
            opencv_core.absdiff(a, b, diff);
            opencv_imgproc.cvtColor(diff, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_core.findNonZero(gray, points);
            return points.empty() ? new Rect(0, 0, 0, 0) : opencv_imgproc.boundingRect(points);
        }
    }
}
