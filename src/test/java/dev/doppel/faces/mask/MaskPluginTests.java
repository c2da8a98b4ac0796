package dev.doppel.faces.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.FacesConfig;
import dev.doppel.faces.FaceLocators;
import dev.doppel.faces.LocatedFace;
import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.align.FaceAligner;
import dev.doppel.faces.align.FaceMask;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.detect.YuNetFaceDetector;
import dev.doppel.faces.detect.YuNetModelFile;
import dev.doppel.faces.geometry.Bounds;
import dev.doppel.faces.geometry.Landmarks;
import dev.doppel.faces.landmarks.ShapePredictor;
import dev.doppel.support.TestFacesConfig;
import dev.doppel.support.TestMedia;

/**
 * The two masks on real faces: the hull of dlib's landmarks (brows raised) and Face Mesh's face oval. The oval
 * reaches up the forehead and covers the face the hull covers; a missing Face Mesh file makes the plugin
 * unavailable, so MaskPlugins falls back to the hull.
 */
@Tag("no-database")
class MaskPluginTests {

    static final Path DLIB_MODEL = Path.of(System.getProperty("doppel.test.dlib-model",
            "/usr/share/dlib/shape_predictor_68_face_landmarks.dat"));

    @Test
    void theFaceMeshOvalReachesTheHairlineAndCoversTheHull() throws Exception {
        ShapePredictor predictor = ShapePredictor.read(DLIB_MODEL);
        FaceTemplate template = FaceTemplate.fromMeanShape(predictor.meanShape(), 256);
        FaceAligner aligner = new FaceAligner(template);
        FaceMeshMask mesh = new FaceMeshMask();
        mesh.config = new TestFacesConfig(DLIB_MODEL, Path.of(YuNetModelFile.DEFAULT));
        assertThat(mesh.unavailable()).isEmpty();
        int faces = 0;
        try (FaceLocator locator = new FaceLocator(new YuNetFaceDetector(YuNetModelFile.resolve(
                Path.of(YuNetModelFile.DEFAULT)).orElseThrow(), YuNetFaceDetector.MIN_SCORE), predictor,
                FaceLocators.eyeCascade());
                FaceMasker oval = mesh.create(template);
                FaceMasker hull = new HullMask().create(template)) {
            for (String still : List.of("nasa_astronaut-eileen-collins.png", "pixabay_two-women-glasses.jpg")) {
                Mat image = opencv_imgcodecs.imread(TestMedia.clip(still).toString());
                for (LocatedFace face : locator.locate(image, 40, 2)) {
                    try (AlignedFace aligned = aligner.alignOnLandmarks(image, face.landmarks());
                            Mat ovalMask = FaceMask.filled(oval.outline(aligned), 256);
                            Mat hullMask = FaceMask.filled(hull.outline(aligned), 256);
                            Mat core = new Mat(); Mat covered = new Mat()) {
                        faces++;
                        Landmarks ovalOutline = oval.outline(aligned);
                        Bounds ovalBox = ovalOutline.bounds();
                        Bounds brows = aligned.landmarks().range(17, 26).bounds();
                        Bounds jaw = aligned.landmarks().range(0, 16).bounds();
                        System.out.printf("%s: oval top %.0f (brows %.0f), bottom %.0f (chin %.0f), %.0f–%.0f wide "
                                + "(jaw %.0f–%.0f)%n", still, ovalBox.minY(), brows.minY(), ovalBox.maxY(), jaw.maxY(),
                                ovalBox.minX(), ovalBox.maxX(), jaw.minX(), jaw.maxX());
                        // The forehead, found by the model (the hull only lifts the brows by a fixed fifth):
                        // measured 30 px above the brows on faces 146–151 px from brow to chin.
                        assertThat(ovalBox.minY()).as(still).isLessThan(brows.minY() - 0.15 * (jaw.maxY()
                                - brows.minY()));
                        // The chin and the cheeks, within a tenth of the face of where dlib puts them.
                        double width = jaw.width();
                        assertThat(Math.abs(ovalBox.maxY() - jaw.maxY())).as(still).isLessThan(0.1 * width);
                        assertThat(Math.abs(ovalBox.minX() - jaw.minX())).as(still).isLessThan(0.1 * width);
                        assertThat(Math.abs(ovalBox.maxX() - jaw.maxX())).as(still).isLessThan(0.1 * width);
                        // The hull's face (shrunk by 5 % of the face, its edge being a guess) lies in the oval.
                        int r = (int) (0.05 * width);
                        try (Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE,
                                new Size(2 * r + 1, 2 * r + 1))) {
                            opencv_imgproc.erode(hullMask, core, kernel);
                        }
                        opencv_core.bitwise_and(core, ovalMask, covered);
                        double share = opencv_core.countNonZero(covered) / (double) opencv_core.countNonZero(core);
                        assertThat(share).as(still + ": share of the hull inside the oval").isGreaterThan(0.95);
                    }
                }
                image.close();
            }
        }
        assertThat(faces).as("faces in the two stills").isEqualTo(3);
    }

    @Test
    void aMissingFaceMeshFileMakesTheMaskUnavailable() {
        FaceMeshMask missing = new FaceMeshMask();
        TestFacesConfig base = new TestFacesConfig(DLIB_MODEL, Path.of(YuNetModelFile.DEFAULT));
        // Every setting as in the tests, the Face Mesh file somewhere it is not.
        missing.config = (FacesConfig) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { FacesConfig.class }, (proxy, method, args) -> method.getName().equals("faceMeshModel")
                        ? Path.of("target/no-such-dir/face_landmark.tflite") : method.invoke(base, args));
        assertThat(missing.unavailable()).hasValueSatisfying(why -> assertThat(why).contains("is missing"));
    }
}
