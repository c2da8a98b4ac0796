package dev.doppel.swap.convert;

import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

/** Turns aligned face crops (BGR, {@link #size()} square) into the other person's face, as a batch. */
public interface FaceRenderer {

    int size();

    List<Mat> render(List<Mat> faces);
}
