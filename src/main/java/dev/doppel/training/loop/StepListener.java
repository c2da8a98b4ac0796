package dev.doppel.training.loop;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;

/**
 * A DJL {@link TrainingListener} of a {@link TrainingLoop}: told when training begins, after every step
 * ({@code onTrainingBatch}) and when it ends. DJL hands listeners the batch's labels and predictions; this
 * two-decoder step has two of each and two losses, so a listener reads the step from the loop's
 * {@link TrainingState} instead. The work may throw; the loop passes the failure on as the job's.
 */
public abstract class StepListener extends TrainingListenerAdapter {

    protected final TrainingState state;

    protected StepListener(TrainingState state) {
        this.state = state;
    }

    protected void begun() throws Exception {
    }

    protected void stepped() throws Exception {
    }

    protected void ended() throws Exception {
    }

    @Override
    public final void onTrainingBegin(Trainer trainer) {
        run(this::begun);
    }

    @Override
    public final void onTrainingBatch(Trainer trainer, BatchData batchData) {
        run(this::stepped);
    }

    @Override
    public final void onTrainingEnd(Trainer trainer) {
        run(this::ended);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void run(Work work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ListenerFailure(e);
        }
    }

    /** A checked failure of a listener, carried through DJL's unchecked listener methods. */
    static final class ListenerFailure extends RuntimeException {
        ListenerFailure(Exception cause) {
            super(cause);
        }
    }
}
