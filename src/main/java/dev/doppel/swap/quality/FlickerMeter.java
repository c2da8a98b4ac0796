package dev.doppel.swap.quality;

import org.bytedeco.opencv.opencv_core.Mat;

import dev.doppel.faces.align.FaceCrops;

/**
 * Mean frame-to-frame change of one face's crop over a video, counted only between consecutive frames, so a
 * cut or a lost face does not count as flicker.
 */
public final class FlickerMeter implements AutoCloseable {

    private Mat previous;
    private long previousFrame = Long.MIN_VALUE;
    private double sum;
    private int pairs;

    /** Takes ownership of {@code crop}. */
    public void add(long frame, Mat crop) {
        if (previous != null && frame == previousFrame + 1) {
            sum += FaceCrops.difference(previous, crop);
            pairs++;
        }
        if (previous != null) {
            previous.close();
        }
        previous = crop;
        previousFrame = frame;
    }

    public double mean() {
        return pairs == 0 ? 0 : sum / pairs;
    }

    public int pairs() {
        return pairs;
    }

    @Override
    public void close() {
        if (previous != null) {
            previous.close();
            previous = null;
        }
    }
}
