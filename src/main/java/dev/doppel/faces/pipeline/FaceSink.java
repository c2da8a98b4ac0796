package dev.doppel.faces.pipeline;

import java.util.List;

import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Where a {@link FacePipeline} delivers each frame it looks at, with that frame's faces. Extraction stores the
 * crops and masks; the swap renders, colour-matches, blends and writes. {@code frame} and the faces' crops are
 * valid only during the call: a sink that keeps them copies them.
 */
public interface FaceSink {

    void frame(int index, Mat frame, List<PipelineFace> faces) throws Exception;

    /** A packet of sound, in order with the frames (only when the pipeline runs with sound). */
    default void audio(Frame samples) throws Exception {
    }
}
