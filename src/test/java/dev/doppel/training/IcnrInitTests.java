package dev.doppel.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.util.Pair;

/** ICNR: with it every upscale starts as a nearest-neighbour upscale; without it the sub-pixels start unrelated. */
@Tag("no-database")
class IcnrInitTests {

    private static Preset tiny(boolean icnr) throws Exception {
        String json = Files.readString(Path.of("models/presets/tiny.json"))
                .replace("\"loss\": \"mae\"", "\"loss\": \"mae\", \"icnr\": " + icnr);
        return Preset.read(json.getBytes(), "tiny, icnr " + icnr);
    }

    @Test
    void everyUpscaleStartsWithItsFourSubPixelsAlike() throws Exception {
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(tiny(true), Device.cpu(), 3)) {
            List<NDArray> weights = upscaleWeights(trainer.network());
            // The encoder's own upscale and three in each decoder.
            assertThat(weights).hasSize(1 + 2 * 3);
            for (NDArray w : weights) {
                assertThat(largestSubPixelDifference(w)).isZero();
                assertThat(w.abs().max().getFloat()).as("still random, not zeros").isGreaterThan(0);
            }
        }
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(tiny(false), Device.cpu(), 3)) {
            for (NDArray w : upscaleWeights(trainer.network())) {
                assertThat(largestSubPixelDifference(w)).isGreaterThan(0);
            }
        }
    }

    @Test
    void itStillLearns() throws Exception {
        Preset preset = tiny(true);
        assertThat(preset.icnr()).isTrue();
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(preset, Device.cpu(), 3)) {
            var m = trainer.manager();
            var shape = new ai.djl.ndarray.types.Shape(preset.batchSize(), 3, preset.inputSize(), preset.inputSize());
            NDArray a = m.randomUniform(0, 1, shape);
            NDArray b = m.randomUniform(0, 1, shape);
            NDArray mask = m.ones(new ai.djl.ndarray.types.Shape(preset.batchSize(), 1, preset.inputSize(),
                    preset.inputSize()));
            float first = 0;
            float last = 0;
            for (int i = 1; i <= 60; i++) {
                AutoencoderTrainer.Losses l = trainer.step(a, a, mask, b, b, mask);
                assertThat(l.skipped()).isFalse();
                if (i == 1) {
                    first = l.lossA() + l.lossB();
                }
                last = l.lossA() + l.lossB();
            }
            assertThat(last).isLessThan(first);
        }
    }

    /** The largest difference between a sub-pixel channel (c·4 + s) and the first of its group (c·4). */
    private static float largestSubPixelDifference(NDArray w) {
        long groups = w.getShape().get(0) / 4;
        NDArray grouped = w.reshape(groups, 4, -1);
        NDArray first = grouped.get(new NDIndex(":, 0:1, :"));
        return grouped.sub(first).abs().max().getFloat();
    }

    private static List<NDArray> upscaleWeights(Block block) {
        List<NDArray> out = new ArrayList<>();
        if (block instanceof AutoencoderBlocks.Upscale upscale) {
            out.add(upscale.conv().getParameters().get("weight").getArray());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            out.addAll(upscaleWeights(child.getValue()));
        }
        return out;
    }
}
