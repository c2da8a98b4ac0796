package dev.doppel.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.align.FaceAligner;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.align.LandmarkSmoother;
import dev.doppel.faces.geometry.Landmarks;
import dev.doppel.faces.detect.CascadeFaceDetector;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.landmarks.ShapePredictor;
import dev.doppel.support.TestMedia;

/** Detection, landmarks, alignment and smoothing on every frame of the real GRID clips. */
@Tag("no-database")
class GridFaceTests {

    private static ShapePredictor predictor;
    private static FaceDetector haar;
    private static FaceLocator locator;
    private static FaceAligner aligner;

    @BeforeAll
    static void setUp() throws Exception {
        predictor = ShapePredictor.read(ShapePredictorTests.MODEL);
        haar = CascadeFaceDetector.haar();
        CascadeClassifier eyes = new CascadeClassifier(Loader.cacheResource(
                "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_eye.xml").getAbsolutePath());
        locator = new FaceLocator(haar, predictor, eyes);
        aligner = new FaceAligner(FaceTemplate.fromMeanShape(predictor.meanShape(), 256));
    }

    @AfterAll
    static void tearDown() {
        haar.close();
    }

    @Test
    void findsExactlyOneFaceInAtLeast95PercentOfFrames() throws Exception {
        for (Path clip : TestMedia.gridClips()) {
            int[] counts = new int[2];
            frames(clip, (index, frame) -> {
                counts[0]++;
                if (haar.detect(frame, 40, 1).size() == 1) {
                    counts[1]++;
                }
            });
            double share = counts[1] / (double) counts[0];
            System.out.printf("%s: one face in %d of %d frames%n", clip.getFileName(), counts[1], counts[0]);
            assertThat(share).as(clip.toString()).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void findsBothWomenInThePhotograph() {
        Mat photo = opencv_imgcodecs.imread(TestMedia.clip("pixabay_two-women-glasses.jpg").toString());
        List<LocatedFace> faces = locator.locate(photo, 40, 4);
        assertThat(faces).hasSize(2);
        // One face left of the middle, one right, both with landmarks inside their boxes.
        assertThat(faces.stream().mapToDouble(f -> f.box().centerX()).min().orElseThrow()).isLessThan(960);
        assertThat(faces.stream().mapToDouble(f -> f.box().centerX()).max().orElseThrow()).isGreaterThan(960);
    }

    @Test
    void alignedEyesLandWithin3PixelsOfTheTemplate() throws Exception {
        double[] tl = aligner.template().leftEye();
        double[] tr = aligner.template().rightEye();
        List<Double> errors = new ArrayList<>();
        for (Path clip : TestMedia.gridClips()) {
            List<Landmarks> located = landmarks(clip);
            frames(clip, (index, frame) -> {
                if (located.get(index) != null) {
                    try (AlignedFace aligned = aligner.alignOnLandmarks(frame, located.get(index))) {
                        double[] l = FaceTemplateAccess.mean(aligned.landmarks().toArray(), 36, 42);
                        double[] r = FaceTemplateAccess.mean(aligned.landmarks().toArray(), 42, 48);
                        errors.add(Math.max(Math.hypot(l[0] - tl[0], l[1] - tl[1]), Math.hypot(r[0] - tr[0], r[1] - tr[1])));
                    }
                }
            });
        }
        double worst = errors.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double mean = errors.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        System.out.printf("eye centre vs template at 256 px: mean %.2f px, worst %.2f px over %d faces%n", mean, worst,
                errors.size());
        assertThat(errors).hasSizeGreaterThanOrEqualTo((int) (9 * 75 * 0.95));
        assertThat(worst).isLessThanOrEqualTo(3.0);
    }

    @Test
    void withoutLandmarksFacesAreAlignedOnTheirEyes() throws Exception {
        CascadeClassifier eyes = new CascadeClassifier(Loader.cacheResource(FaceLocators.EYE_CASCADE).getAbsolutePath());
        try (FaceLocator eyesOnly = new FaceLocator(CascadeFaceDetector.haar(), null, eyes)) {
            int[] counts = new int[2];
            double[] tl = aligner.template().leftEye();
            double[] tr = aligner.template().rightEye();
            frames(TestMedia.clip("grid_man-light-shirt_sbwe5n.mp4"), (index, frame) -> {
                counts[0]++;
                List<LocatedFace> found = eyesOnly.locate(frame, 40, 1);
                if (found.isEmpty()) {
                    return;
                }
                counts[1]++;
                LocatedFace face = found.get(0);
                assertThat(face.hasLandmarks()).isFalse();
                try (AlignedFace aligned = aligner.alignOnEyes(frame, face.leftEye(), face.rightEye())) {
                    double[] l = aligned.transform().apply(face.leftEye());
                    double[] r = aligned.transform().apply(face.rightEye());
                    assertThat(Math.hypot(l[0] - tl[0], l[1] - tl[1])).isLessThan(0.01);
                    assertThat(Math.hypot(r[0] - tr[0], r[1] - tr[1])).isLessThan(0.01);
                }
            });
            System.out.printf("eye-only alignment: both eyes found in %d of %d frames%n", counts[1], counts[0]);
            assertThat(counts[1] / (double) counts[0]).isGreaterThanOrEqualTo(0.8);
        }
    }

    @Test
    void smoothingKeepsAlignedEyesAndMouthStill() throws Exception {
        for (Path clip : TestMedia.gridClips()) {
            double[] raw = jitter(clip, false);
            double[] smooth = jitter(clip, true);
            System.out.printf("%s jitter (px at 256, eye/mouth corners): raw %.2f, smoothed %.2f%n",
                    clip.getFileName(), raw[0], smooth[0]);
            assertThat(smooth[0]).as(clip.toString()).isLessThan(raw[0]);
            assertThat(smooth[0]).as(clip.toString()).isLessThan(JITTER_BOUND);
        }
    }

    /**
     * The bound for mean frame-to-frame movement of the aligned eye and mouth corners, at 256 px. Measured on
     * the nine GRID clips: raw landmarks 0.35–0.46 px, smoothed 0.12–0.20 px. 0.3 px leaves half again the
     * worst smoothed value for other machines' decoders, is 0.12 % of the crop (no visible flicker), and is
     * below every raw value, so losing the smoothing fails this test.
     */
    static final double JITTER_BOUND = 0.3;

    private static double[] jitter(Path clip, boolean smoothed) throws Exception {
        LandmarkSmoother smoother = new LandmarkSmoother();
        double[][] previous = new double[1][];
        double[] sum = new double[2];
        List<Landmarks> located = landmarks(clip);
        frames(clip, (index, frame) -> {
            Landmarks points = located.get(index);
            if (points == null) {
                previous[0] = null;
                return;
            }
            if (smoothed) {
                points = smoother.smooth(points, index, 25, 1);
            }
            try (AlignedFace aligned = aligner.alignOnLandmarks(frame, points)) {
                double[] corners = corners(aligned.landmarks().toArray());
                if (previous[0] != null) {
                    double move = 0;
                    for (int i = 0; i < corners.length; i += 2) {
                        move += Math.hypot(corners[i] - previous[0][i], corners[i + 1] - previous[0][i + 1]);
                    }
                    sum[0] += move / (corners.length / 2);
                    sum[1]++;
                }
                previous[0] = corners;
            }
        });
        return new double[] { sum[0] / sum[1] };
    }

    /**
     * The first face's landmarks in every frame of a clip (null where none was found), located once per clip and
     * shared by the alignment and smoothing tests: locating is the slow part, and both want the same faces.
     */
    private static synchronized List<Landmarks> landmarks(Path clip) throws Exception {
        List<Landmarks> known = LANDMARKS.get(clip);
        if (known == null) {
            List<Landmarks> located = new ArrayList<>();
            frames(clip, (index, frame) -> {
                List<LocatedFace> faces = locator.locate(frame, 40, 1);
                located.add(faces.isEmpty() ? null : faces.get(0).landmarks());
            });
            known = located;
            LANDMARKS.put(clip, known);
        }
        return known;
    }

    private static final Map<Path, List<Landmarks>> LANDMARKS = new HashMap<>();

    /** Outer and inner eye corners (36, 39, 42, 45) and mouth corners (48, 54). */
    private static double[] corners(double[] pts) {
        int[] ids = { 36, 39, 42, 45, 48, 54 };
        double[] out = new double[ids.length * 2];
        for (int i = 0; i < ids.length; i++) {
            out[2 * i] = pts[2 * ids[i]];
            out[2 * i + 1] = pts[2 * ids[i] + 1];
        }
        return out;
    }

    static void frames(Path clip, BiConsumer<Integer, Mat> each) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame;
            int index = 0;
            while ((frame = grabber.grabImage()) != null) {
                each.accept(index++, converter.convert(frame));
            }
        }
    }

    /** Test access to the template's averaging. */
    static final class FaceTemplateAccess {
        static double[] mean(double[] pts, int from, int to) {
            double x = 0, y = 0;
            for (int i = from; i < to; i++) {
                x += pts[2 * i];
                y += pts[2 * i + 1];
            }
            return new double[] { x / (to - from), y / (to - from) };
        }
    }
}
