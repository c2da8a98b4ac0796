package dev.doppel.faces.landmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.doppel.faces.FacesConfig;
import dev.doppel.runtime.DoppelConfig;

/**
 * The 68-point landmark model, loaded once at start-up by processes that run jobs. When the file is missing or
 * damaged the reason is logged and kept: extraction then aligns on eyes found by a cascade, and the UI says
 * landmarks are unavailable.
 */
@ApplicationScoped
public class LandmarkModel {

    private static final Logger LOG = Logger.getLogger(LandmarkModel.class);

    @Inject
    FacesConfig config;

    @Inject
    DoppelConfig doppel;

    private volatile ShapePredictor predictor;
    private volatile String problem = "not loaded yet";

    void onStart(@Observes StartupEvent event) {
        if (doppel.role().runsJobs()) {
            load();
        } else {
            // Web nodes only report whether the file is there; workers load it.
            problem = Files.isReadable(config.landmarkModel()) ? null : missing();
        }
    }

    public synchronized void load() {
        try {
            long started = System.nanoTime();
            predictor = ShapePredictor.read(config.landmarkModel());
            problem = null;
            LOG.infof("Landmark model %s loaded in %d ms", config.landmarkModel(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (NoSuchFileException e) {
            fail(missing());
        } catch (IOException | RuntimeException e) {
            fail("The landmark model " + config.landmarkModel() + " could not be read: " + e.getMessage()
                    + ". Reinstall it (Debian: apt-get install --reinstall libdlib-data).");
        }
    }

    private void fail(String reason) {
        predictor = null;
        problem = reason;
        LOG.error(reason + " Faces will be aligned on their eyes only.");
    }

    private String missing() {
        return "The landmark model " + config.landmarkModel() + " is missing (Debian: apt-get install libdlib-data, "
                + "or set doppel.faces.landmark-model).";
    }

    public Optional<ShapePredictor> predictor() {
        return Optional.ofNullable(predictor);
    }

    /** Why landmarks are unavailable, or empty when they are. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }
}
