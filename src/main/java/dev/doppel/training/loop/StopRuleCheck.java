package dev.doppel.training.loop;

import dev.doppel.training.StopRules;

/** The model's stop rules (target loss, iterations, minutes, plateau) see every step and finish training. */
public final class StopRuleCheck extends StepListener {

    private final StopRules rules;

    public StopRuleCheck(TrainingState state, StopRules rules) {
        super(state);
        this.rules = rules;
    }

    @Override
    protected void stepped() {
        double mean = (state.losses().lossA() + state.losses().lossB()) / 2.0;
        rules.observe(state.iteration(), state.losses().skipped() ? Double.NaN : mean, state.seconds())
                .ifPresent(state::finish);
    }
}
