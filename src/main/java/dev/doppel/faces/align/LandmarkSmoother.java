package dev.doppel.faces.align;

import dev.doppel.faces.geometry.Landmarks;

/**
 * Smooths one face's landmarks from frame to frame with a 1€ filter per coordinate, relative to the face's
 * size so the same settings suit a close-up and a wide shot. It starts over when the face is lost or jumps.
 */
public final class LandmarkSmoother {

    /** Hz: the cut-off of a still face. */
    static final double MIN_CUTOFF = 1.5;
    /** How quickly the cut-off opens with speed (per face width per second). */
    static final double BETA = 4.0;
    static final double DERIVATIVE_CUTOFF = 1.0;

    private OneEuroFilter[] filters;
    private int lastFrame = Integer.MIN_VALUE;
    /** Face width when this run of frames began: a fixed unit, so the unit itself adds no noise. */
    private double unit;
    private double lastCentreX;
    private double lastCentreY;

    /** Landmarks of {@code frame}; frames arrive in order, {@code fps} is the rate they were taken at. */
    public Landmarks smooth(Landmarks face, int frame, double fps, int frameStep) {
        double[] landmarks = face.toArray();
        double width = face.width();
        double cx = face.meanX();
        double cy = face.meanY();
        boolean continuous = filters != null && frame - lastFrame <= frameStep
                && Math.hypot(cx - lastCentreX, cy - lastCentreY) < 0.5 * width;
        if (!continuous) {
            filters = new OneEuroFilter[landmarks.length];
            for (int i = 0; i < filters.length; i++) {
                filters[i] = new OneEuroFilter(MIN_CUTOFF, BETA, DERIVATIVE_CUTOFF);
            }
            unit = width;
        }
        double dt = Math.max(1, frame - lastFrame) / fps;
        if (!continuous) {
            dt = frameStep / fps;
        }
        lastFrame = frame;
        lastCentreX = cx;
        lastCentreY = cy;
        double[] out = new double[landmarks.length];
        for (int i = 0; i < landmarks.length; i++) {
            // Filter in face widths so the speed-dependence means the same at any scale.
            out[i] = filters[i].filter(landmarks[i] / unit, dt) * unit;
        }
        return Landmarks.of(out);
    }

    public void reset() {
        filters = null;
    }
}
