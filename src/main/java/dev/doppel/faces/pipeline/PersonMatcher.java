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
 * — when it is near enough. Nearness is OpenCV's LBPH histogram distance on the same grey inner-face crops the
 * quality report compares. The bar is calibrated on real faces: half the person's set is learnt and the other
 * half measured against it (their own faces from other frames, lit and turned differently); when faces of
 * someone else are known (the model's other person), the bar lies halfway between the person's farthest own
 * face and that other person's nearest one, else at {@link #MARGIN_ALONE} × the farthest own face. Measured on
 * GRID: a speaker's own faces 45–63 from each other, the same man in another clip 65–75, four other speakers
 * 101–128, the openmpf woman 157–173. A clip shows one person A at a time, so at most one face per frame is kept.
 */
public final class PersonMatcher implements FaceFilter, AutoCloseable {

    /** With no one else to compare with: how much farther than the person's farthest own face a face may be. */
    static final double MARGIN_ALONE = 1.4;
    /** Never tighter than this many times the farthest own face (a clip of the person is another session). */
    static final double MARGIN_MIN = 1.2;

    private final LBPHFaceRecognizer recogniser = LBPHFaceRecognizer.create();
    private final FaceAligner aligner;
    private final double bar;

    /**
     * {@code personCrops}: the person's aligned crops (a face set's images, any size, colour), at least two;
     * {@code otherCrops}: someone else's, to place the bar between them (may be empty); {@code template}: the
     * template the pipeline aligns faces to.
     */
    public PersonMatcher(List<Mat> personCrops, List<Mat> otherCrops, FaceTemplate template) {
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
            double farthestOwn = measured.stream().mapToDouble(this::distance).max().orElseThrow();
            train(grey);
            double nearestOther = otherCrops.stream().mapToDouble(crop -> {
                try (Mat g = FaceCrops.ofAligned(crop)) {
                    return distance(g);
                }
            }).min().orElse(Double.NaN);
            bar = Double.isNaN(nearestOther) ? MARGIN_ALONE * farthestOwn
                    : Math.max(MARGIN_MIN * farthestOwn, (farthestOwn + nearestOther) / 2);
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
