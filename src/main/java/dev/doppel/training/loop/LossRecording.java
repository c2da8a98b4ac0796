package dev.doppel.training.loop;

import java.util.function.DoubleSupplier;

import dev.doppel.training.LossPoint;
import dev.doppel.training.ModelRecorder;

/** Every Nth step's losses become a loss point: stored and sent to the owner's browser (ModelRecorder). */
public final class LossRecording extends StepListener {

    private final ModelRecorder recorder;
    private final int every;
    private final DoubleSupplier smoothed;

    /** {@code smoothed}: the curve's smoothed value to show beside the raw losses. */
    public LossRecording(TrainingState state, ModelRecorder recorder, int every, DoubleSupplier smoothed) {
        super(state);
        this.recorder = recorder;
        this.every = every;
        this.smoothed = smoothed;
    }

    @Override
    protected void stepped() {
        if (state.losses().skipped() || state.iteration() % every != 0) {
            return;
        }
        LossPoint point = new LossPoint();
        point.ownerId = state.model().ownerId;
        point.modelId = state.model().id;
        point.iteration = state.iteration();
        point.lossA = state.losses().lossA();
        point.lossB = state.losses().lossB();
        state.pendingLosses().add(point);
        recorder.recordLosses(state.model(), state.context(), state.pendingLosses(), state.seconds(),
                smoothed.getAsDouble());
    }
}
