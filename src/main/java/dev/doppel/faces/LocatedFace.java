package dev.doppel.faces;

import dev.doppel.faces.detect.Detection;
import dev.doppel.faces.geometry.Landmarks;

/**
 * A face found in a frame: the detector's box, and either its 68 landmarks (frame pixels) or, when
 * the landmark model is unavailable, its two eye centres.
 */
public record LocatedFace(Detection box, Landmarks landmarks, double[] leftEye, double[] rightEye) {

    public boolean hasLandmarks() {
        return landmarks != null;
    }
}
