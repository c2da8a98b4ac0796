package dev.doppel.media;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.doppel.account.OwnedEntity;

/** An uploaded clip: its original bytes and thumbnail in the blob store, and what probing found. */
@Entity
@Table(name = "videos")
public class Video extends OwnedEntity {

    /** A label the owner sees and may change; never used as a path. */
    @Column(nullable = false, length = 255)
    public String name;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "blob_key", nullable = false, length = 36)
    public String blobKey;

    @Column(name = "thumbnail_key", nullable = false, length = 36)
    public String thumbnailKey;

    @Column(nullable = false, length = 64)
    public String container;

    @Column(name = "video_codec", nullable = false, length = 64)
    public String videoCodec;

    @Column(name = "audio_codec", length = 64)
    public String audioCodec;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(nullable = false)
    public double fps;

    @Column(name = "frame_count", nullable = false)
    public long frameCount;

    @Column(name = "duration_seconds", nullable = false)
    public double durationSeconds;

    @Column(name = "has_audio", nullable = false)
    public boolean hasAudio;

    /** When the uploader confirmed they have the right and the consent of the people shown. */
    @Column(name = "consent_at", nullable = false)
    public Instant consentAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
