package dev.doppel.faces;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Face sets and faces as the API shows them; blob keys stay inside. */
public final class FaceViews {

    private FaceViews() {
    }

    public record FaceSetView(UUID id, String name,
            @Schema(description = "The video it was extracted from; null for a merged set", nullable = true)
            UUID videoId,
            FaceSet.Status status, @Schema(nullable = true) String message,
            String detector, int everyNthFrame, int minFaceSize, int maxFacesPerFrame,
            @Schema(description = "The mask its faces were drawn with: hull or mesh", example = "hull") String mask,
            boolean landmarks,
            int faceCount, int framesScanned, int framesWithFaces,
            @Schema(description = "Faces the face check looked at (0: none was checked, e.g. a set from before the "
                    + "check or without its model file)", example = "42") int facesChecked,
            @Schema(description = "Checked faces that may not be faces (face score below the minimum)",
                    example = "31") int facesDoubtful,
            @Schema(description = "Most checked faces may not be faces: review the set (sort its faces by score) "
                    + "before training on it") boolean mostlyNotFaces,
            Instant createdAt) {
        static FaceSetView of(FaceSet s) {
            return new FaceSetView(s.id, s.name, s.videoId, s.status, s.message, s.detector, s.everyNthFrame,
                    s.minFaceSize, s.maxFacesPerFrame, s.mask, s.landmarks, s.faceCount, s.framesScanned, s.framesWithFaces,
                    s.facesChecked, s.facesDoubtful, s.mostlyNotFaces(), s.createdAt);
        }
    }

    public record FaceView(UUID id, UUID faceSetId, int frameIndex, double[] box, double blur, double size,
            boolean landmarks,
            @Schema(description = "How sure the face check (YuNet on the aligned crop) is that this is a face, 0 to 1; "
                    + "null when it was not checked", nullable = true, example = "0.93") Double faceScore,
            @Schema(description = "Whether the face check passed; null when it was not checked (unknown, not failed)",
                    nullable = true) Boolean looksLikeFace) {
        static FaceView of(Face f, double minScore) {
            return new FaceView(f.id, f.faceSetId, f.frameIndex,
                    new double[] { f.boxX, f.boxY, f.boxWidth, f.boxHeight }, f.blur, f.size, f.landmarks != null,
                    f.faceScore, f.faceScore == null ? null : f.faceScore >= minScore);
        }
    }

    @Schema(name = "FaceCapabilities")
    public record Capabilities(boolean landmarks,
            @Schema(description = "Why landmarks are not available, when they are not", nullable = true)
            String landmarksProblem,
            java.util.List<String> detectors,
            String defaultDetector,
            @Schema(description = "Masks to choose from, the default first") java.util.List<String> masks,
            String defaultMask, int alignedSize,
            @Schema(description = "Whether extracted faces are checked by a second face model") boolean faceCheck,
            @Schema(description = "Why they are not, when they are not", nullable = true) String faceCheckProblem) {
    }
}
