package dev.doppel.swap.convert;

/**
 * A face in one frame of the video being swapped: its 68 landmarks in frame pixels, or — without a landmark
 * model — only its eye centres. {@code track} numbers the face within its run of frames.
 */
public record TrackedFace(int track, double[] landmarks, double[] leftEye, double[] rightEye) {

    public boolean hasLandmarks() {
        return landmarks != null;
    }
}
