package dev.doppel.swap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ai.djl.Device;

import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.FaceLocators;
import dev.doppel.faces.align.FaceMask;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.detect.YuNetFaceDetector;
import dev.doppel.faces.detect.YuNetModelFile;
import dev.doppel.faces.mask.HullMask;
import dev.doppel.faces.pipeline.FaceFilter;
import dev.doppel.faces.pipeline.FacePipeline;
import dev.doppel.faces.pipeline.FaceSelection;
import dev.doppel.faces.pipeline.FaceTracker;
import dev.doppel.faces.pipeline.PersonMatcher;
import dev.doppel.faces.pipeline.PipelineFace;
import dev.doppel.faces.landmarks.ShapePredictor;
import dev.doppel.support.DecodedVideo;
import dev.doppel.support.TestMedia;
import dev.doppel.training.AutoencoderTrainer;
import dev.doppel.training.Preset;

/**
 * Whose faces a swap replaces, on the openmpf clip (a woman in front, three people behind her): matching the woman
 * changes her face and leaves every pixel outside her face as it was (up to the video codec); swapping every face
 * changes the people behind her too. The network is an untrained one — its output differs from any real face,
 * which is all these checks need, and it runs in a second.
 */
@Tag("no-database")
class WhoseFacesSwapTests {

    static final String GROUP = "ccby_woman-smiling-group_openmpf-video_01.mp4";
    static final Path DLIB_MODEL = Path.of(System.getProperty("doppel.test.dlib-model",
            "/usr/share/dlib/shape_predictor_68_face_landmarks.dat"));

    private static ShapePredictor predictor;
    private static FaceTemplate template;
    private static AutoencoderTrainer untrained;
    /** Per frame of the source, the hull of the woman's face (the largest face), in frame pixels. */
    private static final List<Mat> herHulls = new ArrayList<>();
    private static final List<Mat> herCrops = new ArrayList<>();
    /** Per frame, the hulls of everyone else's faces. */
    private static final List<Mat> otherHulls = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        predictor = ShapePredictor.read(DLIB_MODEL);
        template = FaceTemplate.fromMeanShape(predictor.meanShape(), 256);
        untrained = new AutoencoderTrainer(Preset.read(Path.of("models/presets/tiny.json")), Device.cpu(), 3);
        // Her face set, as extraction would make it: the largest face of every frame.
        try (var grabber = new org.bytedeco.javacv.FFmpegFrameGrabber(TestMedia.clip(GROUP).toFile());
                FacePipeline pipeline = pipeline(FaceFilter.LARGEST, 1)) {
            grabber.start();
            pipeline.run(grabber, 1, false, (index, frame, faces) -> {
                Mat hull = new Mat(frame.rows(), frame.cols(), opencv_core.CV_8UC1, new Scalar(0));
                for (PipelineFace f : faces) {
                    FaceMask.fill(hull, FaceMask.outline(f.landmarks()), 0, 0);
                    herCrops.add(f.aligned().crop().clone());
                }
                herHulls.add(hull);
            });
        }
        try (var grabber = new org.bytedeco.javacv.FFmpegFrameGrabber(TestMedia.clip(GROUP).toFile());
                FacePipeline pipeline = pipeline(FaceFilter.ALL, 8)) {
            grabber.start();
            pipeline.run(grabber, 1, false, (index, frame, faces) -> {
                Mat hull = new Mat(frame.rows(), frame.cols(), opencv_core.CV_8UC1, new Scalar(0));
                for (PipelineFace f : faces) {
                    if (f.track() > 0) {
                        FaceMask.fill(hull, FaceMask.outline(f.landmarks()), 0, 0);
                    }
                }
                otherHulls.add(hull);
            });
        }
    }

    @AfterAll
    static void tearDown() {
        herHulls.forEach(Mat::close);
        otherHulls.forEach(Mat::close);
        herCrops.forEach(Mat::close);
        untrained.close();
    }

    static FacePipeline pipeline(FaceFilter filter, int maxFaces) {
        FaceLocator locator = new FaceLocator(new YuNetFaceDetector(YuNetModelFile.resolve(
                Path.of(YuNetModelFile.DEFAULT)).orElseThrow(), YuNetFaceDetector.MIN_SCORE), predictor,
                FaceLocators.eyeCascade());
        // Faces from 16 px, so the people behind her are found and it is the filter that decides.
        return new FacePipeline(locator, template, new FaceTracker.Settings(5, 16, maxFaces,
                FaceDetector.Search.QUICK_TILTED, 29.97, 1), filter);
    }

    /**
     * Of the swapped clip: mean PSNR outside her dilated hull, mean change inside her eroded hull, and mean change
     * on the faces of the people behind her.
     */
    private static double[] swap(FaceFilter filter, int maxFaces, FaceSelection selection) throws Exception {
        Path out = Files.createTempFile("whose-", ".mp4");
        SwapOptions o = SwapOptions.defaults();
        SwapOptions options = new SwapOptions(o.colour(), o.blend(), o.maskErode(), o.maskFeather(), false, 0,
                selection);
        try (FacePipeline pipeline = pipeline(filter, maxFaces)) {
            VideoSwapper swapper = new VideoSwapper(new ModelRenderer(untrained.network(), untrained.manager(), true),
                    pipeline, new HullMask().create(template), options, new VideoSwapper.Params(8, 16, "veryfast", 10));
            try (VideoSwapper.Outcome outcome = swapper.run(TestMedia.clip(GROUP), out,
                    Map.of("comment", "test " + UUID.randomUUID()), 90, (done, expected) -> {
                    });
                    DecodedVideo source = DecodedVideo.read(TestMedia.clip(GROUP));
                    DecodedVideo swapped = DecodedVideo.read(out)) {
                assertThat(swapped.frames()).hasSameSizeAs(source.frames());
                double psnr = 0;
                double change = 0;
                double others = 0;
                for (int i = 0; i < source.frames().size(); i++) {
                    Mat hull = herHulls.get(i);
                    int width = (int) Math.sqrt(opencv_core.countNonZero(hull));
                    try (Mat outside = new Mat(); Mat inside = new Mat()) {
                        SwapResourceTests.morph(hull, outside, opencv_imgproc.MORPH_DILATE, width / 4);
                        opencv_core.bitwise_not(outside, outside);
                        SwapResourceTests.morph(hull, inside, opencv_imgproc.MORPH_ERODE, width / 8);
                        psnr += SwapResourceTests.psnr(source.frames().get(i), swapped.frames().get(i), outside);
                        change += SwapResourceTests.meanDifference(source.frames().get(i), swapped.frames().get(i),
                                inside);
                        others += SwapResourceTests.meanDifference(source.frames().get(i), swapped.frames().get(i),
                                otherHulls.get(i));
                    }
                }
                int n = source.frames().size();
                return new double[] { psnr / n, change / n, others / n };
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void matchingTheWomanChangesOnlyHerFace() throws Exception {
        double[] matched;
        try (PersonMatcher her = new PersonMatcher(herCrops, List.of(), template)) {
            matched = swap(her, 8, FaceSelection.MATCH);
        }
        double[] everyone = swap(FaceFilter.ALL, 8, FaceSelection.ALL);
        System.out.printf("%s: matching her — PSNR outside her face %.1f dB, change inside %.1f, on the faces behind "
                + "her %.1f; every face — PSNR outside her face %.1f dB, change inside %.1f, on the faces behind her "
                + "%.1f%n", GROUP, matched[0], matched[1], matched[2], everyone[0], everyone[1], everyone[2]);
        assertThat(matched[1]).as("her face changed").isGreaterThan(10);
        assertThat(matched[0]).as("the rest of the picture kept (codec noise only)").isGreaterThan(38);
        assertThat(everyone[1]).as("her face changed with every face swapped too").isGreaterThan(10);
        // Measured: 2.9 grey levels of x264 noise on the faces behind her when only she is matched, 20.5 when
        // every face is swapped.
        assertThat(matched[2]).as("the faces behind her kept (codec noise only)").isLessThan(6);
        assertThat(everyone[2]).as("the faces behind her changed when every face is swapped").isGreaterThan(10);
    }
}
