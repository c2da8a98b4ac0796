package dev.doppel.training;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.doppel.account.OwnedEntity;

/** A model in the owner's library: what it is trained on, how far it got, and where its state is kept. */
@Entity
@Table(name = "face_models")
public class FaceModel extends OwnedEntity {

    @Schema(name = "ModelStatus")
    public enum Status {
        QUEUED, TRAINING, STOPPED, COMPLETED, FAILED
    }

    @Column(nullable = false, length = 255)
    public String name;

    @Column(nullable = false, length = 40)
    public String preset;

    /** The preset's values when the model was made, as JSON (see Presets.of). */
    @Column(name = "preset_values", length = 2000)
    public String presetValues;

    @Column(name = "face_set_a", nullable = false)
    public UUID faceSetA;

    @Column(name = "face_set_b", nullable = false)
    public UUID faceSetB;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(length = 500)
    public String message;

    @Column(length = 40)
    public String device;

    @Column(nullable = false)
    public long seed;

    @Column(nullable = false)
    public long iterations;

    @Column(name = "loss_a")
    public Double lossA;

    @Column(name = "loss_b")
    public Double lossB;

    /** The lowest {@link #smoothedLoss} so far. */
    @Column(name = "best_loss")
    public Double bestLoss;

    /** The mean of A and B, smoothed over recent iterations, as training last reported it. */
    @Column(name = "smoothed_loss")
    public Double smoothedLoss;

    @Column(name = "training_seconds", nullable = false)
    public double trainingSeconds;

    @Column(name = "checkpoint_key", length = 36)
    public String checkpointKey;

    @Column(name = "checkpoint_iteration")
    public Long checkpointIteration;

    @Column(name = "preview_key", length = 36)
    public String previewKey;

    /** The earlier model of the owner's whose weights this one started from; null when it started afresh. */
    @Column(name = "warm_start_from")
    public UUID warmStartFrom;

    /** That model's name and iteration when this one was created (it may be renamed, trained on or deleted since). */
    @Column(name = "warm_start_name", length = 255)
    public String warmStartName;

    @Column(name = "warm_start_iteration")
    public Long warmStartIteration;

    /** A copy of that model's checkpoint, read (weights only) before this one's first iteration. */
    @Column(name = "warm_start_key", length = 36)
    public String warmStartKey;

    @Column(name = "preview_iteration")
    public Long previewIteration;

    /** Stop when the smoothed loss (mean of A and B) falls to this. */
    @Column(name = "target_loss")
    public Double targetLoss;

    @Column(name = "max_iterations")
    public Long maxIterations;

    @Column(name = "max_minutes")
    public Integer maxMinutes;

    /** Stop when the smoothed loss has not improved by plateauPercent over this many iterations. */
    @Column(name = "plateau_iterations", nullable = false)
    public int plateauIterations;

    @Column(name = "plateau_percent", nullable = false)
    public double plateauPercent;

    @Column(name = "job_id")
    public UUID jobId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
