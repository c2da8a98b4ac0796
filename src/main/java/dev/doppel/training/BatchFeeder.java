package dev.doppel.training;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Prepares the next iteration's batches on its own thread while the network trains on the current ones, so
 * the model never waits for augmentation. Each iteration's batches depend only on its random source, so a
 * resumed run sees exactly what it would have seen.
 */
public final class BatchFeeder implements AutoCloseable {

    /** Both sides' samples for one iteration, as flat float arrays. */
    public record Batches(long iteration, float[][] a, float[][] b) {
    }

    private final List<Mat[]> sideA;
    private final List<Mat[]> sideB;
    private final Augmenter augmenter;
    private final int batchSize;
    private final int size;
    private final Preset preset;
    private final LongFunction<SplittableRandom> randomFor;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "doppel-batches");
        t.setDaemon(true);
        return t;
    });
    private Future<Batches> next;

    public BatchFeeder(List<Mat[]> sideA, List<Mat[]> sideB, Preset preset, LongFunction<SplittableRandom> randomFor) {
        if (sideA.isEmpty() || sideB.isEmpty()) {
            throw new IllegalArgumentException("Both face sets need faces to train on");
        }
        this.sideA = sideA;
        this.sideB = sideB;
        this.augmenter = new Augmenter(preset.inputSize());
        this.batchSize = preset.batchSize();
        this.size = preset.inputSize();
        this.preset = preset;
        this.randomFor = randomFor;
    }

    /** The batches of {@code iteration}; the following iteration's are prepared meanwhile. */
    public Batches take(long iteration) throws Exception {
        Batches batches = next != null ? next.get() : prepare(iteration);
        if (batches.iteration() != iteration) {
            batches = prepare(iteration);
        }
        long following = iteration + 1;
        next = thread.submit(() -> prepare(following));
        return batches;
    }

    Batches prepare(long iteration) {
        SplittableRandom random = randomFor.apply(iteration);
        boolean warp = preset.warps(iteration);
        return new Batches(iteration, side(sideA, random, warp), side(sideB, random, warp));
    }

    private float[][] side(List<Mat[]> faces, SplittableRandom random, boolean warp) {
        int plane = size * size;
        float[] inputs = new float[batchSize * 3 * plane];
        float[] targets = new float[batchSize * 3 * plane];
        float[] masks = new float[batchSize * plane];
        for (int i = 0; i < batchSize; i++) {
            Mat[] face = faces.get(random.nextInt(faces.size()));
            Augmenter.Sample s = augmenter.augment(face[0], face[1], random, warp);
            System.arraycopy(s.input(), 0, inputs, i * 3 * plane, 3 * plane);
            System.arraycopy(s.target(), 0, targets, i * 3 * plane, 3 * plane);
            System.arraycopy(s.mask(), 0, masks, i * plane, plane);
        }
        return new float[][] { inputs, targets, masks };
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
