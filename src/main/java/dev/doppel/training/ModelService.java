package dev.doppel.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.doppel.faces.FaceSet;
import dev.doppel.faces.FaceSetRepository;
import dev.doppel.jobs.Job;
import dev.doppel.jobs.JobRepository;
import dev.doppel.jobs.JobService;
import dev.doppel.limits.ActiveJobCap;
import dev.doppel.limits.LimitedAction;
import dev.doppel.media.VideoName;
import dev.doppel.storage.BlobDeletions;
import dev.doppel.storage.BlobStore;
import dev.doppel.web.Problem;
import dev.doppel.web.ProblemException;

/** The model library: create (and start training), stop, resume, delete. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ModelService {

    static final int DEFAULT_PLATEAU_ITERATIONS = 5000;
    static final double DEFAULT_PLATEAU_PERCENT = 1.0;
    private static final SecureRandom SEEDS = new SecureRandom();

    @Inject
    FaceModelRepository models;

    @Inject
    FaceSetRepository faceSets;

    @Inject
    Presets presets;

    @Inject
    JobService jobs;

    @Inject
    JobRepository jobRepository;

    @Inject
    ActiveJobCap cap;

    @Inject
    BlobStore blobs;

    @Inject
    BlobDeletions blobDeletions;

    /** Training limits a user may set; null keeps the default (no target, no limit, plateau 5000 / 1 %). */
    public record Limits(Double targetLoss, Long maxIterations, Integer maxMinutes, Integer plateauIterations,
            Double plateauPercent) {
    }

    public FaceModel create(UUID ownerId, String name, UUID faceSetA, UUID faceSetB, String preset, Limits limits) {
        return create(ownerId, name, faceSetA, faceSetB, preset, limits, null);
    }

    /**
     * {@code startFrom}: an earlier model of the owner's (same preset, with a checkpoint) whose encoder and
     * decoders the new one starts from; another account's is as unknown as a missing one (404).
     */
    public FaceModel create(UUID ownerId, String name, UUID faceSetA, UUID faceSetB, String preset, Limits limits,
            UUID startFrom) {
        if (faceSetA == null) {
            throw ProblemException.invalid("faceSetA", "Choose the face set of person A.");
        }
        if (faceSetB == null) {
            throw ProblemException.invalid("faceSetB", "Choose the face set of person B.");
        }
        FaceSet a = faceSets.requireOwned(ownerId, faceSetA);
        FaceSet b = faceSets.requireOwned(ownerId, faceSetB);
        if (a.id.equals(b.id)) {
            throw ProblemException.invalid("faceSetB", "Person B needs a face set of their own.");
        }
        for (FaceSet s : List.of(a, b)) {
            if (s.status != FaceSet.Status.READY || s.faceCount < 2) {
                throw ProblemException.invalid(s == a ? "faceSetA" : "faceSetB", "\"" + s.name
                        + "\" has no faces to train on yet" + (s.status == FaceSet.Status.EXTRACTING
                                ? " (it is still being extracted)." : "."));
            }
        }
        Preset values = presets.get(preset);
        FaceModel source = startFrom == null ? null : warmStartSource(ownerId, startFrom, preset, values);
        FaceModel model = new FaceModel();
        model.ownerId = ownerId;
        model.name = name == null || name.isBlank() ? a.name + " ⇄ " + b.name : VideoName.requiredLabel(name);
        if (model.name.length() > 255) {
            model.name = model.name.substring(0, 255);
        }
        model.preset = preset;
        model.presetValues = values.toJson();
        model.faceSetA = a.id;
        model.faceSetB = b.id;
        model.seed = SEEDS.nextLong();
        model.createdAt = Instant.now();
        apply(model, limits);
        model.status = FaceModel.Status.QUEUED;
        cap.checkRoom(ownerId, LimitedAction.TRAIN);
        if (source != null) {
            model.warmStartFrom = source.id;
            model.warmStartName = source.name;
            model.warmStartIteration = source.checkpointIteration;
            model.warmStartKey = copy(source.checkpointKey);
        }
        models.persist(model);
        start(model);
        return model;
    }

    private FaceModel warmStartSource(UUID ownerId, UUID id, String preset, Preset values) {
        FaceModel source = models.requireOwned(ownerId, id);
        if (!source.preset.equals(preset)) {
            throw ProblemException.invalid("startFrom", "\"" + source.name + "\" was trained with the " + source.preset
                    + " preset; a model can only start from one of the same preset (" + preset + ").");
        }
        // A preset's file can change shape (lite did in issue 16; an operator may override one): its weights
        // would then not fit, and the new model would fail only once its training started.
        if (!fitsToday(source, values)) {
            throw ProblemException.invalid("startFrom", "\"" + source.name + "\" was trained with an earlier version of "
                    + "the " + preset + " preset, whose network is shaped differently; it cannot be a start for a new "
                    + "model.");
        }
        if (source.checkpointKey == null) {
            throw ProblemException.invalid("startFrom", "\"" + source.name + "\" has no checkpoint to start from yet.");
        }
        return source;
    }

    /**
     * Whether new models can start from each model, as the library shows it: it has a checkpoint, and its network
     * is shaped as its preset's is today (each preset read once per predicate).
     */
    public Predicate<FaceModel> startable() {
        List<String> names = presets.names();
        Map<String, Preset> today = new HashMap<>();
        return model -> {
            if (model.checkpointKey == null || !names.contains(model.preset)) {
                return false;
            }
            return fitsToday(model, today.computeIfAbsent(model.preset, presets::get));
        };
    }

    private boolean fitsToday(FaceModel model, Preset today) {
        return presets.of(model).sameNetwork(today);
    }

    /** A copy of a checkpoint, so the new model keeps its start whatever becomes of the old one. */
    private String copy(String key) {
        try (InputStream in = blobs.open(key)) {
            String copied = blobs.put(in);
            // Rolled back: the copy goes too.
            blobDeletions.onRollback(copied);
            return copied;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the checkpoint to start from", e);
        }
    }

    public FaceModel stop(UUID ownerId, UUID id) {
        FaceModel model = models.requireOwned(ownerId, id);
        Job job = model.jobId == null ? null : jobRepository.findById(model.jobId);
        if (job == null || job.status.isFinal()) {
            throw new ProblemException(Problem.of(409, "This model is not training."));
        }
        jobs.cancel(ownerId, job.id);
        model.message = "Stopping: saving a checkpoint";
        return model;
    }

    public FaceModel resume(UUID ownerId, UUID id, Limits limits) {
        FaceModel model = models.requireOwned(ownerId, id);
        Job job = model.jobId == null ? null : jobRepository.findById(model.jobId);
        if (job != null && !job.status.isFinal()) {
            throw new ProblemException(Problem.of(409, "This model is already training."));
        }
        if (limits != null) {
            apply(model, limits);
        }
        cap.checkRoom(ownerId, LimitedAction.TRAIN);
        start(model);
        return model;
    }

    public void delete(UUID ownerId, UUID id) {
        FaceModel model = models.requireOwned(ownerId, id);
        Job job = model.jobId == null ? null : jobRepository.findById(model.jobId);
        if (job != null && !job.status.isFinal()) {
            jobs.cancel(ownerId, job.id);
        }
        models.deleteWithState(model);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FaceModel> list(UUID ownerId) {
        return models.newestFirst(ownerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FaceModel get(UUID ownerId, UUID id) {
        return models.requireOwned(ownerId, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LossPoint> losses(UUID ownerId, UUID id) {
        return models.losses(models.requireOwned(ownerId, id).id);
    }

    private void start(FaceModel model) {
        model.status = FaceModel.Status.QUEUED;
        model.message = "Waiting for a worker";
        model.jobId = jobs.submit(model.ownerId, TrainJobHandler.TYPE, model.id, model.name, null).id;
    }

    private static void apply(FaceModel model, Limits limits) {
        Limits l = limits == null ? new Limits(null, null, null, null, null) : limits;
        if (l.targetLoss() != null && (l.targetLoss() <= 0 || l.targetLoss() >= 1)) {
            throw ProblemException.invalid("targetLoss", "The target loss must be between 0 and 1.");
        }
        if (l.maxIterations() != null && l.maxIterations() < 1) {
            throw ProblemException.invalid("maxIterations", "The iteration limit must be at least 1.");
        }
        if (l.maxMinutes() != null && l.maxMinutes() < 1) {
            throw ProblemException.invalid("maxMinutes", "The time limit must be at least one minute.");
        }
        if (l.plateauIterations() != null && l.plateauIterations() < 0) {
            throw ProblemException.invalid("plateauIterations", "The plateau window cannot be negative.");
        }
        model.targetLoss = l.targetLoss();
        model.maxIterations = l.maxIterations();
        model.maxMinutes = l.maxMinutes();
        model.plateauIterations = l.plateauIterations() != null ? l.plateauIterations() : DEFAULT_PLATEAU_ITERATIONS;
        model.plateauPercent = l.plateauPercent() != null ? l.plateauPercent() : DEFAULT_PLATEAU_PERCENT;
    }
}
