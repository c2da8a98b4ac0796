package dev.doppel.swap.quality;

import java.util.List;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_face.LBPHFaceRecognizer;

import dev.doppel.faces.align.FaceCrops;

/**
 * Who the swapped faces look like, to a recogniser that knows only the model's two people: OpenCV's LBPH
 * recogniser trained on the training faces of A and B. Its accuracy on their held-out faces is the ceiling —
 * a swap cannot be told apart better than real faces can.
 */
public final class IdentityCheck implements AutoCloseable {

    static final int A = 0;
    static final int B = 1;

    private final LBPHFaceRecognizer recogniser = LBPHFaceRecognizer.create();

    /** Grey {@link FaceCrops#SIZE} crops of each person. */
    public IdentityCheck(List<Mat> facesA, List<Mat> facesB) {
        try (MatVector images = new MatVector(facesA.size() + facesB.size());
                Mat labels = new Mat(facesA.size() + facesB.size(), 1, opencv_core.CV_32SC1)) {
            try (var idx = labels.<org.bytedeco.javacpp.indexer.IntIndexer>createIndexer()) {
                int i = 0;
                for (Mat f : facesA) {
                    images.put(i, f);
                    idx.put(i++, A);
                }
                for (Mat f : facesB) {
                    images.put(i, f);
                    idx.put(i++, B);
                }
            }
            recogniser.train(images, labels);
        }
    }

    /** Share of {@code faces} taken for person A (target "A") or B. */
    public double shareRecognisedAs(String target, List<Mat> faces) {
        if (faces.isEmpty()) {
            return 0;
        }
        int label = "A".equals(target) ? A : B;
        int hits = 0;
        for (Mat face : faces) {
            if (predict(face) == label) {
                hits++;
            }
        }
        return hits / (double) faces.size();
    }

    /** Share of held-out real faces recognised as their own person. */
    public double accuracy(List<Mat> heldA, List<Mat> heldB) {
        int total = heldA.size() + heldB.size();
        if (total == 0) {
            return 0;
        }
        return (shareRecognisedAs("A", heldA) * heldA.size() + shareRecognisedAs("B", heldB) * heldB.size()) / total;
    }

    private int predict(Mat face) {
        try (IntPointer label = new IntPointer(1); org.bytedeco.javacpp.DoublePointer confidence =
                new org.bytedeco.javacpp.DoublePointer(1)) {
            recogniser.predict(face, label, confidence);
            return label.get();
        }
    }

    @Override
    public void close() {
        recogniser.close();
    }
}
