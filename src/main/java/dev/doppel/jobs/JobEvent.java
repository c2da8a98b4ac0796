package dev.doppel.jobs;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A change worth telling the owner's browser about (a job's progress, later a loss point or a preview). Written
 * by whichever worker made the change, read by every web node, so a browser connected anywhere hears it.
 */
@Entity
@Table(name = "job_events")
public class JobEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Column(name = "job_id")
    public UUID jobId;

    @Column(nullable = false, length = 20)
    public String kind;

    /** The event's JSON, as sent to the browser. */
    @Column(nullable = false, length = 8000)
    public String data;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
