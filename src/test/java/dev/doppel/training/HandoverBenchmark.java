package dev.doppel.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.doppel.runtime.OfflineDefaults;

/**
 * What a training's hand-over costs the GPU slot: saving its checkpoint (weights and Adam state) when its turn
 * ends, and at its next turn building the trainer, reading the checkpoint back and taking the first step (which
 * warms the engine up again), minus what a step costs anyway. Run by bench/queue/run.sh.
 *   HandoverBenchmark PRESET
 */
public final class HandoverBenchmark {

    private HandoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        OfflineDefaults.apply();
        String name = args.length > 0 ? args[0] : "original";
        Preset preset = Preset.read(Path.of("models/presets", name + ".json"));
        Device device = Engine.getEngine("PyTorch").defaultDevice();
        Path file = Files.createTempFile("doppel-handover", ".ckpt");
        try {
            double step;
            double save;
            try (AutoencoderTrainer trainer = new AutoencoderTrainer(preset, device, 1)) {
                step(trainer, preset);
                step(trainer, preset);
                long t = System.nanoTime();
                step(trainer, preset);
                step = (System.nanoTime() - t) / 1e9;
                t = System.nanoTime();
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                    Checkpoint.write(trainer, out);
                }
                save = (System.nanoTime() - t) / 1e9;
            }
            long t = System.nanoTime();
            try (AutoencoderTrainer trainer = new AutoencoderTrainer(preset, device, 1);
                    InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                Checkpoint.read(trainer, in);
                step(trainer, preset);
            }
            double resume = Math.max(0, (System.nanoTime() - t) / 1e9 - step);
            System.out.printf(Locale.ROOT, "{\"preset\": \"%s\", \"device\": \"%s\", \"checkpointBytes\": %d, "
                    + "\"saveSeconds\": %.2f, \"resumeSeconds\": %.2f, \"handoverSeconds\": %.2f, "
                    + "\"stepSeconds\": %.3f}%n", name, device, Files.size(file), save, resume, save + resume, step);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void step(AutoencoderTrainer trainer, Preset preset) {
        int n = preset.batchSize();
        int s = preset.inputSize();
        try (NDManager m = trainer.manager().newSubManager()) {
            NDArray a = m.randomUniform(0, 1, new Shape(n, 3, s, s));
            NDArray b = m.randomUniform(0, 1, new Shape(n, 3, s, s));
            NDArray mask = m.ones(new Shape(n, 1, s, s));
            trainer.step(a, a, mask, b, b, mask);
        }
    }
}
