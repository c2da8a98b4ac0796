package dev.doppel.faces.align;

import dev.doppel.faces.geometry.Landmarks;

/**
 * Where each of the 68 landmarks of a mean face sits in an aligned crop. Built from the landmark model's own
 * mean shape, scaled so the jaw spans 62 % of the crop and centred a little below the middle, which leaves
 * room for the forehead and the chin — what a swap needs to cover.
 */
public final class FaceTemplate {

    static final double JAW_SPAN = 0.62;
    static final double CENTRE_Y = 0.55;
    /** Landmarks the alignment is fitted on: brows, nose, eyes and mouth; the jaw line moves with the pose. */
    static final int FIRST_INNER = 17;

    private final double[] points;
    private final int size;

    private FaceTemplate(double[] points, int size) {
        this.points = points;
        this.size = size;
    }

    /** From a mean shape in unit-box coordinates (x0, y0, x1, y1, …). */
    public static FaceTemplate fromMeanShape(float[] mean, int size) {
        int n = mean.length / 2;
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, mean[2 * i]);
            maxX = Math.max(maxX, mean[2 * i]);
            minY = Math.min(minY, mean[2 * i + 1]);
            maxY = Math.max(maxY, mean[2 * i + 1]);
        }
        double jaw = Math.hypot(mean[2 * 16] - mean[0], mean[2 * 16 + 1] - mean[1]);
        double scale = JAW_SPAN * size / jaw;
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        double[] points = new double[mean.length];
        for (int i = 0; i < n; i++) {
            points[2 * i] = (mean[2 * i] - cx) * scale + size / 2.0;
            points[2 * i + 1] = (mean[2 * i + 1] - cy) * scale + size * CENTRE_Y;
        }
        return new FaceTemplate(points, size);
    }

    public int size() {
        return size;
    }

    public double[] points() {
        return points.clone();
    }

    public Landmarks landmarks() {
        return Landmarks.of(points);
    }

    /** Centre of the left eye as seen in the picture (landmarks 36–41). */
    public double[] leftEye() {
        return mean(points, 36, 42);
    }

    /** Centre of the right eye as seen in the picture (landmarks 42–47). */
    public double[] rightEye() {
        return mean(points, 42, 48);
    }

    static double[] mean(double[] pts, int from, int to) {
        double x = 0, y = 0;
        for (int i = from; i < to; i++) {
            x += pts[2 * i];
            y += pts[2 * i + 1];
        }
        return new double[] { x / (to - from), y / (to - from) };
    }
}
