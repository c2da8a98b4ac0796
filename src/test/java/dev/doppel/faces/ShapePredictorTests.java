package dev.doppel.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.doppel.faces.landmarks.DlibFormatException;
import dev.doppel.faces.landmarks.FaceBox;
import dev.doppel.faces.landmarks.GrayImage;
import dev.doppel.faces.landmarks.ShapePredictor;
import dev.doppel.support.TestMedia;

/**
 * The Java reading and evaluation of dlib's model against dlib itself: src/test/cpp/dlib-reference/run.sh ran
 * dlib 19.24 on the same images and wrote its boxes and landmarks to dlib-reference.json.
 */
@Tag("no-database")
class ShapePredictorTests {

    static final Path MODEL = Path.of(System.getProperty("doppel.test.dlib-model",
            "/usr/share/dlib/shape_predictor_68_face_landmarks.dat"));

    private static ShapePredictor predictor;

    @BeforeAll
    static void load() throws Exception {
        predictor = ShapePredictor.read(MODEL);
    }

    @Test
    void readsTheModel() {
        assertThat(predictor.landmarkCount()).isEqualTo(68);
        float[] mean = predictor.meanShape();
        // The mean face sits inside the unit box, eyes above the mouth.
        for (float v : mean) {
            assertThat(v).isBetween(-0.2f, 1.2f);
        }
        assertThat(mean[2 * 36 + 1]).isLessThan(mean[2 * 48 + 1]);
    }

    @Test
    void matchesDlibWithinHalfAPixel() throws Exception {
        JsonNode reference;
        try (InputStream in = ShapePredictorTests.class.getResourceAsStream("/faces/dlib-reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        double totalError = 0;
        int points = 0;
        int exact = 0;
        for (JsonNode image : reference.get("images")) {
            GrayImage gray = load(TestMedia.clip(image.get("file").asText()));
            for (JsonNode face : image.get("faces")) {
                JsonNode b = face.get("box");
                FaceBox box = new FaceBox(b.get(0).asLong(), b.get(1).asLong(), b.get(2).asLong(), b.get(3).asLong());
                double[] ours = predictor.predict(gray, box);
                JsonNode theirs = face.get("points");
                assertThat(ours.length).isEqualTo(theirs.size());
                for (int i = 0; i < ours.length; i += 2) {
                    // dlib hands back whole pixels, rounded as floor(v + 0.5).
                    double x = Math.floor(ours[i] + 0.5);
                    double y = Math.floor(ours[i + 1] + 0.5);
                    double error = Math.hypot(x - theirs.get(i).asDouble(), y - theirs.get(i + 1).asDouble());
                    totalError += error;
                    exact += error == 0 ? 1 : 0;
                    points++;
                }
            }
        }
        assertThat(points).isGreaterThanOrEqualTo(4 * 68);
        double mean = totalError / points;
        System.out.printf("shape predictor vs dlib: %d points, mean error %.4f px, %d exact%n", points, mean, exact);
        assertThat(mean).isLessThanOrEqualTo(0.5);
    }

    @Test
    void refusesCorruptOrForeignFiles() throws Exception {
        byte[] real = Files.readAllBytes(MODEL);
        byte[] truncated = java.util.Arrays.copyOf(real, real.length / 3);
        assertThatThrownBy(() -> ShapePredictor.read(new ByteArrayInputStream(truncated)))
                .isInstanceOf(java.io.IOException.class);
        byte[] png = Files.readAllBytes(TestMedia.clip("nasa_astronaut-eileen-collins.png"));
        assertThatThrownBy(() -> ShapePredictor.read(new ByteArrayInputStream(png)))
                .isInstanceOf(DlibFormatException.class).hasMessageContaining("Not a valid dlib shape predictor");
        byte[] flipped = real.clone();
        for (int i = 2000; i < 2100; i++) {
            flipped[i] = (byte) 0x7F;
        }
        assertThatThrownBy(() -> ShapePredictor.read(new ByteArrayInputStream(flipped)))
                .isInstanceOf(DlibFormatException.class);
    }

    static GrayImage load(Path file) {
        Mat bgr = opencv_imgcodecs.imread(file.toString(), opencv_imgcodecs.IMREAD_COLOR);
        byte[] bytes = new byte[(int) (bgr.total() * bgr.channels())];
        bgr.data().get(bytes);
        return GrayImage.fromBgr(bgr.cols(), bgr.rows(), bytes);
    }
}
