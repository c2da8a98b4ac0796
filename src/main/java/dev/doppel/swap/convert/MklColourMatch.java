package dev.doppel.swap.convert;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The Monge–Kantorovich linear colour transfer (DeepFaceLab's "mkl", after Pitié and Kokaram): the linear map
 * that gives the face's colours the target's mean and full 3×3 covariance while moving them as little as
 * possible, so colour casts that run across channels are matched too, not only each channel's spread.
 */
final class MklColourMatch implements ColourMatcher {

    /** Variances below this are treated as flat (a uniform patch). */
    static final double MIN_VARIANCE = 1e-6;

    @Override
    public String name() {
        return "mkl";
    }

    @Override
    public void match(Mat face, Mat target, Mat mask) {
        double[] faceMean = new double[3];
        double[] targetMean = new double[3];
        double[][] a = covariance(face, mask, faceMean);
        double[][] b = covariance(target, mask, targetMean);
        double[][] t = transform(a, b);
        try (UByteIndexer px = face.createIndexer()) {
            double[] x = new double[3];
            for (int y = 0; y < face.rows(); y++) {
                for (int col = 0; col < face.cols(); col++) {
                    for (int c = 0; c < 3; c++) {
                        x[c] = px.get(y, col, c) - faceMean[c];
                    }
                    for (int c = 0; c < 3; c++) {
                        double v = targetMean[c] + x[0] * t[0][c] + x[1] * t[1][c] + x[2] * t[2][c];
                        px.put(y, col, c, (int) Math.round(Math.max(0, Math.min(255, v))));
                    }
                }
            }
        }
    }

    /**
     * T = Ua·Da⁻¹·Uc·Dc·Ucᵀ·Da⁻¹·Uaᵀ, with A = Ua·Da²·Uaᵀ and C = Da·Uaᵀ·B·Ua·Da = Uc·Dc²·Ucᵀ: the symmetric
     * map with Tᵀ·A·T = B (applied to row vectors, as DeepFaceLab does).
     */
    static double[][] transform(double[][] a, double[][] b) {
        double[][] ua = new double[3][3];
        double[] da2 = eigen(a, ua);
        double[][] da = new double[3][3];
        double[][] daInverse = new double[3][3];
        for (int i = 0; i < 3; i++) {
            da[i][i] = Math.sqrt(Math.max(MIN_VARIANCE, da2[i]));
            daInverse[i][i] = 1 / da[i][i];
        }
        double[][] c = multiply(da, multiply(transpose(ua), multiply(b, multiply(ua, da))));
        double[][] uc = new double[3][3];
        double[] dc2 = eigen(c, uc);
        double[][] dc = new double[3][3];
        for (int i = 0; i < 3; i++) {
            dc[i][i] = Math.sqrt(Math.max(MIN_VARIANCE, dc2[i]));
        }
        return multiply(ua, multiply(daInverse, multiply(uc, multiply(dc, multiply(transpose(uc),
                multiply(daInverse, transpose(ua)))))));
    }

    /** The covariance of the pixels inside the mask; their mean goes into {@code mean}. */
    static double[][] covariance(Mat bgr, Mat mask, double[] mean) {
        double[] sum = new double[3];
        double[][] products = new double[3][3];
        long n = 0;
        try (UByteIndexer px = bgr.createIndexer(); UByteIndexer m = mask.createIndexer()) {
            for (int y = 0; y < bgr.rows(); y++) {
                for (int x = 0; x < bgr.cols(); x++) {
                    if (m.get(y, x) == 0) {
                        continue;
                    }
                    n++;
                    for (int i = 0; i < 3; i++) {
                        int vi = px.get(y, x, i);
                        sum[i] += vi;
                        for (int j = 0; j < 3; j++) {
                            products[i][j] += vi * (double) px.get(y, x, j);
                        }
                    }
                }
            }
        }
        double[][] cov = new double[3][3];
        for (int i = 0; i < 3; i++) {
            mean[i] = sum[i] / Math.max(1, n);
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                cov[i][j] = products[i][j] / Math.max(1, n) - mean[i] * mean[j];
            }
        }
        return cov;
    }

    /**
     * Eigenvalues of a symmetric 3×3 matrix by Jacobi rotations; the eigenvectors go into the columns of
     * {@code vectors}.
     */
    static double[] eigen(double[][] symmetric, double[][] vectors) {
        double[][] m = new double[3][];
        for (int i = 0; i < 3; i++) {
            m[i] = symmetric[i].clone();
            vectors[i] = new double[3];
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < 50; sweep++) {
            double off = Math.abs(m[0][1]) + Math.abs(m[0][2]) + Math.abs(m[1][2]);
            if (off < 1e-12 * (Math.abs(m[0][0]) + Math.abs(m[1][1]) + Math.abs(m[2][2]) + 1e-300)) {
                break;
            }
            for (int p = 0; p < 2; p++) {
                for (int q = p + 1; q < 3; q++) {
                    if (m[p][q] == 0) {
                        continue;
                    }
                    double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double cos = 1 / Math.sqrt(t * t + 1);
                    double sin = t * cos;
                    for (int k = 0; k < 3; k++) {
                        double mkp = m[k][p];
                        double mkq = m[k][q];
                        m[k][p] = cos * mkp - sin * mkq;
                        m[k][q] = sin * mkp + cos * mkq;
                    }
                    for (int k = 0; k < 3; k++) {
                        double mpk = m[p][k];
                        double mqk = m[q][k];
                        m[p][k] = cos * mpk - sin * mqk;
                        m[q][k] = sin * mpk + cos * mqk;
                    }
                    for (int k = 0; k < 3; k++) {
                        double vkp = vectors[k][p];
                        double vkq = vectors[k][q];
                        vectors[k][p] = cos * vkp - sin * vkq;
                        vectors[k][q] = sin * vkp + cos * vkq;
                    }
                }
            }
        }
        return new double[] { m[0][0], m[1][1], m[2][2] };
    }

    static double[][] multiply(double[][] x, double[][] y) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    out[i][j] += x[i][k] * y[k][j];
                }
            }
        }
        return out;
    }

    static double[][] transpose(double[][] x) {
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = x[j][i];
            }
        }
        return out;
    }
}
