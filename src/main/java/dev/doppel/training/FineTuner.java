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
import dev.doppel.training.loop.Checkpointing;
import dev.doppel.training.loop.IterationLimit;
import dev.doppel.training.loop.LossRecording;
import dev.doppel.training.loop.TrainingLoop;

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
            // The same loop as TRAIN: losses continue the model's curve, a checkpoint when it ends or is stopped.
            new TrainingLoop(model, context, trainer, feeder, model.trainingSeconds)
                    .with(state -> new LossRecording(state, recorder, settings.lossEvery(),
                            () -> (state.losses().lossA() + state.losses().lossB()) / 2.0))
                    .with(state -> new Checkpointing(state, recorder, 0, null))
                    .with(state -> new IterationLimit(state, iterations, progress))
                    .run();
        }
    }
}
