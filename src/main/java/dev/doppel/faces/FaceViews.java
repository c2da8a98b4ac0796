package dev.doppel.faces;

import java.time.Instant;
import java.util.UUID;

/** Face sets and faces as the API shows them; blob keys stay inside. */
public final class FaceViews {

    private FaceViews() {
    }

    public record FaceSetView(UUID id, String name, UUID videoId, FaceSet.Status status, String message,
            String detector, int everyNthFrame, int minFaceSize, int maxFacesPerFrame, boolean landmarks,
            int faceCount, int framesScanned, int framesWithFaces, Instant createdAt) {
        static FaceSetView of(FaceSet s) {
            return new FaceSetView(s.id, s.name, s.videoId, s.status, s.message, s.detector, s.everyNthFrame,
                    s.minFaceSize, s.maxFacesPerFrame, s.landmarks, s.faceCount, s.framesScanned, s.framesWithFaces,
                    s.createdAt);
        }
    }

    public record FaceView(UUID id, UUID faceSetId, int frameIndex, double[] box, double blur, double size,
            boolean landmarks) {
        static FaceView of(Face f) {
            return new FaceView(f.id, f.faceSetId, f.frameIndex,
                    new double[] { f.boxX, f.boxY, f.boxWidth, f.boxHeight }, f.blur, f.size, f.landmarks != null);
        }
    }

    public record Capabilities(boolean landmarks, String landmarksProblem, java.util.List<String> detectors,
            String defaultDetector, int alignedSize) {
    }
}
