package dev.doppel.runtime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class NativesReadinessCheck implements HealthCheck {

    @Inject
    NativeRuntime natives;

    @Inject
    DoppelConfig config;

    @Inject
    dev.doppel.faces.landmarks.LandmarkModel landmarks;

    @Inject
    dev.doppel.faces.verify.FaceVerifiers verifiers;

    @Inject
    dev.doppel.faces.FaceLocators locators;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("doppel")
                .withData("role", config.role().label());
        natives.versions().ifPresent(v -> builder.withData("opencv", v.opencv())
                .withData("ffmpeg", v.ffmpeg())
                .withData("pytorch", v.pytorch())
                .withData("device", v.device()));
        natives.failure().ifPresent(f -> builder.withData("error", f));
        // Not a reason to be DOWN: extraction falls back to aligning on the eyes.
        builder.withData("landmarks", landmarks.problem().orElse("available"));
        // Nor this: faces are then extracted unchecked, and their sets say so.
        builder.withData("faceCheck", verifiers.problem().orElse("available"));
        // Nor this: faces are then found with the Haar cascade.
        builder.withData("detector", locators.defaultDetector());
        locators.detectorProblem().ifPresent(p -> builder.withData("detectorProblem", p));
        return builder.status(natives.versions().isPresent()).build();
    }
}
