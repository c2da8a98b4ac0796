package dev.doppel.training.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import ai.djl.training.listener.TrainingListener;

import dev.doppel.jobs.JobContext;
import dev.doppel.training.AutoencoderTrainer;
import dev.doppel.training.BatchFeeder;
import dev.doppel.training.FaceModel;

/**
 * The one training loop, for TRAIN and for fine-tuning before a swap: a step on the next pair of batches, then
 * every listener hears of it, until a listener finishes training or the job is asked to stop. What happens
 * around the steps — losses recorded, checkpoints saved, previews drawn, stop rules, progress — is in the
 * listeners (DJL {@link TrainingListener}s), so the two kinds of training differ only in which listeners they
 * bring.
 */
public final class TrainingLoop {

    private final AutoencoderTrainer trainer;
    private final BatchFeeder feeder;
    private final TrainingState state;
    private final List<StepListener> listeners = new ArrayList<>();

    /** {@code seconds}: the model's training time before this run. */
    public TrainingLoop(FaceModel model, JobContext context, AutoencoderTrainer trainer, BatchFeeder feeder,
            double seconds) {
        this.trainer = trainer;
        this.feeder = feeder;
        this.state = new TrainingState(model, context, trainer, seconds);
    }

    /** Adds a listener made for this loop's state; listeners hear of each step in the order they were added. */
    public TrainingLoop with(Function<TrainingState, StepListener> listener) {
        listeners.add(listener.apply(state));
        return this;
    }

    /**
     * Trains until a listener finishes training (returning why) or the job is asked to stop — then the
     * listeners hear the end (a checkpoint is saved) and the job's checkpoint throws, ending the job as
     * stopped.
     */
    public String run() throws Exception {
        JobContext context = state.context();
        tellListeners(l -> l.onTrainingBegin(trainer.djlTrainer()));
        while (true) {
            if (context.stopRequested()) {
                state.ending(TrainingState.Ending.STOP_REQUESTED);
                tellListeners(l -> l.onTrainingEnd(trainer.djlTrainer()));
                context.checkpoint(); // throws: the job ends as cancelled or goes back to the queue
            }
            long started = System.nanoTime();
            AutoencoderTrainer.Losses losses = trainer.step(feeder.take(trainer.iteration() + 1));
            state.stepped(losses, (System.nanoTime() - started) / 1e9);
            tellListeners(l -> l.onTrainingBatch(trainer.djlTrainer(), null));
            if (state.finishedBecause().isPresent()) {
                state.ending(TrainingState.Ending.FINISHED);
                tellListeners(l -> l.onTrainingEnd(trainer.djlTrainer()));
                return state.finishedBecause().get();
            }
        }
    }

    private void tellListeners(Consumer<TrainingListener> event) throws Exception {
        try {
            listeners.forEach(event);
        } catch (StepListener.ListenerFailure e) {
            throw (Exception) e.getCause();
        }
    }
}
