package dev.doppel.training;

import org.jboss.logging.Logger;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;

/**
 * One step of gradient descent on both sides at once: reconstruct warped faces of A with decoder A and of B with
 * decoder B, measure the masked error against the unwarped faces, and let Adam move every weight against its
 * gradient. A step whose loss is not a number is skipped (and logged) instead of poisoning the weights.
 */
public final class AutoencoderTrainer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AutoencoderTrainer.class);

    private final Preset preset;
    private final Model model;
    private final Trainer trainer;
    private final FaceAutoencoder net;
    private final CheckpointableAdam optimizer;
    /** (1, 1, S, S) loss weights of the eyes and the mouth, or null when the preset weighs every pixel alike. */
    private final NDArray featureWeights;
    private long iteration;
    private long skipped;
    private long seed;

    public record Losses(long iteration, float lossA, float lossB, boolean skipped) {
    }

    public AutoencoderTrainer(Preset preset, Device device) {
        this(preset, device, 42);
    }

    /** {@code seed} decides every random choice of the batches, so a resumed run draws what it would have. */
    public AutoencoderTrainer(Preset preset, Device device, long seed) {
        this.preset = preset;
        this.seed = seed;
        this.model = Model.newInstance("doppel-" + preset.name(), device, "PyTorch");
        this.net = new FaceAutoencoder(preset);
        model.setBlock(net);
        // The loss here is only DJL's bookkeeping; the masked loss is computed in step().
        this.optimizer = CheckpointableAdam.builder().schedule(LearningRateSchedule.of(preset))
                .betas(0.5f, 0.999f).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l1Loss())
                .optOptimizer(optimizer)
                .optDevices(new Device[] { device });
        this.trainer = model.newTrainer(config);
        Shape input = new Shape(preset.batchSize(), 3, preset.inputSize(), preset.inputSize());
        trainer.initialize(input, input);
        int s = preset.inputSize();
        this.featureWeights = preset.featureWeight() > 1
                ? trainer.getManager().create(FeatureWeights.forAlignedFaces(s, preset.featureWeight()),
                        new Shape(1, 1, s, s))
                : null;
    }

    /** DJL's trainer underneath, which the training loop's listeners are told about. */
    public Trainer djlTrainer() {
        return trainer;
    }

    public NDManager manager() {
        return trainer.getManager();
    }

    public Model model() {
        return model;
    }

    public FaceAutoencoder network() {
        return net;
    }

    public Preset preset() {
        return preset;
    }

    CheckpointableAdam optimizer() {
        return optimizer;
    }

    public long seed() {
        return seed;
    }

    /** The random source for one iteration's batches: the same for that iteration whenever it is run. */
    public java.util.SplittableRandom randomFor(long iterationNumber) {
        return new java.util.SplittableRandom(seed * 0x9E3779B97F4A7C15L + iterationNumber);
    }

    void restoreCounters(long restoredIteration, long restoredSeed, long restoredSkipped) {
        iteration = restoredIteration;
        seed = restoredSeed;
        skipped = restoredSkipped;
    }

    public long iteration() {
        return iteration;
    }

    public long skipped() {
        return skipped;
    }

    /** One iteration on a prepared pair of batches. */
    public Losses step(BatchFeeder.Batches batches) {
        int n = preset.batchSize();
        int s = preset.inputSize();
        try (NDManager m = manager().newSubManager()) {
            Shape images = new Shape(n, 3, s, s);
            Shape masks = new Shape(n, 1, s, s);
            return step(m.create(batches.a()[0], images), m.create(batches.a()[1], images),
                    m.create(batches.a()[2], masks), m.create(batches.b()[0], images),
                    m.create(batches.b()[1], images), m.create(batches.b()[2], masks));
        }
    }

    /** Inputs, targets (N, 3, S, S) and masks (N, 1, S, S) of each side. */
    public Losses step(NDArray inputA, NDArray targetA, NDArray maskA, NDArray inputB, NDArray targetB,
            NDArray maskB) {
        iteration++;
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList out = trainer.forward(new NDList(inputA, inputB));
            NDArray lossA = loss(out.get(0), targetA, maskA);
            NDArray lossB = loss(out.get(1), targetB, maskB);
            // The loss shown (and compared across models) is the plain one; the one learned from may weigh the
            // eyes and the mouth more.
            float a = lossA.getFloat();
            float b = lossB.getFloat();
            if (featureWeights != null) {
                lossA = loss(out.get(0), targetA, maskA, maskA.mul(featureWeights));
                lossB = loss(out.get(1), targetB, maskB, maskB.mul(featureWeights));
            }
            if (!Float.isFinite(a) || !Float.isFinite(b)) {
                skipped++;
                LOG.warnf("Iteration %d: loss is not a number (A %s, B %s); step skipped", iteration, a, b);
                return new Losses(iteration, a, b, true);
            }
            collector.backward(lossA.add(lossB));
            trainer.step();
            return new Losses(iteration, a, b, false);
        }
    }

    private NDArray loss(NDArray output, NDArray target, NDArray mask) {
        return loss(output, target, mask, mask);
    }

    /** {@code weighted}: the mask times the per-pixel weights, for the error terms (SSIM keeps the plain mask). */
    private NDArray loss(NDArray output, NDArray target, NDArray mask, NDArray weighted) {
        return "dssim+mse".equals(preset.loss()) ? maskedDssimMse(output, target, mask, weighted)
                : maskedMae(output, target, weighted);
    }

    /**
     * Structural dissimilarity plus squared error, inside the mask: DSSIM = (1 − SSIM) / 2 with local means,
     * variances and covariance over 7×7 windows (Wang et al. 2004), which rewards sharp edges that MAE blurs.
     */
    static NDArray maskedDssimMse(NDArray output, NDArray target, NDArray mask) {
        return maskedDssimMse(output, target, mask, mask);
    }

    static NDArray maskedDssimMse(NDArray output, NDArray target, NDArray mask, NDArray weighted) {
        float c1 = 0.01f * 0.01f;
        float c2 = 0.03f * 0.03f;
        NDArray x = output.mul(mask);
        NDArray y = target.mul(mask);
        NDArray muX = window(x);
        NDArray muY = window(y);
        NDArray varX = window(x.mul(x)).sub(muX.mul(muX));
        NDArray varY = window(y.mul(y)).sub(muY.mul(muY));
        NDArray cov = window(x.mul(y)).sub(muX.mul(muY));
        NDArray ssim = muX.mul(muY).mul(2).add(c1).mul(cov.mul(2).add(c2))
                .div(muX.mul(muX).add(muY.mul(muY)).add(c1).mul(varX.add(varY).add(c2)));
        NDArray dssim = ssim.neg().add(1).div(2).mean();
        NDArray mse = output.sub(target).square().mul(weighted).sum().div(weighted.sum().mul(3).add(1e-6f));
        return dssim.add(mse);
    }

    private static NDArray window(NDArray x) {
        Shape k = new Shape(7, 7);
        return ai.djl.nn.pooling.Pool.avgPool2d(x, k, new Shape(1, 1), new Shape(3, 3), false, false);
    }

    /** Mean absolute error over the face only: pixels outside the mask do not count. */
    static NDArray maskedMae(NDArray output, NDArray target, NDArray mask) {
        NDArray error = output.sub(target).abs().mul(mask);
        return error.sum().div(mask.sum().mul(3).add(1e-6f));
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
