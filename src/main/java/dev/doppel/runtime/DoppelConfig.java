package dev.doppel.runtime;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "doppel")
public interface DoppelConfig {

    /** all (web + in-process worker), web, or worker. */
    @WithDefault("all")
    Role role();

    /** Where the embedded database, the blobs and the session key live. */
    @WithDefault("./data")
    Path dataDir();

    Http http();

    interface Http {
        /** Mark the session cookie Secure even when TLS ends at a proxy in front of the app. */
        @WithDefault("true")
        boolean secureCookies();
    }
}
