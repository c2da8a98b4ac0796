package dev.doppel.faces;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.doppel.account.OwnedEntity;

/** The aligned faces of one person: extracted from a video, or merged from several face sets. */
@Entity
@Table(name = "face_sets")
public class FaceSet extends OwnedEntity {

    @Schema(name = "FaceSetStatus")
    public enum Status {
        EXTRACTING, READY, FAILED
    }

    @Column(nullable = false, length = 255)
    public String name;

    /** The video it was extracted from; null for a merged set. */
    @Column(name = "video_id")
    public UUID videoId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(length = 500)
    public String message;

    @Column(nullable = false, length = 20)
    public String detector;

    @Column(name = "every_nth_frame", nullable = false)
    public int everyNthFrame;

    @Column(name = "min_face_size", nullable = false)
    public int minFaceSize;

    @Column(name = "max_faces_per_frame", nullable = false)
    public int maxFacesPerFrame;

    /** The mask plugin its faces' masks were drawn with (MaskPlugins); a swap of this person uses it too. */
    @Column(nullable = false, length = 12)
    public String mask = "hull";

    /** Whether the faces were aligned on 68 landmarks (false: on the eyes only). */
    @Column(nullable = false)
    public boolean landmarks;

    @Column(name = "face_count", nullable = false)
    public int faceCount;

    @Column(name = "frames_scanned", nullable = false)
    public int framesScanned;

    @Column(name = "frames_with_faces", nullable = false)
    public int framesWithFaces;

    /** Faces that have a face score (the others were not checked). */
    @Column(name = "faces_checked", nullable = false)
    public int facesChecked;

    /** Checked faces whose score is below the face check's minimum: they may not be faces. */
    @Column(name = "faces_doubtful", nullable = false)
    public int facesDoubtful;

    /** Most checked faces may not be faces: the set needs a review before it is trained on. */
    public boolean mostlyNotFaces() {
        return facesChecked > 0 && facesDoubtful * 2 > facesChecked;
    }

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
