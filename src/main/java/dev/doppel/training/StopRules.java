package dev.doppel.training;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When training should end by itself: the smoothed loss reached the target, stopped improving (a plateau), or
 * the iteration or time budget ran out. Also estimates when the target will be reached from the recent trend.
 */
public final class StopRules {

    /** Weight of the newest loss in the exponential moving average. */
    static final double SMOOTHING = 0.05;

    private final Double targetLoss;
    private final Long maxIterations;
    private final Integer maxMinutes;
    private final int plateauIterations;
    private final double plateauPercent;
    private final Deque<double[]> history = new ArrayDeque<>();
    private double smoothed = Double.NaN;

    public StopRules(Double targetLoss, Long maxIterations, Integer maxMinutes, int plateauIterations,
            double plateauPercent) {
        this.targetLoss = targetLoss;
        this.maxIterations = maxIterations;
        this.maxMinutes = maxMinutes;
        this.plateauIterations = plateauIterations;
        this.plateauPercent = plateauPercent;
    }

    /** Records the mean loss of an iteration and returns why to stop, if it is time. */
    public Optional<String> observe(long iteration, double loss, double trainingSeconds) {
        if (Double.isFinite(loss)) {
            smoothed = Double.isNaN(smoothed) ? loss : smoothed + SMOOTHING * (loss - smoothed);
            history.addLast(new double[] { iteration, smoothed });
            while (history.size() > 2 && history.peekFirst()[0] < iteration - plateauIterations) {
                history.removeFirst();
            }
        }
        if (targetLoss != null && smoothed <= targetLoss) {
            return Optional.of(String.format(java.util.Locale.ROOT, "Reached the target loss %.4f", targetLoss));
        }
        if (maxIterations != null && iteration >= maxIterations) {
            return Optional.of("Reached " + maxIterations + " iterations");
        }
        if (maxMinutes != null && trainingSeconds >= maxMinutes * 60.0) {
            return Optional.of("Trained for " + maxMinutes + " minutes");
        }
        if (plateauIterations > 0 && history.size() > 2 && history.peekFirst()[0] <= iteration - plateauIterations) {
            double then = history.peekFirst()[1];
            if (then - smoothed < then * plateauPercent / 100) {
                return Optional.of(String.format(java.util.Locale.ROOT,
                        "The loss stopped improving (less than %.1f %% over %d iterations)", plateauPercent,
                        plateauIterations));
            }
        }
        return Optional.empty();
    }

    public double smoothed() {
        return smoothed;
    }

    /** Seconds until the target loss at the recent pace, if there is a target and the loss is falling. */
    public Optional<Long> secondsToTarget(double secondsPerIteration) {
        if (targetLoss == null || history.size() < 2) {
            return Optional.empty();
        }
        double[] first = history.peekFirst();
        double[] last = history.peekLast();
        double slope = (last[1] - first[1]) / Math.max(1, last[0] - first[0]);
        if (slope >= 0) {
            return Optional.empty();
        }
        double iterations = (targetLoss - last[1]) / slope;
        return Optional.of(Math.max(0, Math.round(iterations * secondsPerIteration)));
    }
}
