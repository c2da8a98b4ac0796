package dev.doppel.swap;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bytedeco.opencv.opencv_core.Mat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

import dev.doppel.faces.Face;
import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.FaceLocators;
import dev.doppel.faces.FaceRepository;
import dev.doppel.faces.FaceSet;
import dev.doppel.faces.FaceSetRepository;
import dev.doppel.faces.FacesConfig;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.mask.FaceMasker;
import dev.doppel.faces.mask.MaskPlugins;
import dev.doppel.faces.pipeline.FaceFilter;
import dev.doppel.faces.pipeline.FacePipeline;
import dev.doppel.faces.pipeline.FaceSelection;
import dev.doppel.faces.pipeline.FaceTracker;
import dev.doppel.faces.pipeline.PersonMatcher;
import dev.doppel.jobs.JobFailedException;
import dev.doppel.storage.BlobStore;
import dev.doppel.training.FaceData;
import dev.doppel.training.FaceModel;

/**
 * The face pipeline a swap runs. Faces are found and masked the way the source person's face set was made — its
 * detector, minimum face size and mask — so the swap sees the faces the model learnt from; the swap's options say whose faces
 * are kept: the largest, every one (up to {@code doppel.swap.max-faces}), or the one that matches the source
 * person's face set.
 */
@ApplicationScoped
public class SwapPipelines {

    /** Faces of the source person the matcher learns from, spread over the set. */
    static final int MATCH_FACES = 60;
    static final int MATCH_SIZE = 128;

    @Inject
    FaceLocators locators;

    @Inject
    FacesConfig faces;

    @Inject
    SwapSettings settings;

    @Inject
    FaceSetRepository faceSets;

    @Inject
    FaceRepository faceRepository;

    @Inject
    BlobStore blobs;

    @Inject
    MaskPlugins masks;

    /** The pipeline, and what it uses that must be closed with it. */
    public record Opened(FacePipeline pipeline, FaceMasker masker, PersonMatcher matcher) implements AutoCloseable {

        @Override
        public void close() {
            pipeline.close();
            masker.close();
            if (matcher != null) {
                matcher.close();
            }
        }
    }

    public Opened open(Result result, FaceModel model, double fps) throws Exception {
        UUID sourceSetId = result.direction == SwapDirection.A_TO_B ? model.faceSetA : model.faceSetB;
        FaceSet source = QuarkusTransaction.requiringNew()
                .call(() -> sourceSetId == null ? null : faceSets.findOwned(model.ownerId, sourceSetId).orElse(null));
        String detector = source != null && locators.detectors().contains(source.detector) ? source.detector
                : locators.defaultDetector();
        int minFaceSize = source != null ? source.minFaceSize : faces.extraction().minFaceSize();
        FaceSelection whose = result.facesToSwap;
        FaceTemplate template = FaceTemplate.fromMeanShape(locators.meanShape(), faces.alignedSize());
        PersonMatcher matcher = whose == FaceSelection.MATCH ? matcher(model, source, template) : null;
        FaceFilter filter = switch (whose) {
            case LARGEST -> FaceFilter.LARGEST;
            case ALL -> FaceFilter.ALL;
            case MATCH -> matcher;
        };
        int maxFaces = whose == FaceSelection.ALL ? settings.maxFaces() : 1;
        FaceLocator locator = locators.create(detector);
        FaceTracker.Settings tracking = new FaceTracker.Settings(faces.detectEvery(), minFaceSize, maxFaces,
                FaceDetector.Search.QUICK_TILTED, fps, 1);
        FaceMasker masker = masks.create(source != null ? source.mask : masks.defaultMask(), template);
        return new Opened(new FacePipeline(locator, template, tracking, filter), masker, matcher);
    }

    private PersonMatcher matcher(FaceModel model, FaceSet source, FaceTemplate template) throws Exception {
        if (source == null) {
            throw new JobFailedException("Matching the source person needs their face set, which was deleted; "
                    + "swap the largest face or every face instead.");
        }
        List<Face> all = QuarkusTransaction.requiringNew()
                .call(() -> faceRepository.inSet(model.ownerId, source.id, Sort.by("frameIndex")));
        List<Face> real = real(all);
        if (real.size() < 2) {
            throw new JobFailedException("The face set \"" + source.name + "\" holds too few faces to recognise "
                    + "its person; swap the largest face or every face instead.");
        }
        List<Face> spread = spread(real);
        UUID otherSetId = source.id.equals(model.faceSetA) ? model.faceSetB : model.faceSetA;
        List<Face> others = otherSetId == null ? List.of() : spread(real(QuarkusTransaction.requiringNew()
                .call(() -> faceRepository.inSet(model.ownerId, otherSetId, Sort.by("frameIndex")))));
        try (FaceData data = FaceData.load(spread, blobs, MATCH_SIZE, 0);
                FaceData other = FaceData.load(others, blobs, MATCH_SIZE, 0)) {
            // The model's other person places the bar between "this person" and "someone else".
            return new PersonMatcher(data.training().stream().map(f -> f[0]).toList(),
                    other.training().stream().map(f -> f[0]).toList(), template);
        }
    }

    /** The faces the face check did not doubt. */
    private List<Face> real(List<Face> all) {
        double minScore = faces.verification().minScore();
        return all.stream().filter(f -> f.faceScore == null || f.faceScore >= minScore).toList();
    }

    /** At most {@link #MATCH_FACES}, spread over the set. */
    private static List<Face> spread(List<Face> faces) {
        List<Face> spread = new ArrayList<>();
        int step = Math.max(1, faces.size() / MATCH_FACES);
        for (int i = 0; i < faces.size() && spread.size() < MATCH_FACES; i += step) {
            spread.add(faces.get(i));
        }
        return spread;
    }
}
