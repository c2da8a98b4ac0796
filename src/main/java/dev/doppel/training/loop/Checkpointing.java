package dev.doppel.training.loop;

import java.time.Duration;

import dev.doppel.training.ModelRecorder;

/**
 * Saves a checkpoint every N iterations or after a while, whichever comes first, and always when training ends
 * — finished or asked to stop — so a resumed run loses nothing.
 */
public final class Checkpointing extends StepListener {

    private final ModelRecorder recorder;
    private final long every;
    private final Duration interval;
    private long last = System.nanoTime();

    /** {@code every} ≤ 0: only at the end. */
    public Checkpointing(TrainingState state, ModelRecorder recorder, long every, Duration interval) {
        super(state);
        this.recorder = recorder;
        this.every = every;
        this.interval = interval;
    }

    @Override
    protected void stepped() throws Exception {
        boolean due = (every > 0 && state.iteration() % every == 0)
                || (interval != null && System.nanoTime() - last > interval.toNanos());
        if (due) {
            save();
        }
    }

    @Override
    protected void ended() throws Exception {
        save();
    }

    private void save() throws Exception {
        recorder.saveCheckpoint(state.model().id, state.trainer(), state.seconds(), state.pendingLosses());
        last = System.nanoTime();
    }
}
