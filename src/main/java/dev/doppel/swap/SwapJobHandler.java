package dev.doppel.swap;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

import ai.djl.Device;
import dev.doppel.faces.Face;
import dev.doppel.faces.FaceRepository;
import dev.doppel.faces.FaceSet;
import dev.doppel.faces.FaceSetRepository;
import dev.doppel.jobs.JobContext;
import dev.doppel.jobs.JobDeferredException;
import dev.doppel.jobs.JobFailedException;
import dev.doppel.jobs.JobHandler;
import dev.doppel.jobs.JobLane;
import dev.doppel.jobs.JobStoppedException;
import dev.doppel.media.ImageFiles;
import dev.doppel.media.Video;
import dev.doppel.media.VideoRepository;
import dev.doppel.runtime.DoppelConfig;
import dev.doppel.storage.BlobStore;
import dev.doppel.swap.quality.QualityMeasures;
import dev.doppel.swap.quality.QualityReport;
import dev.doppel.swap.video.Provenance;
import dev.doppel.training.AutoencoderTrainer;
import dev.doppel.training.Checkpoint;
import dev.doppel.training.FaceModel;
import dev.doppel.training.FaceModelRepository;
import dev.doppel.training.FineTuner;
import dev.doppel.training.Preset;
import dev.doppel.training.Presets;
import dev.doppel.training.SlotDevice;
import dev.doppel.training.TrainedModel;
import dev.doppel.training.TrainerSettings;

/**
 * SWAP: (optionally fine-tunes the model on the video's own faces, then) swaps every frame of the video with
 * the model's latest checkpoint, writes the labelled result and measures its quality. A retried or handed-back
 * swap starts over; the output only becomes the result's once complete.
 */
@ApplicationScoped
public class SwapJobHandler implements JobHandler {

    public static final String TYPE = "SWAP";
    private static final Logger LOG = Logger.getLogger(SwapJobHandler.class);
    /** Share of the progress bar the fine-tuning takes when there is one. */
    static final double FINE_TUNE_SHARE = 0.5;
    static final Duration WAIT_FOR_FACES = Duration.ofSeconds(2);

    @Inject
    ResultRepository results;

    @Inject
    FaceModelRepository models;

    @Inject
    VideoRepository videos;

    @Inject
    FaceSetRepository faceSets;

    @Inject
    FaceRepository faces;

    @Inject
    SwapPipelines pipelines;

    @Inject
    Presets presets;

    @Inject
    BlobStore blobs;

    @Inject
    FineTuner fineTuner;

    @Inject
    SwapSettings settings;

    @Inject
    TrainerSettings trainerSettings;

    @Inject
    DoppelConfig config;

    @Inject
    ObjectMapper json;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JobLane lane(String payload) {
        return JobLane.GPU;
    }

    @Override
    public String run(JobContext context) throws Exception {
        Result result = QuarkusTransaction.requiringNew()
                .call(() -> results.findOwned(context.ownerId(), context.subjectId()).orElse(null));
        if (result == null) {
            throw new JobFailedException("The result was deleted before the swap ran.");
        }
        try {
            return swap(context, result);
        } catch (JobStoppedException | JobDeferredException e) {
            throw e;
        } catch (JobFailedException e) {
            update(result.id, Result.Status.FAILED, e.getMessage());
            throw e;
        } catch (Exception e) {
            update(result.id, Result.Status.FAILED, "The swap failed: " + e.getMessage());
            throw e;
        }
    }

    private String swap(JobContext context, Result result) throws Exception {
        FaceModel model = QuarkusTransaction.requiringNew()
                .call(() -> models.findOwned(result.ownerId, result.modelId).orElse(null));
        if (model == null || model.checkpointKey == null) {
            throw new JobFailedException(model == null ? "The model was deleted before the swap ran."
                    : "The model has no checkpoint to swap with.");
        }
        Video video = QuarkusTransaction.requiringNew()
                .call(() -> videos.findOwned(result.ownerId, result.videoId).orElse(null));
        if (video == null) {
            throw new JobFailedException("The video was deleted before the swap ran.");
        }
        List<Face> newFaces = result.fineTuneIterations > 0 ? facesToFineTuneOn(result, video) : null;
        Device device = SlotDevice.forSlot(context.slot());
        Preset preset = presets.of(model);
        if (newFaces == null) {
            // Rendering only: the weights, without the optimiser and Adam's state a trainer would carry.
            try (InputStream in = blobs.open(model.checkpointKey);
                    TrainedModel trained = TrainedModel.load(preset, device, in)) {
                update(result.id, Result.Status.SWAPPING, "Swapping faces on " + (device.isGpu() ? "the GPU" : "the CPU"));
                return render(context, result, model, video,
                        new ModelRenderer(trained.network(), trained.manager(), result.direction.rendersA()), 0);
            }
        }
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(preset, device, model.seed)) {
            try (InputStream in = blobs.open(model.checkpointKey)) {
                Checkpoint.read(trainer, in);
            }
            update(result.id, Result.Status.FINE_TUNING, "Fine-tuning the model on this video's faces");
            boolean newSideIsA = result.direction == SwapDirection.A_TO_B;
            fineTuner.run(context, model, trainer, newFaces, newSideIsA, result.fineTuneIterations,
                    f -> context.progress(f * FINE_TUNE_SHARE, String.format(Locale.ROOT,
                            "Fine-tuning: %d of %d iterations", Math.round(f * result.fineTuneIterations),
                            result.fineTuneIterations)));
            update(result.id, Result.Status.SWAPPING, "Swapping faces on " + (device.isGpu() ? "the GPU" : "the CPU"));
            return render(context, result, model, video,
                    new ModelRenderer(trainer.network(), trainer.manager(), result.direction.rendersA()),
                    FINE_TUNE_SHARE);
        }
    }

    private List<Face> facesToFineTuneOn(Result result, Video video) {
        FaceSet set = QuarkusTransaction.requiringNew().call(() -> faceSets
                .find("ownerId = ?1 and videoId = ?2", Sort.descending("createdAt"), result.ownerId, video.id)
                .firstResultOptional().orElse(null));
        if (set == null) {
            throw new JobFailedException("This video's faces were deleted, so there is nothing to fine-tune on.");
        }
        if (set.status == FaceSet.Status.EXTRACTING) {
            update(result.id, Result.Status.QUEUED, "Waiting for the faces of this video to be extracted");
            throw new JobDeferredException(WAIT_FOR_FACES, "Waiting for the faces of \"" + video.name
                    + "\" to be extracted before fine-tuning");
        }
        List<Face> found = QuarkusTransaction.requiringNew()
                .call(() -> faces.inSet(result.ownerId, set.id, Sort.by("frameIndex")));
        if (set.status != FaceSet.Status.READY || found.size() < 2) {
            throw new JobFailedException("Fine-tuning needs faces from this video and too few were found; "
                    + "swap without fine-tuning, or extract its faces again with other settings.");
        }
        return found;
    }

    private String render(JobContext context, Result result, FaceModel model, Video video, ModelRenderer renderer,
            double base) throws Exception {
        Path tmp = config.dataDir().resolve("tmp");
        Files.createDirectories(tmp);
        Path out = tmp.resolve("swap-" + UUID.randomUUID() + ".mp4");
        String key = null;
        String thumbnailKey = null;
        try (SwapPipelines.Opened pipeline = pipelines.open(result, model, video.fps);
                BlobStore.LocalFile source = blobs.local(video.blobKey)) {
            VideoSwapper swapper = new VideoSwapper(renderer, pipeline.pipeline(), pipeline.masker(), result.options(),
                    VideoSwapper.Params.of(settings));
            long started = System.nanoTime();
            try (VideoSwapper.Outcome outcome = swapper.run(source.path(), out,
                    Provenance.metadata(model.id, result.id), video.frameCount, (done, expected) -> {
                        context.checkpoint();
                        double f = Math.min(1, done / (double) Math.max(1, expected));
                        context.progress(base + (1 - base) * 0.95 * f, String.format(Locale.ROOT,
                                "Swapping: frame %d of %d", done - done % 25, expected));
                    })) {
                double seconds = (System.nanoTime() - started) / 1e9;
                context.progress(base + (1 - base) * 0.96, "Measuring the quality of the swap");
                QualityReport report = measure(result, model, renderer, outcome);
                thumbnailKey = outcome.thumbnail() == null ? null
                        : blobs.put(ImageFiles.encode(".jpg", outcome.thumbnail()));
                long size = Files.size(out);
                key = blobs.adopt(out);
                String message = String.format(Locale.ROOT, "Swapped faces in %d of %d frames (%.1f frames/s)",
                        outcome.framesWithFaces(), outcome.frames(), outcome.frames() / Math.max(1e-6, seconds));
                String finalKey = key;
                String finalThumbnail = thumbnailKey;
                boolean kept = QuarkusTransaction.requiringNew().call(() -> {
                    Result r = results.findById(result.id);
                    if (r == null) {
                        return false;
                    }
                    r.blobKey = finalKey;
                    r.thumbnailKey = finalThumbnail;
                    r.sizeBytes = size;
                    r.width = outcome.width();
                    r.height = outcome.height();
                    r.fps = outcome.fps();
                    r.frameCount = outcome.frames();
                    r.framesWithFaces = outcome.framesWithFaces();
                    r.durationSeconds = outcome.frames() / Math.max(1e-6, outcome.fps());
                    r.hasAudio = outcome.hasAudio();
                    r.report = json.writeValueAsString(report);
                    r.status = Result.Status.READY;
                    r.message = message;
                    r.finishedAt = Instant.now();
                    return true;
                });
                if (!kept) {
                    blobs.deleteQuietly(key);
                    blobs.deleteQuietly(thumbnailKey);
                    throw new JobFailedException("The result was deleted while it was being made.");
                }
                LOG.infof("Result %s: %s", result.id, message);
                return result.id.toString();
            }
        } catch (Exception | Error e) {
            if (key == null) {
                blobs.deleteQuietly(thumbnailKey);
            }
            throw e;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private QualityReport measure(Result result, FaceModel model, ModelRenderer renderer,
            VideoSwapper.Outcome outcome) throws Exception {
        List<Face> facesA = QuarkusTransaction.requiringNew()
                .call(() -> faces.inSet(model.ownerId, model.faceSetA, Sort.by("frameIndex")));
        List<Face> facesB = QuarkusTransaction.requiringNew()
                .call(() -> faces.inSet(model.ownerId, model.faceSetB, Sort.by("frameIndex")));
        return new QualityMeasures(blobs, trainerSettings.holdout()).measure(renderer, facesA, facesB, outcome,
                result.direction);
    }

    private void update(UUID resultId, Result.Status status, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            Result r = results.findById(resultId);
            if (r != null) {
                r.status = status;
                r.message = message.length() > 500 ? message.substring(0, 500) : message;
            }
        });
    }
}
