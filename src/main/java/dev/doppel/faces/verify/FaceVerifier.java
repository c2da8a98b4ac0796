package dev.doppel.faces.verify;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A second opinion on an aligned face crop: how sure a face model is that the crop shows a face where the
 * aligner puts one. The detector that found the face cannot judge its own mistakes (a Haar cascade that took a
 * lamp for a face finds the same lamp again), so the verifier is a different, stronger model. One instance
 * per job or thread: implementations hold native state.
 */
public interface FaceVerifier extends AutoCloseable {

    /** The plugin's name ("yunet"). */
    String name();

    /** From 0 (no face at all) to 1 (certainly a face), for a BGR crop aligned to the face template. */
    double score(Mat alignedBgr);

    @Override
    void close();
}
