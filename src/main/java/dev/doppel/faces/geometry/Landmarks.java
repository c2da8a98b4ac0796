package dev.doppel.faces.geometry;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A face's landmark points (dlib's 68, or any other count) as x0, y0, x1, y1, … in one coordinate system — frame
 * or crop pixels, as the holder says. Immutable: the array is copied in and out.
 */
public final class Landmarks {

    private final double[] xy;

    private Landmarks(double[] xy) {
        if (xy.length % 2 != 0 || xy.length == 0) {
            throw new IllegalArgumentException("Landmarks need x, y pairs; got " + xy.length + " numbers");
        }
        this.xy = xy;
    }

    public static Landmarks of(double[] xy) {
        return new Landmarks(xy.clone());
    }

    /** The points as the database keeps them: "x0 y0 x1 y1 …" with three decimals. */
    public static Landmarks parse(String text) {
        return new Landmarks(Arrays.stream(text.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray());
    }

    public String format() {
        return Arrays.stream(xy).mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(" "));
    }

    public int count() {
        return xy.length / 2;
    }

    public double x(int i) {
        return xy[2 * i];
    }

    public double y(int i) {
        return xy[2 * i + 1];
    }

    /** A copy of the raw x, y pairs. */
    public double[] toArray() {
        return xy.clone();
    }

    public Bounds bounds() {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < xy.length; i += 2) {
            minX = Math.min(minX, xy[i]);
            maxX = Math.max(maxX, xy[i]);
            minY = Math.min(minY, xy[i + 1]);
            maxY = Math.max(maxY, xy[i + 1]);
        }
        return new Bounds(minX, minY, maxX, maxY);
    }

    /** Width of the points' box, at least 1 so it can divide. */
    public double width() {
        return Math.max(1, bounds().width());
    }

    public double meanX() {
        return IntStream.range(0, count()).mapToDouble(this::x).average().orElse(0);
    }

    public double meanY() {
        return IntStream.range(0, count()).mapToDouble(this::y).average().orElse(0);
    }

    /** Distance between the two sets' centroids. */
    public double distanceTo(Landmarks other) {
        return Math.hypot(meanX() - other.meanX(), meanY() - other.meanY());
    }

    /** Points {@code from} to {@code to} (inclusive) only, e.g. the brows 17–26. */
    public Landmarks range(int from, int to) {
        return new Landmarks(Arrays.copyOfRange(xy, 2 * from, 2 * to + 2));
    }

    /** The same points with point i's y changed by {@code dy} for i in [from, to]. */
    public Landmarks shiftedY(int from, int to, double dy) {
        double[] out = xy.clone();
        for (int i = from; i <= to; i++) {
            out[2 * i + 1] += dy;
        }
        return new Landmarks(out);
    }

    /** Package-level access without a copy, for the transforms. */
    double[] raw() {
        return xy;
    }

    static Landmarks wrap(double[] xy) {
        return new Landmarks(xy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Landmarks l && Arrays.equals(xy, l.xy);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(xy);
    }

    @Override
    public String toString() {
        return "Landmarks[" + count() + " points]";
    }
}
