package dev.doppel.faces.landmarks;

/**
 * The least-squares similarity transform (rotation, uniform scale, translation; no reflection) between two
 * point sets — Umeyama 1991. In two dimensions the optimum has a closed form: with both sets centred,
 * scale·rotation = [[a, −b], [b, a]], a = Σ(x·u + y·v) / Σ(x² + y²), b = Σ(x·v − y·u) / Σ(x² + y²), which is
 * what the SVD in Umeyama's derivation yields (including its guard against reflections).
 */
public final class Similarity {

    private Similarity() {
    }

    /** The 2×2 linear part {m00, m01, m10, m11} mapping {@code from} onto {@code to} (x0, y0, x1, y1, …). */
    public static double[] fit(float[] from, float[] to) {
        double[] full = fitWithTranslation(from, to);
        return new double[] { full[0], full[1], full[2], full[3] };
    }

    /** {m00, m01, m10, m11, tx, ty}. */
    public static double[] fitWithTranslation(float[] from, float[] to) {
        return fitWithTranslation(from, to, null);
    }

    /** Weighted least squares: point i counts {@code weights[i]} times (null: all once). */
    public static double[] fitWithTranslation(float[] from, float[] to, double[] weights) {
        int n = from.length / 2;
        if (n < 2) {
            return new double[] { 1, 0, 0, 1, 0, 0 };
        }
        double fx = 0, fy = 0, tx = 0, ty = 0, total = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            fx += w * from[2 * i];
            fy += w * from[2 * i + 1];
            tx += w * to[2 * i];
            ty += w * to[2 * i + 1];
            total += w;
        }
        fx /= total;
        fy /= total;
        tx /= total;
        ty /= total;
        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            double x = from[2 * i] - fx;
            double y = from[2 * i + 1] - fy;
            double u = to[2 * i] - tx;
            double v = to[2 * i + 1] - ty;
            dot += w * (x * u + y * v);
            cross += w * (x * v - y * u);
            norm += w * (x * x + y * y);
        }
        double a = norm == 0 ? 1 : dot / norm;
        double b = norm == 0 ? 0 : cross / norm;
        return new double[] { a, -b, b, a, tx - (a * fx - b * fy), ty - (b * fx + a * fy) };
    }
}
