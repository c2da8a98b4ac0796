package dev.doppel.swap.quality;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

import dev.doppel.faces.align.FaceCrops;
import dev.doppel.faces.Face;
import dev.doppel.storage.BlobStore;
import dev.doppel.swap.ModelRenderer;
import dev.doppel.swap.SwapDirection;
import dev.doppel.swap.VideoSwapper;
import dev.doppel.training.FaceData;

/**
 * Builds a result's {@link QualityReport} from the model's face sets (split into training and held-out faces
 * exactly as training split them; only the faces measured are decoded) and what the swap measured while it ran.
 */
public final class QualityMeasures {

    /** Faces the recogniser learns from (and compares with each face it checks), spread over the set. */
    static final int RECOGNISER_FACES = 150;

    private final BlobStore blobs;
    private final double holdout;

    public QualityMeasures(BlobStore blobs, double holdout) {
        this.blobs = blobs;
        this.holdout = holdout;
    }

    public QualityReport measure(ModelRenderer renderer, List<Face> facesA, List<Face> facesB,
            VideoSwapper.Outcome outcome, SwapDirection direction) throws Exception {
        QualityReport.Reconstruction reconstruction = reconstruction(renderer, facesA, facesB);
        QualityReport.Identity identity = identity(facesA, facesB, outcome.swappedSamples(), direction.target());
        QualityReport.Flicker flicker = new QualityReport.Flicker(outcome.swappedFlicker(), outcome.sourceFlicker(),
                outcome.flickerPairs());
        return new QualityReport(identity, reconstruction, flicker);
    }

    private QualityReport.Reconstruction reconstruction(ModelRenderer renderer, List<Face> facesA,
            List<Face> facesB) throws Exception {
        int size = renderer.size();
        try (FaceData a = decoded(heldOut(facesA, true), size); FaceData b = decoded(heldOut(facesB, true), size)) {
            return new QualityReport.Reconstruction(ssim(renderer, a.training(), true),
                    ssim(renderer, b.training(), false), a.training().size(), b.training().size());
        }
    }

    /**
     * Mean SSIM, inside each face's mask, of held-out faces against their reconstruction by their own decoder (0
     * with no faces).
     */
    private static double ssim(ModelRenderer renderer, List<Mat[]> faces, boolean sideA) {
        if (faces.isEmpty()) {
            return 0;
        }
        List<Mat> images = faces.stream().map(f -> f[0]).toList();
        List<Mat> rebuilt = renderer.render(images, sideA);
        double sum = 0;
        for (int i = 0; i < images.size(); i++) {
            sum += Ssim.of(images.get(i), rebuilt.get(i), faces.get(i)[1]);
            rebuilt.get(i).close();
        }
        return sum / images.size();
    }

    private QualityReport.Identity identity(List<Face> facesA, List<Face> facesB, List<Mat> swapped, String target)
            throws Exception {
        List<Face> targetFaces = "A".equals(target) ? facesA : facesB;
        List<Face> sourceFaces = "A".equals(target) ? facesB : facesA;
        // The recogniser is not the model: it may learn any of the target's faces, and the model's own 5 %
        // held out are too few on short clips. Every other face is learned; the rest calibrate and check.
        List<Face> learnedFaces = new ArrayList<>();
        List<Face> unseenFaces = new ArrayList<>();
        for (int i = 0; i < targetFaces.size(); i++) {
            (i % 2 == 1 ? unseenFaces : learnedFaces).add(targetFaces.get(i));
        }
        // Twice the crop size: the inner face is cut from it before scaling down to the crop size.
        int size = 2 * FaceCrops.SIZE;
        try (FaceData training = decoded(spread(learnedFaces, RECOGNISER_FACES), size);
                FaceData targetHeld = decoded(spread(unseenFaces, RECOGNISER_FACES), size);
                FaceData sourceHeld = decoded(spread(sourceFaces, RECOGNISER_FACES), size)) {
            List<Mat> learned = grey(training.training());
            List<Mat> real = grey(targetHeld.training());
            List<Mat> source = grey(sourceHeld.training());
            try {
                return IdentityFigures.measure(target, learned, real, source, swapped);
            } finally {
                for (List<Mat> list : List.of(learned, real, source)) {
                    list.forEach(Mat::close);
                }
            }
        }
    }

    /**
     * The held-out faces of a set ({@code held}) or its training faces, by the training's own rule — chosen
     * before anything is decoded, so a set of thousands of faces costs only the few the measures look at.
     */
    private List<Face> heldOut(List<Face> faces, boolean held) {
        List<Face> out = new ArrayList<>();
        for (int i = 0; i < faces.size(); i++) {
            if (FaceData.isHeldOut(i, holdout) == held) {
                out.add(faces.get(i));
            }
        }
        return out;
    }

    /** All of {@code faces} decoded at {@code size} (as FaceData's training list: nothing held out here). */
    private FaceData decoded(List<Face> faces, int size) throws Exception {
        return FaceData.load(faces, blobs, size, 0);
    }

    private static List<Face> spread(List<Face> faces, int max) {
        if (faces.size() <= max) {
            return faces;
        }
        List<Face> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            out.add(faces.get((int) ((long) i * faces.size() / max)));
        }
        return out;
    }

    private static List<Mat> grey(List<Mat[]> faces) {
        List<Mat> out = new ArrayList<>();
        for (Mat[] f : faces) {
            out.add(FaceCrops.ofAligned(f[0]));
        }
        return out;
    }
}
