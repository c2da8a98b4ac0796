package dev.doppel.training;

/**
 * The learning rate at each step: a linear warm-up from {@code peak / warmup} to {@code peak} over the first
 * {@code warmup} steps, then {@code peak}. Adam's first steps are its noisiest (its moment estimates start at zero),
 * and a warm-up lets a run use a higher peak rate than a fixed one could survive from step one; with no warm-up
 * it is the fixed rate presets had before.
 */
public record LearningRateSchedule(double peak, int warmup) {

    public LearningRateSchedule {
        if (!(peak > 0) || warmup < 0) {
            throw new IllegalArgumentException("A learning rate needs a positive peak and a warm-up of 0 or more");
        }
    }

    public static LearningRateSchedule of(Preset preset) {
        return new LearningRateSchedule(preset.learningRate(), preset.warmupIterations());
    }

    /** The rate of step {@code step}, counted from 1 (as Adam counts its updates). */
    public double rateAt(long step) {
        if (warmup == 0 || step >= warmup) {
            return peak;
        }
        return peak * Math.max(1, step) / warmup;
    }
}
