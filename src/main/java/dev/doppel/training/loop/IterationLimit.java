package dev.doppel.training.loop;

import java.util.function.DoubleConsumer;

/** Finishes training after a number of iterations from where it began (fine-tuning), reporting the share done. */
public final class IterationLimit extends StepListener {

    private final int iterations;
    private final DoubleConsumer progress;
    private long first;

    public IterationLimit(TrainingState state, int iterations, DoubleConsumer progress) {
        super(state);
        this.iterations = iterations;
        this.progress = progress;
    }

    @Override
    protected void begun() {
        first = state.iteration();
    }

    @Override
    protected void stepped() {
        long done = state.iteration() - first;
        progress.accept(done / (double) iterations);
        if (done >= iterations) {
            state.finish(iterations + " iterations of fine-tuning");
        }
    }
}
