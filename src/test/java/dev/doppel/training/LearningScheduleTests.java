package dev.doppel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.faces.MeanFace;
import dev.doppel.faces.align.FaceTemplate;

/** The learning-rate schedule's values and the eyes-and-mouth loss weights on known landmarks. */
@Tag("no-database")
class LearningScheduleTests {

    @Test
    void warmsUpLinearlyToThePeakThenHoldsIt() {
        LearningRateSchedule schedule = new LearningRateSchedule(2e-4, 100);
        assertThat(schedule.rateAt(1)).isCloseTo(2e-6, within(1e-12));
        assertThat(schedule.rateAt(50)).isCloseTo(1e-4, within(1e-12));
        assertThat(schedule.rateAt(100)).isEqualTo(2e-4);
        assertThat(schedule.rateAt(10_000)).isEqualTo(2e-4);
        assertThat(schedule.rateAt(0)).as("before the first step").isCloseTo(2e-6, within(1e-12));
    }

    @Test
    void withoutWarmUpIsTheFixedRate() {
        LearningRateSchedule fixed = new LearningRateSchedule(5e-5, 0);
        assertThat(fixed.rateAt(1)).isEqualTo(5e-5);
        assertThat(fixed.rateAt(1_000)).isEqualTo(5e-5);
        assertThatThrownBy(() -> new LearningRateSchedule(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LearningRateSchedule(1e-4, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weighsTheEyesAndTheMouthOfKnownLandmarks() {
        int size = 64;
        double[] points = FaceTemplate.fromMeanShape(MeanFace.dlib68(), size).points();
        float[] weights = FeatureWeights.map(points, size, 3);

        assertThat(at(weights, size, centre(points, 36, 42))).as("an eye").isEqualTo(3f);
        assertThat(at(weights, size, centre(points, 42, 48))).as("the other eye").isEqualTo(3f);
        assertThat(at(weights, size, centre(points, 48, 60))).as("the mouth").isEqualTo(3f);
        // The nose tip (landmark 30) and a cheek between jaw point 3 and the nose: plain weight.
        assertThat(at(weights, size, new double[] { points[60], points[61] })).as("the nose tip").isEqualTo(1f);
        double[] cheek = { (points[6] + points[60]) / 2, (points[7] + points[61]) / 2 };
        assertThat(at(weights, size, cheek)).as("a cheek").isEqualTo(1f);
        assertThat(weights[0]).as("a corner").isEqualTo(1f);

        long weighted = 0;
        for (float w : weights) {
            weighted += w > 1 ? 1 : 0;
        }
        double share = weighted / (double) weights.length;
        assertThat(share).as("share of the crop weighted").isBetween(0.03, 0.2);
    }

    @Test
    void aPresetWithoutWeightsOrWarmUpReadsAsBefore() throws Exception {
        Preset old = Preset.read("""
                {"name":"x","description":"d","inputSize":64,"encoderFilters":[8,16,32,64],"denseSize":32,
                 "batchSize":4,"learningRate":5e-5,"loss":"mae"}""".getBytes(), "test");
        assertThat(old.warmupIterations()).isZero();
        assertThat(old.featureWeight()).isZero();
        assertThat(LearningRateSchedule.of(old).rateAt(1)).isEqualTo(5e-5);
    }

    private static double[] centre(double[] pts, int from, int to) {
        double x = 0, y = 0;
        for (int i = from; i < to; i++) {
            x += pts[2 * i];
            y += pts[2 * i + 1];
        }
        return new double[] { x / (to - from), y / (to - from) };
    }

    private static float at(float[] weights, int size, double[] xy) {
        return weights[(int) Math.round(xy[1]) * size + (int) Math.round(xy[0])];
    }
}
