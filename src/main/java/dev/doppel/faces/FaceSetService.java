package dev.doppel.faces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import io.quarkus.panache.common.Sort;

import dev.doppel.faces.mask.MaskPlugins;
import dev.doppel.jobs.Job;
import dev.doppel.jobs.JobService;
import dev.doppel.limits.ActiveJobCap;
import dev.doppel.limits.LimitedAction;
import dev.doppel.media.VideoName;
import dev.doppel.media.VideoUploaded;
import dev.doppel.storage.BlobStore;
import dev.doppel.web.ProblemException;

/** Face sets: made for every upload, extracted again with other settings, merged, reviewed, deleted. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class FaceSetService {

    @Inject
    FaceSetRepository faceSets;

    @Inject
    FaceRepository faces;

    @Inject
    JobService jobs;

    @Inject
    FacesConfig config;

    @Inject
    FaceLocators locators;

    @Inject
    MaskPlugins masks;

    @Inject
    BlobStore blobs;

    @Inject
    ActiveJobCap cap;

    /** Every upload gets a face set and an EXTRACT job with the default settings, in the upload's transaction. */
    void onUpload(@Observes VideoUploaded event) {
        extract(event.video());
    }

    /**
     * The face set extracted from {@code video} — the newest if it was extracted more than once — or a new one
     * with its EXTRACT job queued when there is none (its face set was deleted).
     */
    public FaceSet forVideo(dev.doppel.media.Video video) {
        return faceSets.find("ownerId = ?1 and videoId = ?2", io.quarkus.panache.common.Sort.descending("createdAt"),
                video.ownerId, video.id).firstResultOptional().orElseGet(() -> extract(video));
    }

    private FaceSet extract(dev.doppel.media.Video video) {
        FaceSet set = new FaceSet();
        set.ownerId = video.ownerId;
        set.videoId = video.id;
        set.name = baseName(video.name);
        set.createdAt = Instant.now();
        apply(set, new ExtractionSettings(null, null, null, null, null).withDefaults(config, locators.defaultDetector(),
                masks.defaultMask()));
        set.status = FaceSet.Status.EXTRACTING;
        set.message = "Waiting for a worker";
        faceSets.persist(set);
        jobs.submit(set.ownerId, ExtractionJobHandler.TYPE, set.id, set.name, null);
        return set;
    }

    public Job extractAgain(UUID ownerId, UUID id, @Valid ExtractionSettings requested) {
        FaceSet set = faceSets.requireOwned(ownerId, id);
        if (set.videoId == null) {
            throw ProblemException.invalid("faceSet", "A merged face set has no video of its own to extract from.");
        }
        ExtractionSettings settings = (requested == null ? new ExtractionSettings(null, null, null, null, null)
                : requested).withDefaults(config, locators.defaultDetector(), masks.defaultMask());
        if (!locators.detectors().contains(settings.detector())) {
            throw ProblemException.invalid("detector", "Unknown detector \"" + settings.detector()
                    + "\"; available: " + String.join(", ", locators.detectors()) + ".");
        }
        if (!masks.names().contains(settings.mask())) {
            throw ProblemException.invalid("mask", "Unknown mask \"" + settings.mask() + "\"; available: "
                    + String.join(", ", masks.names()) + ".");
        }
        cap.checkRoom(ownerId, LimitedAction.EXTRACT);
        apply(set, settings);
        set.status = FaceSet.Status.EXTRACTING;
        set.message = "Waiting for a worker";
        return jobs.submit(ownerId, ExtractionJobHandler.TYPE, set.id, set.name, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FaceSet> list(UUID ownerId) {
        return faceSets.newestFirst(ownerId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FaceSet get(UUID ownerId, UUID id) {
        return faceSets.requireOwned(ownerId, id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Face> faces(UUID ownerId, UUID faceSetId, String sort) {
        faceSets.requireOwned(ownerId, faceSetId);
        Sort order = switch (sort == null ? "frame" : sort) {
            case "frame" -> Sort.by("frameIndex").and("boxX");
            case "blur" -> Sort.descending("blur");
            case "size" -> Sort.descending("size");
            case "score" -> Sort.by("faceScore", Sort.NullPrecedence.NULLS_LAST).and("frameIndex");
            default -> throw ProblemException.invalid("sort", "sort must be frame, blur, size or score.");
        };
        return faces.inSet(ownerId, faceSetId, order);
    }

    public FaceSet rename(UUID ownerId, UUID id, String name) {
        String clean = VideoName.requiredLabel(name);
        FaceSet set = faceSets.requireOwned(ownerId, id);
        set.name = clean;
        jobs.renameSubject(ownerId, id, clean);
        return set;
    }

    public void delete(UUID ownerId, UUID id) {
        FaceSet set = faceSets.requireOwned(ownerId, id);
        faces.deleteAllInSet(set.id);
        faceSets.delete(set);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Face face(UUID ownerId, UUID faceId) {
        return faces.requireOwned(ownerId, faceId);
    }

    /** Removes faces the owner marked as bad; ids of other users' faces count as not found. */
    public int deleteFaces(UUID ownerId, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.invalid("ids", "Choose at least one face to remove.");
        }
        List<Face> found = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            found.add(faces.requireOwned(ownerId, id));
        }
        Set<FaceSet> touched = new LinkedHashSet<>();
        for (Face face : found) {
            faces.deleteWithBlobs(face);
            FaceSet set = faceSets.findById(face.faceSetId);
            if (set != null) {
                set.faceCount = Math.max(0, set.faceCount - 1);
                touched.add(set);
            }
        }
        touched.forEach(set -> faces.recountChecks(set, config.verification().minScore()));
        return found.size();
    }

    /** A new face set holding copies of the faces of several sets of the same person. */
    public FaceSet merge(UUID ownerId, String name, List<UUID> sourceIds) {
        Set<UUID> unique = new LinkedHashSet<>(sourceIds == null ? List.of() : sourceIds);
        List<FaceSet> sources = new ArrayList<>();
        for (UUID id : unique) {
            // Ownership first: someone else's id is "not found" whatever else is wrong with the request.
            sources.add(faceSets.requireOwned(ownerId, id));
        }
        if (sources.size() < 2) {
            throw ProblemException.invalid("faceSets", "Choose at least two face sets to merge.");
        }
        for (FaceSet s : sources) {
            if (s.status != FaceSet.Status.READY) {
                throw ProblemException.invalid("faceSets", "\"" + s.name + "\" is still being extracted.");
            }
        }
        FaceSet merged = new FaceSet();
        merged.ownerId = ownerId;
        merged.name = name == null || VideoName.clean(name).isEmpty()
                ? "Merged: " + String.join(" + ", sources.stream().map(s -> s.name).toList())
                : VideoName.clean(name);
        if (merged.name.length() > 255) {
            merged.name = merged.name.substring(0, 255);
        }
        FaceSet first = sources.get(0);
        merged.detector = first.detector;
        merged.everyNthFrame = first.everyNthFrame;
        merged.minFaceSize = first.minFaceSize;
        merged.maxFacesPerFrame = first.maxFacesPerFrame;
        merged.landmarks = sources.stream().allMatch(s -> s.landmarks);
        merged.status = FaceSet.Status.READY;
        merged.createdAt = Instant.now();
        faceSets.persist(merged);
        List<String> copied = new ArrayList<>();
        try {
            for (FaceSet source : sources) {
                for (Face f : faces.inSet(ownerId, source.id, Sort.by("frameIndex"))) {
                    Face copy = copyOf(f, merged.id, copied);
                    faces.persist(copy);
                    merged.faceCount++;
                }
                merged.framesScanned += source.framesScanned;
                merged.framesWithFaces += source.framesWithFaces;
            }
        } catch (RuntimeException e) {
            copied.forEach(blobs::deleteQuietly);
            throw e;
        }
        faces.recountChecks(merged, config.verification().minScore());
        merged.message = merged.faceCount + " faces from " + sources.size() + " face sets";
        return merged;
    }

    private Face copyOf(Face f, UUID faceSetId, List<String> copied) {
        Face copy = new Face();
        copy.ownerId = f.ownerId;
        copy.faceSetId = faceSetId;
        copy.frameIndex = f.frameIndex;
        copy.boxX = f.boxX;
        copy.boxY = f.boxY;
        copy.boxWidth = f.boxWidth;
        copy.boxHeight = f.boxHeight;
        copy.landmarks = f.landmarks;
        copy.transform = f.transform;
        copy.blur = f.blur;
        copy.size = f.size;
        copy.faceScore = f.faceScore;
        copy.imageKey = copyBlob(f.imageKey, copied);
        copy.maskKey = copyBlob(f.maskKey, copied);
        copy.createdAt = Instant.now();
        return copy;
    }

    /** Each set owns its files, so deleting one set never takes another's faces with it. */
    private String copyBlob(String key, List<String> copied) {
        try (InputStream in = blobs.open(key)) {
            String copy = blobs.put(in);
            copied.add(copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void apply(FaceSet set, ExtractionSettings s) {
        set.everyNthFrame = s.everyNthFrame();
        set.minFaceSize = s.minFaceSize();
        set.maxFacesPerFrame = s.maxFacesPerFrame();
        set.detector = s.detector();
        set.mask = s.mask();
    }

    static String baseName(String videoName) {
        int dot = videoName.lastIndexOf('.');
        return dot > 0 ? videoName.substring(0, dot) : videoName;
    }
}
