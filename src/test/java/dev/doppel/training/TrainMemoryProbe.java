package dev.doppel.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.doppel.runtime.OfflineDefaults;

/**
 * Trains a preset (with its loss replaced) on fixed random faces and prints the process's resident memory every
 * few iterations, as "rss ITERATION MB" lines: run in its own process by TrainingMemoryTests, under the allocator
 * settings the app ships with, because a native allocator's behaviour cannot be seen from inside a JVM that was
 * started with other settings.
 *   TrainMemoryProbe PRESET LOSS ITERATIONS EVERY
 */
public final class TrainMemoryProbe {

    private TrainMemoryProbe() {
    }

    public static void main(String[] args) throws IOException {
        OfflineDefaults.apply();
        Preset base = Preset.read(Path.of("models/presets", args[0] + ".json"));
        Preset preset = new Preset(base.name(), base.description(), base.inputSize(), base.encoderFilters(),
                base.denseSize(), base.batchSize(), base.learningRate(), args[1], base.warmupIterations(),
                base.featureWeight(), base.icnr(), base.warpIterations());
        int iterations = Integer.parseInt(args[2]);
        int every = Integer.parseInt(args[3]);
        int n = preset.batchSize();
        int s = preset.inputSize();
        // Inputs copied in from Java arrays, as BatchFeeder's are: the pattern that grew the process without bound.
        Random random = new Random(1);
        float[] faces = new float[n * 3 * s * s];
        float[] mask = new float[n * s * s];
        for (int i = 0; i < faces.length; i++) {
            faces[i] = random.nextFloat();
        }
        for (int i = 0; i < mask.length; i++) {
            mask[i] = i % 7 < 5 ? 1f : 0f;
        }
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(preset, Device.cpu(), 1)) {
            for (int i = 1; i <= iterations; i++) {
                try (NDManager m = trainer.manager().newSubManager()) {
                    NDArray input = m.create(faces, new Shape(n, 3, s, s));
                    NDArray target = m.create(faces.clone(), new Shape(n, 3, s, s));
                    NDArray masks = m.create(mask, new Shape(n, 1, s, s));
                    trainer.step(input, target, masks, input, target, masks);
                }
                if (i % every == 0) {
                    System.out.println("rss " + i + " " + residentMegabytes());
                }
            }
        }
    }

    private static long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
