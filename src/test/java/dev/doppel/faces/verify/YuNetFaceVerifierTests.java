package dev.doppel.faces.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.support.TestFacesConfig;
import dev.doppel.support.TestMedia;

/**
 * The face check on real aligned crops, made the way extraction makes them: real faces pass, the background
 * patches a Haar cascade takes for faces fail.
 */
@Tag("no-database")
class YuNetFaceVerifierTests {

    /** The model file the app ships in models/ (the tests run in the project folder). */
    static final Path MODEL = Path.of("models/face_detection_yunet_2023mar.onnx");
    static final double MIN_SCORE = TestFacesConfig.MIN_FACE_SCORE;

    private static AlignedCrops crops;
    private static YuNetFaceVerifier verifier;

    @BeforeAll
    static void setUp() throws Exception {
        crops = new AlignedCrops();
        verifier = new YuNetFaceVerifier(MODEL);
    }

    @AfterAll
    static void tearDown() {
        verifier.close();
        crops.close();
    }

    @Test
    void passesEveryFaceOfEveryGridSpeaker() throws Exception {
        for (Path clip : TestMedia.gridClips()) {
            List<AlignedCrops.Crop> faces = crops.fromClip(clip, 5);
            assertThat(faces).as(clip.toString()).hasSizeGreaterThanOrEqualTo(14);
            for (AlignedCrops.Crop face : faces) {
                assertThat(verifier.score(face.image())).as(clip.getFileName() + " frame " + face.frameIndex())
                        .isGreaterThanOrEqualTo(MIN_SCORE);
                face.image().close();
            }
        }
    }

    @Test
    void passesFacesWithGlassesInAPhotograph() {
        List<Mat> faces = crops.fromStill(TestMedia.clip("pixabay_two-women-glasses.jpg"), 4);
        assertThat(faces).hasSize(2);
        for (Mat face : faces) {
            assertThat(verifier.score(face)).isGreaterThanOrEqualTo(MIN_SCORE);
            face.close();
        }
    }

    @Test
    void failsWhatTheCascadeMistookForFacesInTearsOfSteel() throws Exception {
        // A three-quarter face with glasses before a busy set: Haar's boxes there are lamps, screens and half
        // faces that the landmarks cannot outline. None of them comes out of the aligner as a face.
        List<AlignedCrops.Crop> faces = crops.fromClip(TestMedia.clip("tos_scientist-glasses_5s.mp4"), 5);
        assertThat(faces).hasSizeGreaterThanOrEqualTo(5);
        for (AlignedCrops.Crop face : faces) {
            assertThat(verifier.score(face.image())).as("frame " + face.frameIndex()).isLessThan(MIN_SCORE);
            face.image().close();
        }
    }

    @Test
    void aFaceOffTheCentreOfTheCropDoesNotCount() throws Exception {
        AlignedCrops.Crop face = crops.fromClip(TestMedia.clip("grid_man-denim-shirt_bbaf2n.mp4"), 75).get(0);
        // The same face moved to the crop's corner: what a wrong alignment that caught someone's face at its
        // edge looks like. YuNet still sees the face; the check must not count it.
        try (Mat moved = new Mat(); Mat shift = new Mat(2, 3, opencv_core.CV_64F)) {
            var m = shift.<org.bytedeco.javacpp.indexer.DoubleIndexer>createIndexer();
            m.put(0, 0, 1, 0, AlignedCrops.SIZE * 0.45);
            m.put(1, 0, 0, 1, AlignedCrops.SIZE * 0.45);
            m.close();
            opencv_imgproc.warpAffine(face.image(), moved, shift, face.image().size(), opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_CONSTANT, new Scalar(128, 128, 128, 0));
            assertThat(verifier.score(face.image())).isGreaterThanOrEqualTo(MIN_SCORE);
            assertThat(verifier.score(moved)).isLessThan(MIN_SCORE);
        } finally {
            face.image().close();
        }
    }

    @Test
    void aPlainPictureScoresZero() {
        try (Mat grey = new Mat(AlignedCrops.SIZE, AlignedCrops.SIZE, opencv_core.CV_8UC3,
                new Scalar(90, 120, 150, 0))) {
            assertThat(verifier.score(grey)).isZero();
        }
    }
}
