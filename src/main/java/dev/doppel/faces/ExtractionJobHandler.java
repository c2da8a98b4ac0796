package dev.doppel.faces;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.align.FaceMask;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.align.Sharpness;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.mask.FaceMasker;
import dev.doppel.faces.mask.MaskPlugins;
import dev.doppel.faces.pipeline.FaceFilter;
import dev.doppel.faces.pipeline.FacePipeline;
import dev.doppel.faces.pipeline.FaceTracker;
import dev.doppel.faces.pipeline.PipelineFace;
import dev.doppel.faces.verify.FaceVerifier;
import dev.doppel.faces.verify.FaceVerifiers;
import dev.doppel.jobs.JobContext;
import dev.doppel.jobs.JobFailedException;
import dev.doppel.jobs.JobHandler;
import dev.doppel.jobs.JobLane;
import dev.doppel.media.ImageFiles;
import dev.doppel.media.Video;
import dev.doppel.media.VideoRepository;
import dev.doppel.storage.BlobStore;

/**
 * EXTRACT: the {@link FacePipeline} over every Nth frame of a video, with a sink that stores the aligned 256 px
 * crops, masks and scores in the face set; each crop is shown to a second face model, so that a set of background patches is
 * flagged. It starts over when run again, so a crash or a re-run with new settings never leaves half of an old
 * extraction behind.
 */
@ApplicationScoped
public class ExtractionJobHandler implements JobHandler {

    public static final String TYPE = "EXTRACT";
    private static final Logger LOG = Logger.getLogger(ExtractionJobHandler.class);
    /** Faces are written to the database in batches of this many. */
    static final int BATCH = 25;

    @Inject
    FaceSetRepository faceSets;

    @Inject
    FaceRepository faces;

    @Inject
    VideoRepository videos;

    @Inject
    BlobStore blobs;

    @Inject
    FaceLocators locators;

    @Inject
    FacesConfig config;

    @Inject
    FaceVerifiers verifiers;

    @Inject
    MaskPlugins masks;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JobLane lane(String payload) {
        return JobLane.CPU;
    }

    @Override
    public String run(JobContext context) throws Exception {
        FaceSet set = QuarkusTransaction.requiringNew().call(() -> {
            FaceSet s = faceSets.findOwned(context.ownerId(), context.subjectId()).orElse(null);
            if (s != null) {
                faces.deleteAllInSet(s.id);
                s.status = FaceSet.Status.EXTRACTING;
                s.message = "Finding faces";
                s.faceCount = 0;
                s.framesScanned = 0;
                s.framesWithFaces = 0;
                s.facesChecked = 0;
                s.facesDoubtful = 0;
            }
            return s;
        });
        if (set == null) {
            throw new JobFailedException("The face set was deleted before its faces were extracted.");
        }
        Video video = QuarkusTransaction.requiringNew()
                .call(() -> set.videoId == null ? null : videos.findOwned(context.ownerId(), set.videoId).orElse(null));
        if (video == null) {
            finish(set, FaceSet.Status.FAILED, 0, 0, 0, "The source video was deleted.", false);
            throw new JobFailedException("The source video was deleted before its faces were extracted.");
        }
        try {
            return extract(context, set, video);
        } catch (JobFailedException | dev.doppel.jobs.JobStoppedException e) {
            if (e instanceof JobFailedException) {
                finish(set, FaceSet.Status.FAILED, 0, 0, 0, e.getMessage(), false);
            }
            throw e;
        } catch (Exception e) {
            finish(set, FaceSet.Status.FAILED, 0, 0, 0, "Extraction failed: " + e.getMessage(), false);
            throw e;
        }
    }

    private String extract(JobContext context, FaceSet set, Video video) throws Exception {
        FaceLocator locator;
        try {
            locator = locators.create(set.detector);
        } catch (IllegalArgumentException e) {
            throw new JobFailedException(e.getMessage());
        }
        int size = config.alignedSize();
        List<Face> pending = new ArrayList<>();
        int[] counts = new int[3]; // frames scanned, frames with faces, faces stored
        FaceVerifier verifier = verifiers.create().orElse(null);
        Optional<String> unchecked = verifier != null ? Optional.empty()
                : Optional.of(verifiers.problem().orElse("The face check is unavailable: faces are not checked."));
        double fps = video.fps > 0 ? video.fps : 25;
        long total = Math.max(1, video.frameCount);
        FaceTracker.Settings tracking = new FaceTracker.Settings(config.detectEvery(), set.minFaceSize,
                set.maxFacesPerFrame, FaceDetector.Search.TILTED, fps, set.everyNthFrame);
        FaceFilter whose = set.maxFacesPerFrame > 1 ? FaceFilter.ALL : FaceFilter.LARGEST;
        FaceTemplate template = FaceTemplate.fromMeanShape(locators.meanShape(), size);
        try (verifier;
                FaceMasker masker = masks.create(set.mask, template);
                BlobStore.LocalFile file = blobs.local(video.blobKey);
                FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.path().toFile());
                FacePipeline pipeline = new FacePipeline(locator, template, tracking, whose)) {
            grabber.start();
            pipeline.run(grabber, set.everyNthFrame, false, (index, image, found) -> {
                context.checkpoint();
                counts[0]++;
                if (!found.isEmpty()) {
                    counts[1]++;
                }
                for (PipelineFace face : found) {
                    pending.add(store(context, set, index, face, size, verifier, masker));
                }
                if (pending.size() >= BATCH) {
                    counts[2] += flush(set, pending, counts[0], counts[1]);
                }
                context.progress(Math.min(0.99, (index + 1) / (double) total),
                        String.format(Locale.ROOT, "Frame %d of %d: %d faces so far", index + 1, total,
                                counts[2] + pending.size()));
            });
        } catch (Exception e) {
            pending.forEach(f -> {
                blobs.deleteQuietly(f.imageKey);
                blobs.deleteQuietly(f.maskKey);
            });
            throw e;
        }
        int scanned = counts[0];
        int withFaces = counts[1];
        int stored = counts[2] + flush(set, pending, scanned, withFaces);
        String message = stored == 0
                ? "No faces were found in this video. Try a smaller minimum face size or another detector."
                : String.format(Locale.ROOT, "%d faces from %d of %d frames scanned%s%s", stored, withFaces, scanned,
                        locator.usesLandmarks() ? "" : " (aligned on the eyes: landmarks are unavailable)",
                        unchecked.map(why -> ". " + why).orElse(""));
        finish(set, FaceSet.Status.READY, stored, scanned, withFaces, message, locator.usesLandmarks());
        LOG.debugf("Face set %s: %s", set.id, message);
        return set.id.toString();
    }

    /** Extraction's sink: the aligned crop (JPEG), its mask (PNG) and what was measured of it. */
    private Face store(JobContext context, FaceSet set, int index, PipelineFace found, int size,
            FaceVerifier verifier, FaceMasker masker) throws Exception {
        AlignedFace aligned = found.aligned();
        try (Mat mask = FaceMask.filled(masker.outline(aligned), size)) {
            Face face = new Face();
            face.ownerId = context.ownerId();
            face.faceSetId = set.id;
            face.frameIndex = index;
            face.boxX = found.box().minX();
            face.boxY = found.box().minY();
            face.boxWidth = found.box().width();
            face.boxHeight = found.box().height();
            face.landmarks = found.measuredLandmarks() ? found.landmarks().format() : null;
            face.transform = join(aligned.transform().toArray());
            face.blur = Sharpness.of(aligned.crop());
            face.size = found.box().width();
            face.faceScore = verifier == null ? null : verifier.score(aligned.crop());
            face.imageKey = blobs.put(ImageFiles.encode(".jpg", aligned.crop()));
            try {
                face.maskKey = blobs.put(ImageFiles.encode(".png", mask));
            } catch (Exception e) {
                blobs.deleteQuietly(face.imageKey);
                throw e;
            }
            face.createdAt = Instant.now();
            return face;
        }
    }

    private int flush(FaceSet set, List<Face> pending, int scanned, int withFaces) {
        if (pending.isEmpty()) {
            return 0;
        }
        List<Face> batch = new ArrayList<>(pending);
        pending.clear();
        boolean kept = QuarkusTransaction.requiringNew().call(() -> {
            FaceSet current = faceSets.findById(set.id);
            if (current == null) {
                return false;
            }
            faces.persist(batch);
            current.faceCount += batch.size();
            current.framesScanned = scanned;
            current.framesWithFaces = withFaces;
            return true;
        });
        if (!kept) {
            batch.forEach(f -> {
                blobs.deleteQuietly(f.imageKey);
                blobs.deleteQuietly(f.maskKey);
            });
            throw new JobFailedException("The face set was deleted while its faces were being extracted.");
        }
        return batch.size();
    }

    private void finish(FaceSet set, FaceSet.Status status, int count, int scanned, int withFaces, String message,
            boolean landmarks) {
        QuarkusTransaction.requiringNew().run(() -> {
            FaceSet current = faceSets.findById(set.id);
            if (current != null) {
                current.status = status;
                current.message = message;
                if (status == FaceSet.Status.READY) {
                    current.faceCount = count;
                    current.framesScanned = scanned;
                    current.framesWithFaces = withFaces;
                    current.landmarks = landmarks;
                    faces.recountChecks(current, config.verification().minScore());
                }
            }
        });
    }


    static String join(double[] values) {
        return DoubleStream.of(values).mapToObj(v -> String.format(Locale.ROOT, "%.3f", v))
                .collect(Collectors.joining(" "));
    }
}
