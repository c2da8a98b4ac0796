package dev.doppel.training;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Training settings (named so as not to be confused with DJL's TrainingConfig). */
@ConfigMapping(prefix = "doppel.training")
public interface TrainerSettings {

    @WithDefault("models/presets")
    Path presetsDir();

    /** A loss point is recorded (and sent to the browser) every this many iterations. */
    @WithDefault("10")
    int lossEvery();

    @WithDefault("100")
    int previewEvery();

    /** A checkpoint is saved every this many iterations... */
    @WithDefault("500")
    int checkpointEvery();

    /** ...or this often, whichever comes first. */
    @WithDefault("PT5M")
    Duration checkpointInterval();

    /** Share of each face set kept out of training to judge the model on faces it never saw. */
    @WithDefault("0.05")
    double holdout();
}
