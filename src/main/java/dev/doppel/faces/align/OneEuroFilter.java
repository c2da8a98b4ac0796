package dev.doppel.faces.align;

/**
 * The 1€ filter (Casiez, Roussel &amp; Vogel, CHI 2012): a low-pass filter whose cut-off rises with speed, so a
 * still face stops trembling while a moving one does not lag. Landmark jitter becomes flicker in a swap.
 */
public final class OneEuroFilter {

    private final double minCutoff;
    private final double beta;
    private final double derivativeCutoff;
    private boolean primed;
    private double value;
    private double derivative;

    public OneEuroFilter(double minCutoff, double beta, double derivativeCutoff) {
        this.minCutoff = minCutoff;
        this.beta = beta;
        this.derivativeCutoff = derivativeCutoff;
    }

    /** Filters one sample taken {@code dt} seconds after the previous one. */
    public double filter(double sample, double dt) {
        if (!primed) {
            primed = true;
            value = sample;
            derivative = 0;
            return sample;
        }
        double rawDerivative = (sample - value) / dt;
        derivative = lerp(derivative, rawDerivative, alpha(derivativeCutoff, dt));
        double cutoff = minCutoff + beta * Math.abs(derivative);
        value = lerp(value, sample, alpha(cutoff, dt));
        return value;
    }

    public void reset() {
        primed = false;
    }

    private static double alpha(double cutoff, double dt) {
        double tau = 1 / (2 * Math.PI * cutoff);
        return 1 / (1 + tau / dt);
    }

    private static double lerp(double from, double to, double a) {
        return from + a * (to - from);
    }
}
