package dev.doppel.training;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.optimizer.Optimizer;

/**
 * Adam whose state — each weight's running mean and variance of gradients and its step count — can be saved
 * and restored. DJL's own Adam keeps that state private, and a checkpoint without it makes the loss jump when
 * training resumes. The update itself is the engine's fused Adam, as in DJL's.
 */
public final class CheckpointableAdam extends Optimizer {

    private final LearningRateSchedule schedule;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final Map<String, NDArray> means = new ConcurrentHashMap<>();
    private final Map<String, NDArray> variances = new ConcurrentHashMap<>();
    private final Map<String, Integer> steps = new ConcurrentHashMap<>();

    private CheckpointableAdam(Builder builder) {
        super(builder);
        this.schedule = builder.schedule;
        this.beta1 = builder.beta1;
        this.beta2 = builder.beta2;
        this.epsilon = builder.epsilon;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        // Each parameter's own step count: restored with the checkpoint, so a resumed run continues its schedule.
        float learningRate = (float) schedule.rateAt(t);
        double correction = Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        NDArray mean = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
        NDArray variance = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight),
                learningRate, (float) (learningRate * correction), 0f, rescaleGrad, clipGrad, beta1, beta2,
                epsilon, false, false);
    }

    Map<String, NDArray> means() {
        return means;
    }

    Map<String, NDArray> variances() {
        return variances;
    }

    Map<String, Integer> steps() {
        return steps;
    }

    public static final class Builder extends OptimizerBuilder<Builder> {
        private LearningRateSchedule schedule = new LearningRateSchedule(5e-5, 0);
        private float beta1 = 0.5f;
        private float beta2 = 0.999f;
        private float epsilon = 1e-8f;

        /** A fixed rate. */
        public Builder learningRate(float value) {
            schedule = new LearningRateSchedule(value, 0);
            return this;
        }

        public Builder schedule(LearningRateSchedule value) {
            schedule = value;
            return this;
        }

        public Builder betas(float b1, float b2) {
            beta1 = b1;
            beta2 = b2;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public CheckpointableAdam build() {
            return new CheckpointableAdam(this);
        }
    }
}
