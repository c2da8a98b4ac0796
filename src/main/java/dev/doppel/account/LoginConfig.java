package dev.doppel.account;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "doppel.login")
public interface LoginConfig {

    /** Failed sign-ins allowed per email address and per client address within {@link #window()}. */
    @WithDefault("5")
    int maxFailures();

    @WithDefault("PT1M")
    Duration window();
}
