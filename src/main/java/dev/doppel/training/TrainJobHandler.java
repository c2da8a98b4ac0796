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
import dev.doppel.training.loop.Checkpointing;
import dev.doppel.training.loop.LossRecording;
import dev.doppel.training.loop.Previews;
import dev.doppel.training.loop.StepListener;
import dev.doppel.training.loop.StopRuleCheck;
import dev.doppel.training.loop.TrainingLoop;
import dev.doppel.training.loop.TrainingProgress;
import dev.doppel.training.loop.TrainingState;

/**
 * TRAIN: trains a model on its two face sets until a stop rule or the owner stops it, recording the loss,
 * previews and checkpoints as it goes (the {@link TrainingLoop} and its listeners). It always starts from the model's last checkpoint, so a stopped, handed
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
            } else if (model.warmStartKey != null) {
                // Weights only: the new pair's iterations, optimiser state and schedule start from zero.
                try (InputStream in = blobs.open(model.warmStartKey)) {
                    long at = Checkpoint.readWeights(trainer.network(), trainer.manager(), in);
                    LOG.infof("Model %s: starts from the weights of %s (iteration %d)", model.id,
                            model.warmStartFrom, at);
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

    /** The training loop with TRAIN's listeners; the order is the order they hear each step in. */
    private String train(JobContext context, FaceModel model, Preset preset, AutoencoderTrainer trainer,
            BatchFeeder feeder, FaceData a, FaceData b) throws Exception {
        StopRules rules = new StopRules(model.targetLoss, model.maxIterations, model.maxMinutes,
                model.plateauIterations, model.plateauPercent);
        String reason = new TrainingLoop(model, context, trainer, feeder, model.trainingSeconds)
                .with(state -> new LossRecording(state, recorder, settings.lossEvery(), rules::smoothed))
                .with(state -> new Previews(state, recorder, settings.previewEvery(), a, b))
                .with(state -> new Checkpointing(state, recorder, settings.checkpointEvery(),
                        settings.checkpointInterval()))
                .with(state -> new StopRuleCheck(state, rules))
                .with(state -> new TrainingProgress(state, rules))
                .with(ModelStatusOnStop::new)
                .run();
        complete(model.id, reason);
        return model.id.toString();
    }

    /** Asked to stop: the model says stopped or waiting, after the checkpoint that Checkpointing saved. */
    private final class ModelStatusOnStop extends StepListener {

        ModelStatusOnStop(TrainingState state) {
            super(state);
        }

        @Override
        protected void ended() {
            if (state.ending() == TrainingState.Ending.STOP_REQUESTED) {
                stopped(state.model().id, state.context());
            }
        }
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
