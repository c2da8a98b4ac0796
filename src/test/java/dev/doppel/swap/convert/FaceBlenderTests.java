package dev.doppel.swap.convert;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.faces.MeanFace;
import dev.doppel.faces.align.FaceMask;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.geometry.Affine;
import dev.doppel.faces.geometry.Landmarks;
import dev.doppel.faces.pipeline.FaceSelection;
import dev.doppel.swap.SwapOptions;

/**
 * The blender on synthetic frames, where the right answer is known: a flat "face" of one colour pasted into a
 * frame of another, at the place the mean face's landmarks say.
 */
@Tag("no-database")
class FaceBlenderTests {

    static final int SIZE = 64;

    @Test
    void changesOnlyTheFeatheredHullAndMatchesTheColours() {
        for (String blend : BlendMethods.names()) {
            try (Mat frame = noisyFrame(); Mat original = frame.clone();
                    Mat rendered = new Mat(SIZE, SIZE, opencv_core.CV_8UC3, new Scalar(30, 200, 60, 0))) {
                Landmarks landmarks = faceAt(100, 80, 120);
                Affine toRendered = toRendered(landmarks);
                SwapOptions options = new SwapOptions("rct", blend, 3, 8, true, 0, FaceSelection.LARGEST);
                Rect changed = new FaceBlender(options).blend(frame, rendered, toRendered, FaceMask.outline(landmarks));
                assertThat(changed).isNotNull();
                try (Mat hull = new Mat(frame.rows(), frame.cols(), opencv_core.CV_8UC1, new Scalar(0));
                        Mat outside = new Mat(); Mat diff = new Mat(); Mat grey = new Mat()) {
                    FaceMask.fill(hull, FaceMask.outline(landmarks), 0, 0);
                    // A tenth of the face's width around the hull is the most the feathering may reach.
                    try (Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE,
                            new org.bytedeco.opencv.opencv_core.Size(25, 25))) {
                        opencv_imgproc.dilate(hull, outside, kernel);
                    }
                    opencv_core.bitwise_not(outside, outside);
                    opencv_core.absdiff(frame, original, diff);
                    opencv_imgproc.cvtColor(diff, grey, opencv_imgproc.COLOR_BGR2GRAY);
                    opencv_core.bitwise_and(grey, outside, grey);
                    assertThat(opencv_core.countNonZero(grey)).as("%s: pixels changed outside the face", blend)
                            .isZero();
                    // Inside, RCT took the frame's face colours (grey noise around 128), not the render's green.
                    Scalar inside = opencv_core.mean(frame, erode(hull, 15));
                    assertThat(inside.get(1)).as("%s: green of the blended face", blend).isLessThan(160);
                    assertThat(Math.abs(inside.get(1) - inside.get(2))).as("%s: colour cast", blend).isLessThan(25);
                }
            }
        }
    }

    @Test
    void withoutColourTransferTheRenderedColoursShowAndNothingOutsideMoves() {
        try (Mat frame = noisyFrame(); Mat original = frame.clone();
                Mat rendered = new Mat(SIZE, SIZE, opencv_core.CV_8UC3, new Scalar(30, 200, 60, 0))) {
            Landmarks landmarks = faceAt(100, 80, 120);
            new FaceBlender(new SwapOptions("none", "alpha", 3, 8, true, 0, FaceSelection.LARGEST)).blend(frame, rendered,
                    toRendered(landmarks), FaceMask.outline(landmarks));
            try (Mat hull = new Mat(frame.rows(), frame.cols(), opencv_core.CV_8UC1, new Scalar(0))) {
                FaceMask.fill(hull, FaceMask.outline(landmarks), 0, 0);
                Scalar inside = opencv_core.mean(frame, erode(hull, 15));
                assertThat(inside.get(1)).isGreaterThan(190);
                assertThat(inside.get(0)).isLessThan(40);
            }
            // Far from the face, the frame is byte for byte what it was.
            try (Mat a = new Mat(frame, new Rect(240, 170, 70, 60)); Mat b = new Mat(original, new Rect(240, 170, 70, 60));
                    Mat diff = new Mat(); Mat grey = new Mat()) {
                opencv_core.absdiff(a, b, diff);
                opencv_imgproc.cvtColor(diff, grey, opencv_imgproc.COLOR_BGR2GRAY);
                assertThat(opencv_core.countNonZero(grey)).isZero();
            }
        }
    }

    private static Mat noisyFrame() {
        Mat frame = new Mat(240, 320, opencv_core.CV_8UC3);
        opencv_core.randn(frame, new Mat(1, 1, opencv_core.CV_64FC1, new Scalar(128)),
                new Mat(1, 1, opencv_core.CV_64FC1, new Scalar(20)));
        return frame;
    }

    private static Mat erode(Mat mask, int radius) {
        Mat out = new Mat();
        try (Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE,
                new org.bytedeco.opencv.opencv_core.Size(2 * radius + 1, 2 * radius + 1))) {
            opencv_imgproc.erode(mask, out, kernel);
        }
        return out;
    }

    /** The mean face's 68 landmarks scaled so its jaw is {@code width} pixels, centred at (cx, cy). */
    static Landmarks faceAt(double cx, double cy, double width) {
        FaceTemplate t = FaceTemplate.fromMeanShape(MeanFace.dlib68(), 256);
        double[] p = t.points();
        double jaw = Math.hypot(p[32] - p[0], p[33] - p[1]);
        double k = width / jaw;
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i += 2) {
            out[i] = cx + (p[i] - 128) * k;
            out[i + 1] = cy + (p[i + 1] - 128) * k;
        }
        return Landmarks.of(out);
    }

    /** Frame → rendered-face pixels for a face placed by {@link #faceAt}: the inverse of that placement. */
    static Affine toRendered(Landmarks landmarks) {
        FaceTemplate t = FaceTemplate.fromMeanShape(MeanFace.dlib68(), SIZE);
        double[] p = t.points();
        double k = Math.hypot(p[32] - p[0], p[33] - p[1]) / Math.hypot(landmarks.x(16) - landmarks.x(0),
                landmarks.y(16) - landmarks.y(0));
        // Same shape, so a scale and a shift map one onto the other.
        return new Affine(k, 0, p[0] - k * landmarks.x(0), 0, k, p[1] - k * landmarks.y(0));
    }
}
