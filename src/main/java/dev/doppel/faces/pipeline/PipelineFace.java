package dev.doppel.faces.pipeline;

import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.geometry.Bounds;
import dev.doppel.faces.geometry.Landmarks;

/**
 * One face of one frame, ready for a sink: where it is ({@code box}, {@code landmarks} in frame pixels — for a
 * face aligned on its eyes only, the template's landmarks mapped back), whether the landmark model found those
 * landmarks, and the face aligned onto the template. The pipeline closes the crop after the sink returns.
 */
public record PipelineFace(int track, Bounds box, Landmarks landmarks, boolean measuredLandmarks,
        AlignedFace aligned) implements AutoCloseable {

    @Override
    public void close() {
        aligned.close();
    }
}
