package dev.doppel.account;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "doppel.login")
public interface LoginConfig {

    /** Failed sign-ins allowed for one email address within {@link #window()}: guards one account's password. */
    @WithDefault("5")
    int maxFailuresPerEmail();

    /**
     * Failed sign-ins allowed from one client address within {@link #window()}, across all emails: far looser,
     * because a household, an office or a mobile carrier puts many people behind one address, and one person's
     * typos must not lock the others out. It still stops one address from trying password after password.
     */
    @WithDefault("50")
    int maxFailuresPerAddress();

    @WithDefault("PT1M")
    Duration window();
}
