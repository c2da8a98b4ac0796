package dev.doppel.runtime;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the natives once at start-up so that a broken installation shows on the readiness check at once rather
 * than on a user's first upload.
 */
@ApplicationScoped
public class NativeRuntime {

    private static final Logger LOG = Logger.getLogger(NativeRuntime.class);

    static {
        OfflineDefaults.apply();
    }

    private volatile NativeVersions versions;
    private volatile String failure;

    void onStart(@Observes StartupEvent event, DoppelConfig config) {
        try {
            versions = NativeVersions.probe();
            LOG.infof("Role %s; OpenCV %s, FFmpeg %s, PyTorch %s on %s", config.role().label(), versions.opencv(),
                    versions.ffmpeg(), versions.pytorch(), versions.device());
        } catch (Throwable e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.error("Native libraries failed to load", e);
        }
    }

    public Optional<NativeVersions> versions() {
        return Optional.ofNullable(versions);
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
