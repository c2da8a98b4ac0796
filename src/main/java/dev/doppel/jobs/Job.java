package dev.doppel.jobs;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import dev.doppel.account.OwnedEntity;

/**
 * A unit of heavy work (thumbnail, extraction, training, swap) queued in the database. A worker holds it under a
 * lease it renews by heartbeat; a lease that runs out makes the job claimable again, so a dead worker loses
 * nothing but time.
 */
@Entity
@Table(name = "jobs")
public class Job extends OwnedEntity {

    @Column(nullable = false, length = 40)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public JobStatus status;

    /** What the job works on (a video, a face set, a model), if anything. */
    @Column(name = "subject_id")
    public UUID subjectId;

    /** Small JSON settings for the handler. */
    @Column(length = 4000)
    public String payload;

    @Column(nullable = false)
    public double progress;

    @Column(length = 500)
    public String message;

    @Column(name = "eta_seconds")
    public Long etaSeconds;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;

    @Column(name = "lease_holder", length = 120)
    public String leaseHolder;

    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    /** Not claimable before this moment (retry back-off). */
    @Column(name = "not_before", nullable = false)
    public Instant notBefore;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "result_ref", length = 200)
    public String resultRef;

    @Column(length = 2000)
    public String error;

    /** Whose slots run it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public JobLane lane;

    /** Short work a person waits for; it goes before batch work in its lane. */
    @Column(nullable = false)
    public boolean interactive;

    /** What the job works on, by name, as it was when queued or last renamed. */
    @Column(name = "subject_name", length = 255)
    public String subjectName;
}
