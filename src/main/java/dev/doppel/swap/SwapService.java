package dev.doppel.swap;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.doppel.faces.FaceSetRepository;
import dev.doppel.faces.FaceSetService;
import dev.doppel.jobs.Job;
import dev.doppel.jobs.JobRepository;
import dev.doppel.jobs.JobService;
import dev.doppel.limits.ActiveJobCap;
import dev.doppel.limits.LimitedAction;
import dev.doppel.media.Video;
import dev.doppel.media.VideoRepository;
import dev.doppel.training.FaceModel;
import dev.doppel.training.FaceModelRepository;
import dev.doppel.web.Problem;
import dev.doppel.web.ProblemException;

/** Swaps and their results: start one (quick, or fine-tuned first), list, look at, delete. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SwapService {

    @Inject
    ResultRepository results;

    @Inject
    FaceModelRepository models;

    @Inject
    VideoRepository videos;

    @Inject
    FaceSetRepository faceSets;

    @Inject
    FaceSetService faceSetService;

    @Inject
    JobService jobs;

    @Inject
    JobRepository jobRepository;

    @Inject
    ActiveJobCap cap;

    public Result create(UUID ownerId, UUID modelId, UUID videoId, String direction, SwapOptions.Request request) {
        if (modelId == null) {
            throw ProblemException.invalid("model", "Choose the model to swap with.");
        }
        if (videoId == null) {
            throw ProblemException.invalid("video", "Choose the video to swap faces in.");
        }
        SwapDirection dir = direction(direction);
        SwapOptions options = (request == null ? new SwapOptions.Request(null, null, null, null, null, null, null)
                : request).resolve();
        FaceModel model = models.requireOwned(ownerId, modelId);
        Video video = videos.requireOwned(ownerId, videoId);
        if (model.checkpointKey == null) {
            throw ProblemException.conflict("model", "\"" + model.name
                    + "\" has no checkpoint yet: let it train until the first one is saved.");
        }
        // Before anything is stored: the swap and the extraction a fine-tune may need count as one request.
        cap.checkRoom(ownerId, LimitedAction.SWAP);
        if (options.fineTuneIterations() > 0) {
            if (isTraining(model)) {
                throw ProblemException.conflict("options.fineTuneIterations",
                        "\"" + model.name + "\" is training: stop it before fine-tuning, or swap without fine-tuning.");
            }
            // Fine-tuning trains on this video's faces: make sure they are (being) extracted.
            faceSetService.forVideo(video);
        }
        Result result = new Result();
        result.ownerId = ownerId;
        result.modelId = model.id;
        result.modelName = model.name;
        result.videoId = video.id;
        result.videoName = video.name;
        result.direction = dir;
        result.name = name(video, model, dir);
        // What the swap will write, as far as the source tells, so the result page is right while it runs; the job
        // replaces these with what it actually wrote.
        result.hasAudio = video.hasAudio;
        result.width = video.width;
        result.height = video.height;
        result.fps = video.fps;
        result.frameCount = video.frameCount;
        result.durationSeconds = video.durationSeconds;
        result.apply(options);
        result.status = Result.Status.QUEUED;
        result.message = "Waiting for a worker";
        result.createdAt = Instant.now();
        results.persist(result);
        result.jobId = jobs.submit(ownerId, SwapJobHandler.TYPE, result.id, result.name, null).id;
        return result;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Result> list(UUID ownerId) {
        return results.newestFirst(ownerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Result get(UUID ownerId, UUID id) {
        return results.requireOwned(ownerId, id);
    }

    public void delete(UUID ownerId, UUID id) {
        Result result = results.requireOwned(ownerId, id);
        Job job = result.jobId == null ? null : jobRepository.findById(result.jobId);
        if (job != null && !job.status.isFinal()) {
            jobs.cancel(ownerId, job.id);
        }
        results.deleteWithFiles(result);
    }

    private boolean isTraining(FaceModel model) {
        Job job = model.jobId == null ? null : jobRepository.findById(model.jobId);
        return job != null && !job.status.isFinal();
    }

    private String name(Video video, FaceModel model, SwapDirection dir) {
        UUID targetSet = dir == SwapDirection.A_TO_B ? model.faceSetB : model.faceSetA;
        String person = faceSets.findOwned(model.ownerId, targetSet).map(s -> s.name).orElse("person " + dir.target());
        String base = video.name.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        String name = base + " as " + person;
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static SwapDirection direction(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("direction", "Choose a direction: A_TO_B or B_TO_A.");
        }
        try {
            return SwapDirection.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("direction", "\"" + value + "\" is not a direction: use A_TO_B or B_TO_A.");
        }
    }

    /** For the job: a 409 that the UI shows when the report is asked for too early. */
    static ProblemException notReady(Result result) {
        return new ProblemException(Problem.of(409, result.status == Result.Status.FAILED
                ? "This swap failed, so it has no video or report: " + result.message
                : "This swap is not finished yet; its video and report appear when it is."));
    }
}
