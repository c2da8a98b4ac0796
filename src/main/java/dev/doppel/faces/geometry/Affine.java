package dev.doppel.faces.geometry;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A 2-D affine map x' = m00·x + m01·y + tx, y' = m10·x + m11·y + ty — in this project always a similarity (the
 * alignment of a face onto the template, frame pixels → crop pixels).
 */
public record Affine(double m00, double m01, double tx, double m10, double m11, double ty) {

    /** From OpenCV's row order {m00, m01, tx, m10, m11, ty}. */
    public static Affine of(double[] m) {
        return new Affine(m[0], m[1], m[2], m[3], m[4], m[5]);
    }

    public double[] toArray() {
        return new double[] { m00, m01, tx, m10, m11, ty };
    }

    /** OpenCV's 2 × 3 CV_64F matrix; the caller closes it. */
    public Mat toMat() {
        Mat m = new Mat(2, 3, opencv_core.CV_64F);
        try (DoubleIndexer idx = m.createIndexer()) {
            idx.put(0, 0, m00);
            idx.put(0, 1, m01);
            idx.put(0, 2, tx);
            idx.put(1, 0, m10);
            idx.put(1, 1, m11);
            idx.put(1, 2, ty);
        }
        return m;
    }

    public Affine inverse() {
        double det = m00 * m11 - m01 * m10;
        double a = m11 / det, b = -m01 / det, c = -m10 / det, d = m00 / det;
        return new Affine(a, b, -(a * tx + b * ty), c, d, -(c * tx + d * ty));
    }

    /** This map followed by a uniform scaling of the output by {@code k} (a crop resized by k). */
    public Affine scaled(double k) {
        return new Affine(m00 * k, m01 * k, tx * k, m10 * k, m11 * k, ty * k);
    }

    /** This map followed by moving the output by (dx, dy). */
    public Affine translated(double dx, double dy) {
        return new Affine(m00, m01, tx + dx, m10, m11, ty + dy);
    }

    /** A map seen from an origin moved to (x0, y0) of the input: input coordinates relative to that point. */
    public Affine fromOrigin(double x0, double y0) {
        return new Affine(m00, m01, tx + m00 * x0 + m01 * y0, m10, m11, ty + m10 * x0 + m11 * y0);
    }

    public Landmarks apply(Landmarks points) {
        return Landmarks.wrap(apply(points.raw()));
    }

    public double[] apply(double[] xy) {
        double[] out = new double[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
            out[i] = m00 * xy[i] + m01 * xy[i + 1] + tx;
            out[i + 1] = m10 * xy[i] + m11 * xy[i + 1] + ty;
        }
        return out;
    }

    /** How much the map enlarges lengths. */
    public double scale() {
        return Math.sqrt(Math.abs(m00 * m11 - m01 * m10));
    }
}
