package dev.doppel.training;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

import ai.djl.Device;
import dev.doppel.faces.Face;
import dev.doppel.faces.FaceRepository;
import dev.doppel.jobs.JobContext;
import dev.doppel.jobs.JobEvents;
import dev.doppel.jobs.JobFailedException;
import dev.doppel.jobs.JobHandler;
import dev.doppel.jobs.JobLane;
import dev.doppel.jobs.JobQueue;
import dev.doppel.jobs.JobStoppedException;
import dev.doppel.jobs.JobsConfig;
import dev.doppel.storage.BlobDeletions;
import dev.doppel.storage.BlobStore;

/**
 * TRAIN: trains a model on its two face sets until a stop rule or the owner stops it, recording the loss,
 * previews and checkpoints as it goes. It always starts from the model's last checkpoint, so a stopped, handed
 * back or crashed run continues where it was; loss points recorded after that checkpoint are dropped first so
 * the curve has no doubled stretch.
 */
@ApplicationScoped
public class TrainJobHandler implements JobHandler {

    public static final String TYPE = "TRAIN";
    private static final Logger LOG = Logger.getLogger(TrainJobHandler.class);

    @Inject
    FaceModelRepository models;

    @Inject
    FaceRepository faces;

    @Inject
    Presets presets;

    @Inject
    BlobStore blobs;

    @Inject
    BlobDeletions blobDeletions;

    @Inject
    JobEvents events;

    @Inject
    TrainerSettings settings;

    @Inject
    ModelRecorder recorder;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JobLane lane(String payload) {
        return JobLane.GPU;
    }

    /** Hours of work: it takes its turns in slices (see {@link dev.doppel.jobs.JobContext#turnIsOver()}). */
    @Override
    public boolean interactive(String payload) {
        return false;
    }

    /** A crashed worker costs a try; training resumes from its checkpoint, so allow a few. */
    @Override
    public int maxAttempts(JobsConfig config) {
        return Math.max(5, config.maxAttempts());
    }

    @Override
    public String run(JobContext context) throws Exception {
        FaceModel model = QuarkusTransaction.requiringNew().call(() -> models.findOwned(context.ownerId(),
                context.subjectId()).orElse(null));
        if (model == null) {
            throw new JobFailedException("The model was deleted before it was trained.");
        }
        Preset preset = presets.of(model);
        List<Face> facesA = QuarkusTransaction.requiringNew()
                .call(() -> faces.inSet(model.ownerId, model.faceSetA, Sort.by("frameIndex")));
        List<Face> facesB = QuarkusTransaction.requiringNew()
                .call(() -> faces.inSet(model.ownerId, model.faceSetB, Sort.by("frameIndex")));
        if (facesA.size() < 2 || facesB.size() < 2) {
            fail(model.id, "Both face sets need at least two faces.");
            throw new JobFailedException("Both face sets need at least two faces.");
        }
        Device device = SlotDevice.forSlot(context.slot());
        String deviceName = device.isGpu() ? "gpu " + device.getDeviceId() : "cpu";
        LOG.infof("Model %s: training %s on %s (%d + %d faces)", model.id, preset.name(), deviceName, facesA.size(),
                facesB.size());
        try (FaceData a = FaceData.load(facesA, blobs, preset.inputSize(), settings.holdout());
                FaceData b = FaceData.load(facesB, blobs, preset.inputSize(), settings.holdout());
                AutoencoderTrainer trainer = new AutoencoderTrainer(preset, device, model.seed);
                BatchFeeder feeder = new BatchFeeder(a.training(), b.training(), preset, trainer::randomFor)) {
            if (model.checkpointKey != null) {
                try (InputStream in = blobs.open(model.checkpointKey)) {
                    Checkpoint.read(trainer, in);
                }
            }
            long resumedAt = trainer.iteration();
            if (resumedAt > 0) {
                LOG.infof("Model %s: resumed at iteration %d from its checkpoint", model.id, resumedAt);
            }
            QuarkusTransaction.requiringNew().run(() -> {
                FaceModel m = models.findById(model.id);
                LossPoint.delete("modelId = ?1 and iteration > ?2", model.id, resumedAt);
                m.status = FaceModel.Status.TRAINING;
                m.device = deviceName;
                m.iterations = resumedAt;
                m.message = resumedAt > 0 ? "Training on " + deviceName + ", resumed at iteration " + resumedAt
                        : "Training on " + deviceName;
            });
            return train(context, model, preset, trainer, feeder, a, b);
        } catch (JobStoppedException | JobFailedException e) {
            throw e;
        } catch (Exception e) {
            fail(model.id, "Training failed: " + e.getMessage() + " (it resumes from its last checkpoint if retried)");
            throw e;
        }
    }

    private String train(JobContext context, FaceModel model, Preset preset, AutoencoderTrainer trainer,
            BatchFeeder feeder, FaceData a, FaceData b) throws Exception {
        StopRules rules = new StopRules(model.targetLoss, model.maxIterations, model.maxMinutes,
                model.plateauIterations, model.plateauPercent);
        double seconds = model.trainingSeconds;
        long lastCheckpoint = System.nanoTime();
        List<LossPoint> pending = new ArrayList<>();
        while (true) {
            if (context.stopRequested()) {
                recorder.saveCheckpoint(model.id, trainer, seconds, pending);
                stopped(model.id, context);
                context.checkpoint(); // throws: the job ends as cancelled or goes back to the queue
            }
            long iteration = trainer.iteration() + 1;
            long started = System.nanoTime();
            BatchFeeder.Batches batches = feeder.take(iteration);
            AutoencoderTrainer.Losses losses = trainer.step(batches);
            double stepSeconds = (System.nanoTime() - started) / 1e9;
            seconds += stepSeconds;
            double mean = (losses.lossA() + losses.lossB()) / 2.0;
            if (!losses.skipped()) {
                if (iteration % settings.lossEvery() == 0) {
                    LossPoint point = new LossPoint();
                    point.ownerId = model.ownerId;
                    point.modelId = model.id;
                    point.iteration = iteration;
                    point.lossA = losses.lossA();
                    point.lossB = losses.lossB();
                    pending.add(point);
                    recorder.recordLosses(model, context, pending, seconds, rules.smoothed());
                }
            }
            if (iteration % settings.previewEvery() == 0) {
                savePreview(model, context, trainer, a, b, iteration);
            }
            boolean due = iteration % settings.checkpointEvery() == 0
                    || System.nanoTime() - lastCheckpoint > settings.checkpointInterval().toNanos();
            if (due) {
                recorder.saveCheckpoint(model.id, trainer, seconds, pending);
                lastCheckpoint = System.nanoTime();
            }
            Optional<String> stop = rules.observe(iteration, losses.skipped() ? Double.NaN : mean, seconds);
            if (stop.isPresent()) {
                recorder.saveCheckpoint(model.id, trainer, seconds, pending);
                savePreview(model, context, trainer, a, b, iteration);
                complete(model.id, stop.get());
                return model.id.toString();
            }
            report(context, model, rules, iteration, stepSeconds, mean);
        }
    }

    private void report(JobContext context, FaceModel model, StopRules rules, long iteration, double stepSeconds,
            double mean) {
        double fraction = model.maxIterations != null ? iteration / (double) model.maxIterations : 0;
        String message = String.format(Locale.ROOT, "Iteration %d, loss %.4f (%.1f it/s)", iteration,
                rules.smoothed(), 1 / Math.max(1e-6, stepSeconds));
        Optional<Long> eta = rules.secondsToTarget(stepSeconds);
        if (eta.isPresent()) {
            message += ", target in about " + eta.get() / 60 + " min";
        }
        context.progress(Math.min(0.99, fraction), message);
    }

    private void savePreview(FaceModel model, JobContext context, AutoencoderTrainer trainer, FaceData a, FaceData b,
            long iteration) throws Exception {
        List<org.bytedeco.opencv.opencv_core.Mat[]> showA = shown(a);
        List<org.bytedeco.opencv.opencv_core.Mat[]> showB = shown(b);
        byte[] png = PreviewGrid.png(trainer.network(), trainer.manager(), showA, showB, trainer.preset().inputSize());
        String key = blobs.put(png);
        QuarkusTransaction.requiringNew().run(() -> {
            FaceModel m = models.findById(model.id);
            if (m == null) {
                blobDeletions.afterCommit(key);
                return;
            }
            blobDeletions.afterCommit(m.previewKey);
            m.previewKey = key;
            m.previewIteration = iteration;
            events.publish(model.ownerId, context.jobId(), "preview", Map.of("modelId", model.id, "iteration", iteration));
        });
    }

    /** Held-out faces (never trained on) where there are enough for the grid, topped up with training faces. */
    private static List<org.bytedeco.opencv.opencv_core.Mat[]> shown(FaceData data) {
        if (data.heldOut().size() >= PreviewGrid.FACES) {
            return data.heldOut();
        }
        List<org.bytedeco.opencv.opencv_core.Mat[]> faces = new ArrayList<>(data.heldOut());
        faces.addAll(data.training());
        return faces.subList(0, Math.min(faces.size(), PreviewGrid.FACES));
    }

    private void stopped(java.util.UUID modelId, JobContext context) {
        JobStoppedException.Reason reason = stopReason(context);
        QuarkusTransaction.requiringNew().run(() -> {
            FaceModel m = models.findById(modelId);
            if (m != null) {
                m.status = reason == JobStoppedException.Reason.CANCELLED ? FaceModel.Status.STOPPED
                        : FaceModel.Status.QUEUED;
                m.message = switch (reason) {
                    case CANCELLED -> "Stopped at iteration " + m.checkpointIteration + "; resume to continue";
                    case YIELDED -> JobQueue.PAUSED + "; resumes at iteration " + m.checkpointIteration;
                    case RELEASED -> "Waiting for a worker; resumes at iteration " + m.checkpointIteration;
                };
            }
        });
    }

    private static JobStoppedException.Reason stopReason(JobContext context) {
        try {
            context.checkpoint();
            return JobStoppedException.Reason.RELEASED;
        } catch (JobStoppedException e) {
            return e.reason();
        }
    }

    private void complete(java.util.UUID modelId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            FaceModel m = models.findById(modelId);
            if (m != null) {
                m.status = FaceModel.Status.COMPLETED;
                m.message = reason;
            }
        });
    }

    private void fail(java.util.UUID modelId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            FaceModel m = models.findById(modelId);
            if (m != null) {
                m.status = FaceModel.Status.FAILED;
                m.message = reason;
            }
        });
    }
}
