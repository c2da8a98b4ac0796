package dev.doppel.faces.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_face.LBPHFaceRecognizer;

import dev.doppel.faces.align.FaceAligner;
import dev.doppel.faces.align.FaceCrops;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.geometry.Landmarks;

/**
 * "The faces that match person A": keeps, of the faces of a detection, the one nearest to a person's face set
 * — when it is as near as the person's own faces are to each other. Nearness is OpenCV's LBPH histogram distance
 * on the same grey inner-face crops the quality report compares. The bar is calibrated on the person's own
 * faces: half the set is learnt, the other half measured against it, and a face counts as the person when it is
 * no farther than {@link #MARGIN} × the farthest of those (the person's own faces from other frames, lit and
 * turned differently). A clip shows one person A at a time, so at most one face per frame is kept.
 */
public final class PersonMatcher implements FaceFilter, AutoCloseable {

    /** How much farther than the person's own farthest face a face may be and still be the person. */
    static final double MARGIN = 1.15;

    private final LBPHFaceRecognizer recogniser = LBPHFaceRecognizer.create();
    private final FaceAligner aligner;
    private final double bar;

    /**
     * {@code personCrops}: the person's aligned crops (a face set's images, any size, colour), at least two;
     * {@code template}: the template the pipeline aligns faces to.
     */
    public PersonMatcher(List<Mat> personCrops, FaceTemplate template) {
        if (personCrops.size() < 2) {
            throw new IllegalArgumentException("Matching a person needs at least two of their faces");
        }
        this.aligner = new FaceAligner(template);
        List<Mat> grey = personCrops.stream().map(FaceCrops::ofAligned).toList();
        try {
            List<Mat> learnt = new ArrayList<>();
            List<Mat> measured = new ArrayList<>();
            for (int i = 0; i < grey.size(); i++) {
                (i % 2 == 0 ? learnt : measured).add(grey.get(i));
            }
            train(learnt);
            double[] own = measured.stream().mapToDouble(this::distance).sorted().toArray();
            bar = MARGIN * own[own.length - 1];
            train(grey);
        } finally {
            grey.forEach(Mat::close);
        }
    }

    private void train(List<Mat> faces) {
        try (MatVector images = new MatVector(faces.size());
                Mat labels = new Mat(faces.size(), 1, opencv_core.CV_32SC1)) {
            try (var idx = labels.<org.bytedeco.javacpp.indexer.IntIndexer>createIndexer()) {
                for (int i = 0; i < faces.size(); i++) {
                    images.put(i, faces.get(i));
                    idx.put(i, 0);
                }
            }
            recogniser.train(images, labels);
        }
    }

    /** LBPH distance of a grey inner-face crop to the person's faces (smaller is nearer). */
    double distance(Mat grey) {
        try (IntPointer label = new IntPointer(1); DoublePointer confidence = new DoublePointer(1)) {
            recogniser.predict(grey, label, confidence);
            return confidence.get();
        }
    }

    /** Distance of a face in a frame, given by its landmarks. */
    public double distance(Mat frame, Landmarks landmarks) {
        try (Mat crop = FaceCrops.of(frame, aligner.transformFor(landmarks), aligner.template().size())) {
            return distance(crop);
        }
    }

    /** The farthest a face may be and still count as the person. */
    public double bar() {
        return bar;
    }

    @Override
    public List<Landmarks> keep(Mat frame, List<Landmarks> confirmed) {
        double[] d = confirmed.stream().mapToDouble(l -> distance(frame, l)).toArray();
        int best = -1;
        for (int i = 0; i < d.length; i++) {
            if (d[i] <= bar && (best < 0 || d[i] < d[best])) {
                best = i;
            }
        }
        return best < 0 ? List.of() : List.of(confirmed.get(best));
    }

    @Override
    public void close() {
        recogniser.close();
    }
}
