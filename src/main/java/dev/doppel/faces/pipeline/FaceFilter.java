package dev.doppel.faces.pipeline;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

import dev.doppel.faces.geometry.Landmarks;

/**
 * Which of the confirmed faces of a detection a run goes on with. The faces come largest first, in frame
 * pixels; the result is a sublist in the same order.
 */
@FunctionalInterface
public interface FaceFilter {

    List<Landmarks> keep(Mat frame, List<Landmarks> confirmed);

    /**
     * How many of a detection's faces, largest first, are worth locating and confirming for this filter: each
     * costs a landmark search and a confirmation.
     */
    default int candidates() {
        return 8;
    }

    /** The largest face only (the next two are looked at in case the largest is not confirmed). */
    FaceFilter LARGEST = new FaceFilter() {
        @Override
        public List<Landmarks> keep(Mat frame, List<Landmarks> faces) {
            return faces.isEmpty() ? faces : faces.subList(0, 1);
        }

        @Override
        public int candidates() {
            return 3;
        }
    };

    /** Every face. */
    FaceFilter ALL = (frame, faces) -> faces;
}
