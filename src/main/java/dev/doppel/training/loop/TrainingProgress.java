package dev.doppel.training.loop;

import java.util.Locale;
import java.util.Optional;

import dev.doppel.training.StopRules;

/** The job's progress line after every step: iteration, smoothed loss, speed and, with a target, the time left. */
public final class TrainingProgress extends StepListener {

    private final StopRules rules;

    public TrainingProgress(TrainingState state, StopRules rules) {
        super(state);
        this.rules = rules;
    }

    @Override
    protected void stepped() {
        Long max = state.model().maxIterations;
        double fraction = max != null ? state.iteration() / (double) max : 0;
        String message = String.format(Locale.ROOT, "Iteration %d, loss %.4f (%.1f it/s)", state.iteration(),
                rules.smoothed(), 1 / Math.max(1e-6, state.stepSeconds()));
        Optional<Long> eta = rules.secondsToTarget(state.stepSeconds());
        if (eta.isPresent()) {
            message += ", target in about " + eta.get() / 60 + " min";
        }
        state.context().progress(Math.min(0.99, fraction), message);
    }
}
