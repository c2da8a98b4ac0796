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
 * One stretch of a job on a worker, from its claim to its end or hand-back. Their lengths are what an account
 * has used of a lane: the fair scheduler reads them over a sliding window, the GPU budget over the day.
 */
@Entity
@Table(name = "job_runs")
public class JobRun extends OwnedEntity {

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public JobLane lane;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    /** Null while the job runs. */
    @Column(name = "ended_at")
    public Instant endedAt;
}
