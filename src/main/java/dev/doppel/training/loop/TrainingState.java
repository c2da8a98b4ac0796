package dev.doppel.training.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.doppel.jobs.JobContext;
import dev.doppel.training.AutoencoderTrainer;
import dev.doppel.training.FaceModel;
import dev.doppel.training.LossPoint;

/**
 * What the listeners of a {@link TrainingLoop} see: the model and job, the trainer, the step just taken and the
 * training time so far, the loss points not yet stored, and — once a listener decided — why training ends.
 */
public final class TrainingState {

    /** How the loop ended: a listener's rule was met, or the job was asked to stop (it resumes later). */
    public enum Ending {
        FINISHED, STOP_REQUESTED
    }

    private final FaceModel model;
    private final JobContext context;
    private final AutoencoderTrainer trainer;
    private final List<LossPoint> pendingLosses = new ArrayList<>();
    private double seconds;
    private double stepSeconds;
    private AutoencoderTrainer.Losses losses;
    private String finishedBecause;
    private Ending ending;

    TrainingState(FaceModel model, JobContext context, AutoencoderTrainer trainer, double seconds) {
        this.model = model;
        this.context = context;
        this.trainer = trainer;
        this.seconds = seconds;
    }

    public FaceModel model() {
        return model;
    }

    public JobContext context() {
        return context;
    }

    public AutoencoderTrainer trainer() {
        return trainer;
    }

    /** The iteration just taken (the checkpoint's, before the first). */
    public long iteration() {
        return trainer.iteration();
    }

    /** The losses of the step just taken. */
    public AutoencoderTrainer.Losses losses() {
        return losses;
    }

    public double stepSeconds() {
        return stepSeconds;
    }

    /** Training time of the model so far, earlier runs included. */
    public double seconds() {
        return seconds;
    }

    /** Loss points recorded but not stored yet: a checkpoint stores them with it. */
    public List<LossPoint> pendingLosses() {
        return pendingLosses;
    }

    /** A listener's rule was met: training ends after this step, for this reason. */
    public void finish(String because) {
        if (finishedBecause == null) {
            finishedBecause = because;
        }
    }

    public Optional<String> finishedBecause() {
        return Optional.ofNullable(finishedBecause);
    }

    /** Set when the loop ends, before the listeners hear of it. */
    public Ending ending() {
        return ending;
    }

    void stepped(AutoencoderTrainer.Losses losses, double stepSeconds) {
        this.losses = losses;
        this.stepSeconds = stepSeconds;
        this.seconds += stepSeconds;
    }

    void ending(Ending ending) {
        this.ending = ending;
    }
}
