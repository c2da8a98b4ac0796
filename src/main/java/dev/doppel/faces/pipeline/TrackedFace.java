package dev.doppel.faces.pipeline;

import dev.doppel.faces.geometry.Bounds;
import dev.doppel.faces.geometry.Landmarks;

/**
 * A face in one frame as the tracker sees it: {@code track} numbers it within its run of frames, {@code box} is
 * where dlib's detector would box the face its landmarks outline (the detector's own box without landmarks), so
 * a face's box means the same whichever detector found it and whether it was detected or followed; its 68
 * landmarks in frame pixels (smoothed over time), or — without a landmark model — only its eye centres.
 */
public record TrackedFace(int track, Bounds box, Landmarks landmarks, double[] leftEye, double[] rightEye) {

    public boolean hasLandmarks() {
        return landmarks != null;
    }
}
