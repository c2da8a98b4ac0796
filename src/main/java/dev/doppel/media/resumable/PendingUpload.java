package dev.doppel.media.resumable;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.doppel.account.OwnedEntity;

/** A resumable upload still receiving bytes: how long the file will be and how much of it has arrived. */
@Entity
@Table(name = "pending_uploads")
public class PendingUpload extends OwnedEntity {

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    @Column(nullable = false)
    public long length;

    @Column(nullable = false)
    public long received;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Moves forward with every byte received; past it, the upload and its bytes are removed. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
