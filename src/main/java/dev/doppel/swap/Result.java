package dev.doppel.swap;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.doppel.account.OwnedEntity;
import dev.doppel.faces.pipeline.FaceSelection;

/**
 * A swapped video: what it was made from and with which options, the file once it exists, and its quality
 * report. The model's and video's names are copied so the result still reads well after they are deleted.
 */
@Entity
@Table(name = "results")
public class Result extends OwnedEntity {

    @Schema(name = "ResultStatus")
    public enum Status {
        QUEUED, FINE_TUNING, SWAPPING, READY, FAILED
    }

    @Column(nullable = false, length = 255)
    public String name;

    @Column(name = "model_id", nullable = false)
    public UUID modelId;

    @Column(name = "model_name", nullable = false, length = 255)
    public String modelName;

    @Column(name = "video_id", nullable = false)
    public UUID videoId;

    @Column(name = "video_name", nullable = false, length = 255)
    public String videoName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public SwapDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(length = 500)
    public String message;

    /** A colour mode's name (ColourMatchers). */
    @Column(nullable = false, length = 16)
    public String colour;

    /** A blend method's name (BlendMethods). */
    @Column(nullable = false, length = 12)
    public String blend;

    @Column(name = "mask_erode", nullable = false)
    public int maskErode;

    @Column(name = "mask_feather", nullable = false)
    public int maskFeather;

    @Column(name = "visible_label", nullable = false)
    public boolean visibleLabel;

    @Column(name = "fine_tune_iterations", nullable = false)
    public int fineTuneIterations;

    /** Whose faces are swapped (FaceSelection). */
    @Enumerated(EnumType.STRING)
    @Column(name = "faces_to_swap", nullable = false, length = 12)
    public FaceSelection facesToSwap = FaceSelection.DEFAULT;

    @Column(name = "blob_key", length = 36)
    public String blobKey;

    @Column(name = "thumbnail_key", length = 36)
    public String thumbnailKey;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(nullable = false)
    public double fps;

    @Column(name = "frame_count", nullable = false)
    public long frameCount;

    @Column(name = "frames_with_faces", nullable = false)
    public long framesWithFaces;

    @Column(name = "duration_seconds", nullable = false)
    public double durationSeconds;

    @Column(name = "has_audio", nullable = false)
    public boolean hasAudio;

    /** The quality report as JSON, once the swap is done. */
    @Column(length = 4000)
    public String report;

    @Column(name = "job_id")
    public UUID jobId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    public SwapOptions options() {
        return new SwapOptions(colour, blend, maskErode, maskFeather, visibleLabel, fineTuneIterations, facesToSwap);
    }

    void apply(SwapOptions o) {
        colour = o.colour();
        blend = o.blend();
        maskErode = o.maskErode();
        maskFeather = o.maskFeather();
        visibleLabel = o.label();
        fineTuneIterations = o.fineTuneIterations();
        facesToSwap = o.faces();
    }
}
