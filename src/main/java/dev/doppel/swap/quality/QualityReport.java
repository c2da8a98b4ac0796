package dev.doppel.swap.quality;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How good a swap is, in numbers. Identity: the share of swapped faces a face recogniser trained on the
 * model's two face sets takes for the target person, next to how often it is right on real faces it never saw
 * (the best the measure can show). Reconstruction: SSIM of each decoder on held-out faces of its own person.
 * Flicker: the mean absolute difference (0–255) between a face's crops in consecutive frames, swapped and
 * source, so temporal noise the swap adds stands out.
 */
public record QualityReport(Identity identity, Reconstruction reconstruction, Flicker flicker) {

    @Schema(name = "QualityIdentity")
    public record Identity(
            @Schema(description = "The person the swapped faces should look like", enumeration = { "A", "B" })
            String target, double swappedAsTarget, int swappedFaces, double ceiling,
            int heldOutFaces) {
    }

    @Schema(name = "QualityReconstruction")
    public record Reconstruction(double ssimA, double ssimB, int facesA, int facesB) {
    }

    @Schema(name = "QualityFlicker")
    public record Flicker(double swapped, double source, int pairs) {
    }
}
