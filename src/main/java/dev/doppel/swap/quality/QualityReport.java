package dev.doppel.swap.quality;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How good a swap is, in numbers. Identity: the share of swapped faces that pass for the target person with a
 * recogniser that knows only the target, as often as real unseen faces of the target do ({@link IdentityFigures}),
 * with two controls that must stay low: the source's own faces, and the same blurred to the swap's sharpness.
 * Reconstruction: SSIM of each decoder on held-out faces of its own person.
 * Flicker: the mean absolute difference (0–255) between a face's crops in consecutive frames, swapped and
 * source, so temporal noise the swap adds stands out.
 */
public record QualityReport(Identity identity, Reconstruction reconstruction, Flicker flicker) {

    @Schema(name = "QualityIdentity")
    public record Identity(
            @Schema(description = "The person the swapped faces should look like", enumeration = { "A", "B" })
            String target,
            @Schema(description = "How the figure was made: `verification`; null for reports made before it, "
                    + "which a blurred face could pass", nullable = true)
            String method,
            @Schema(description = "False when the recogniser cannot tell the two people apart (see reason)")
            boolean measurable,
            @Schema(description = "Why the figure is not measurable", nullable = true)
            String reason,
            @Schema(description = "Share of swapped faces that pass as the target")
            double swappedAsTarget, int swappedFaces,
            @Schema(description = "Share of the target's own unseen faces that pass (the most a swap can hope for)")
            double ceiling, int heldOutFaces,
            @Schema(description = "Control: share of the source's own faces that pass as the target")
            double sourceAsTarget,
            @Schema(description = "Control: share of the source's faces, blurred to the swap's sharpness, that pass")
            double blurredSourceAsTarget,
            @Schema(description = "Share of the target's own unseen faces, blurred to the swap's sharpness, that "
                    + "pass: the most a swap that soft can reach; below one half the figure is not measurable. "
                    + "Null for reports made before it", nullable = true)
            Double blurredTargetAsTarget, int controlFaces,
            @Schema(description = "The Gaussian sigma (px on a 64 px crop) that made the source as soft as the swap")
            double blurSigma,
            @Schema(description = "Mean sharpness (variance of the Laplacian) of the swapped faces")
            double swapSharpness) {

        public static final String VERIFICATION = "verification";

        static Identity notMeasurable(String target, int swappedFaces, int heldOutFaces, int controlFaces,
                String reason) {
            return new Identity(target, VERIFICATION, false, reason, 0, swappedFaces, 0, heldOutFaces, 0, 0, 0.0,
                    controlFaces, 0, 0);
        }
    }

    @Schema(name = "QualityReconstruction", description = "SSIM, inside the face mask, of each decoder's "
            + "reconstruction of its own person's held-out faces")
    public record Reconstruction(double ssimA, double ssimB, int facesA, int facesB) {
    }

    @Schema(name = "QualityFlicker")
    public record Flicker(double swapped, double source, int pairs) {
    }
}
