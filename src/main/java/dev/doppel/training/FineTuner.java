package dev.doppel.training;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

import dev.doppel.faces.Face;
import dev.doppel.faces.FaceRepository;
import dev.doppel.jobs.JobContext;
import dev.doppel.storage.BlobStore;

/**
 * A few more iterations of a trained model with one side's faces replaced by those of a new video of the same
 * person: the decoder learns that clip's light and angles before it is swapped. The model keeps the result
 * (its iteration count and loss curve simply continue), so the next swap of similar footage benefits too.
 */
@ApplicationScoped
public class FineTuner {

    @Inject
    FaceRepository faces;

    @Inject
    BlobStore blobs;

    @Inject
    ModelRecorder recorder;

    @Inject
    TrainerSettings settings;

    /**
     * Trains {@code trainer}, already at the model's checkpoint, {@code iterations} more times; {@code newFaces}
     * take the place of side A ({@code newSideIsA}) or B. Saves a checkpoint at the end, or first when stopped.
     */
    public void run(JobContext context, FaceModel model, AutoencoderTrainer trainer, List<Face> newFaces,
            boolean newSideIsA, int iterations, DoubleConsumer progress) throws Exception {
        List<Face> other = QuarkusTransaction.requiringNew().call(() -> faces.inSet(model.ownerId,
                newSideIsA ? model.faceSetB : model.faceSetA, Sort.by("frameIndex")));
        if (other.size() < 2) {
            throw new dev.doppel.jobs.JobFailedException(
                    "The model's other face set has too few faces left to fine-tune with.");
        }
        Preset preset = trainer.preset();
        int size = preset.inputSize();
        try (FaceData fresh = FaceData.load(newFaces, blobs, size, 0);
                FaceData kept = FaceData.load(other, blobs, size, 0);
                BatchFeeder feeder = new BatchFeeder(newSideIsA ? fresh.training() : kept.training(),
                        newSideIsA ? kept.training() : fresh.training(), preset, trainer::randomFor)) {
            List<LossPoint> pending = new ArrayList<>();
            double seconds = model.trainingSeconds;
            long first = trainer.iteration() + 1;
            long last = trainer.iteration() + iterations;
            for (long iteration = first; iteration <= last; iteration++) {
                if (context.stopRequested()) {
                    recorder.saveCheckpoint(model.id, trainer, seconds, pending);
                    context.checkpoint();
                }
                long started = System.nanoTime();
                AutoencoderTrainer.Losses losses = trainer.step(feeder.take(iteration));
                seconds += (System.nanoTime() - started) / 1e9;
                if (!losses.skipped() && iteration % settings.lossEvery() == 0) {
                    LossPoint point = new LossPoint();
                    point.ownerId = model.ownerId;
                    point.modelId = model.id;
                    point.iteration = iteration;
                    point.lossA = losses.lossA();
                    point.lossB = losses.lossB();
                    pending.add(point);
                    recorder.recordLosses(model, context, pending, seconds, (losses.lossA() + losses.lossB()) / 2.0);
                }
                progress.accept((iteration - first + 1) / (double) iterations);
            }
            recorder.saveCheckpoint(model.id, trainer, seconds, pending);
        }
    }
}
