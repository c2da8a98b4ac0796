package dev.doppel.training;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.doppel.jobs.JobContext;
import dev.doppel.jobs.JobEvents;
import dev.doppel.storage.BlobDeletions;
import dev.doppel.storage.BlobStore;

/**
 * Writes a model's training progress where the library and the browser see it: loss points (stored and sent
 * live) and checkpoints. Training and fine-tuning before a swap both go through here, so a fine-tuned model's
 * curve simply continues.
 */
@ApplicationScoped
public class ModelRecorder {

    @Inject
    FaceModelRepository models;

    @Inject
    BlobStore blobs;

    @Inject
    BlobDeletions blobDeletions;

    @Inject
    JobEvents events;

    public void recordLosses(FaceModel model, JobContext context, List<LossPoint> pending, double seconds,
            double smoothed) {
        if (pending.isEmpty()) {
            return;
        }
        List<LossPoint> batch = new ArrayList<>(pending);
        pending.clear();
        QuarkusTransaction.requiringNew().run(() -> {
            FaceModel m = models.findById(model.id);
            if (m == null) {
                return;
            }
            for (LossPoint p : batch) {
                p.persist();
                Map<String, Object> event = new java.util.LinkedHashMap<>(Map.of("modelId", model.id, "iteration",
                        p.iteration, "lossA", p.lossA, "lossB", p.lossB));
                if (Double.isFinite(smoothed)) {
                    event.put("smoothed", smoothed);
                }
                events.publish(model.ownerId, context.jobId(), "loss", event);
            }
            LossPoint last = batch.get(batch.size() - 1);
            m.iterations = last.iteration;
            m.lossA = last.lossA;
            m.lossB = last.lossB;
            m.trainingSeconds = seconds;
            if (Double.isFinite(smoothed)) {
                m.smoothedLoss = smoothed;
                if (m.bestLoss == null || smoothed < m.bestLoss) {
                    m.bestLoss = smoothed;
                }
            }
        });
    }

    public void saveCheckpoint(java.util.UUID modelId, AutoencoderTrainer trainer, double seconds,
            List<LossPoint> pending) throws Exception {
        byte[] bytes = Checkpoint.toBytes(trainer);
        String key = blobs.put(new ByteArrayInputStream(bytes));
        long iteration = trainer.iteration();
        QuarkusTransaction.requiringNew().run(() -> {
            FaceModel m = models.findById(modelId);
            if (m == null) {
                blobDeletions.afterCommit(key);
                return;
            }
            pending.forEach(p -> p.persist());
            blobDeletions.afterCommit(m.checkpointKey);
            m.checkpointKey = key;
            m.checkpointIteration = iteration;
            m.iterations = iteration;
            m.trainingSeconds = seconds;
        });
        pending.clear();
    }

    /** Draws and stores a preview grid of the model now, and tells the owner's browser. */
    public void savePreview(FaceModel model, JobContext context, AutoencoderTrainer trainer, FaceData a, FaceData b,
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
}
