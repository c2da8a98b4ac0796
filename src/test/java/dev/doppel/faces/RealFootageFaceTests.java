package dev.doppel.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.faces.detect.Detection;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.detect.YuNetFaceDetector;
import dev.doppel.faces.detect.YuNetModelFile;
import dev.doppel.faces.geometry.Bounds;
import dev.doppel.support.TestMedia;

/**
 * Faces in film footage rather than studio clips: the Tears of Steel scientist (three-quarter view, glasses, a
 * busy lit set, a blurred head behind him), checked against boxes labelled by hand beside this test.
 */
@Tag("no-database")
class RealFootageFaceTests {

    private static final String CLIP = RealFootageLabels.CLIP;
    private static FaceDetector yunet;

    @BeforeAll
    static void setUp() {
        yunet = new YuNetFaceDetector(YuNetModelFile.resolve(Path.of(YuNetModelFile.DEFAULT)).orElseThrow(),
                YuNetFaceDetector.MIN_SCORE);
    }

    @AfterAll
    static void tearDown() {
        yunet.close();
    }

    @Test
    void yunetFindsTheScientistInNearlyEveryFrameAndNothingElse() throws Exception {
        Map<Integer, double[]> labels = RealFootageLabels.tearsOfSteel();
        int[] frames = new int[2];
        List<String> off = new ArrayList<>();
        List<Double> overlaps = new ArrayList<>();
        GridFaceTests.frames(TestMedia.clip(CLIP), (index, frame) -> {
            frames[0]++;
            // As extraction asks: faces at least 40 px wide, the one largest wanted.
            List<Detection> found = yunet.detect(frame, 40, 1);
            if (!found.isEmpty()) {
                frames[1]++;
            }
            double[] label = labels.get(index);
            if (label != null) {
                // Every face it reports there, not only the largest, must be the scientist's.
                for (Detection d : yunet.detect(frame, 40, 5)) {
                    double overlap = RealFootageLabels.intersectionOverUnion(
                            new Bounds(d.x(), d.y(), d.x() + d.width(), d.y() + d.height()), label);
                    overlaps.add(overlap);
                    if (overlap < 0.4) {
                        off.add(String.format("frame %d: box %.0f,%.0f %.0fx%.0f (score %.2f) overlaps the face %.2f",
                                index, d.x(), d.y(), d.width(), d.height(), d.score(), overlap));
                    }
                }
            }
        });
        System.out.printf("%s: a face in %d of %d frames; overlap with the hand-labelled box %s%n", CLIP, frames[1],
                frames[0], overlaps.stream().map(o -> String.format("%.2f", o)).toList());
        assertThat(frames[0]).isEqualTo(118);
        assertThat(frames[1]).isGreaterThanOrEqualTo(110);
        assertThat(off).isEmpty();
        assertThat(overlaps).as("a face found in every labelled frame").hasSizeGreaterThanOrEqualTo(labels.size());
    }
}
