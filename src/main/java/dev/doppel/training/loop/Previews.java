package dev.doppel.training.loop;

import dev.doppel.training.FaceData;
import dev.doppel.training.ModelRecorder;

/** A preview grid every N iterations, and one more when training finishes (not when it is only stopped). */
public final class Previews extends StepListener {

    private final ModelRecorder recorder;
    private final int every;
    private final FaceData a;
    private final FaceData b;

    public Previews(TrainingState state, ModelRecorder recorder, int every, FaceData a, FaceData b) {
        super(state);
        this.recorder = recorder;
        this.every = every;
        this.a = a;
        this.b = b;
    }

    @Override
    protected void stepped() throws Exception {
        if (state.iteration() % every == 0) {
            recorder.savePreview(state.model(), state.context(), state.trainer(), a, b, state.iteration());
        }
    }

    @Override
    protected void ended() throws Exception {
        if (state.ending() == TrainingState.Ending.FINISHED) {
            recorder.savePreview(state.model(), state.context(), state.trainer(), a, b, state.iteration());
        }
    }
}
