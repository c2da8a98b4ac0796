package dev.doppel.training;

import java.nio.file.Path;
import java.util.Locale;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.doppel.runtime.OfflineDefaults;

/**
 * Seconds per iteration of our DJL trainer for a preset at its batch size per side, on random faces (the same
 * workload as bench/train/reference.py). Run by bench/train/run.sh, which also runs the PyTorch-Python reference
 * and prints the ratio.
 *   TrainBenchmark PRESET ITERATIONS WARMUP
 */
public final class TrainBenchmark {

    private TrainBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        OfflineDefaults.apply();
        String name = args.length > 0 ? args[0] : "lite";
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Preset preset = Preset.read(Path.of("models/presets", name + ".json"));
        Device device = Engine.getEngine("PyTorch").defaultDevice();
        int n = preset.batchSize();
        int s = preset.inputSize();
        double total = 0;
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(preset, device, 1)) {
            for (int i = 0; i < warmup + iterations; i++) {
                try (NDManager m = trainer.manager().newSubManager()) {
                    NDArray a = m.randomUniform(0, 1, new Shape(n, 3, s, s));
                    NDArray b = m.randomUniform(0, 1, new Shape(n, 3, s, s));
                    NDArray mask = m.ones(new Shape(n, 1, s, s));
                    long t = System.nanoTime();
                    trainer.step(a, a, mask, b, b, mask);
                    if (i >= warmup) {
                        total += (System.nanoTime() - t) / 1e9;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "{\"preset\": \"%s\", \"engine\": \"DJL %s / PyTorch %s\", \"device\": \"%s\", "
                + "\"batchPerSide\": %d, \"secondsPerIteration\": %.5f}%n", name, ai.djl.engine.Engine.getDjlVersion(),
                Engine.getEngine("PyTorch").getVersion(), device, n, total / iterations);
    }
}
