package dev.doppel.faces;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import dev.doppel.account.OwnedEntity;

/** One aligned face: where it was in its frame, how it was aligned, how sharp it is, and its crop and mask. */
@Entity
@Table(name = "faces")
public class Face extends OwnedEntity {

    @Column(name = "face_set_id", nullable = false)
    public UUID faceSetId;

    @Column(name = "frame_index", nullable = false)
    public int frameIndex;

    @Column(name = "box_x", nullable = false)
    public double boxX;

    @Column(name = "box_y", nullable = false)
    public double boxY;

    @Column(name = "box_width", nullable = false)
    public double boxWidth;

    @Column(name = "box_height", nullable = false)
    public double boxHeight;

    /** 68 points in frame pixels, "x0 y0 x1 y1 …"; null when aligned on the eyes only. */
    @Column(length = 3000)
    public String landmarks;

    /** Frame pixels to crop pixels, "m00 m01 tx m10 m11 ty". */
    @Column(nullable = false, length = 300)
    public String transform;

    /** Variance of the Laplacian of the crop; low means blurred. */
    @Column(nullable = false)
    public double blur;

    /** Width of the face in the frame, in pixels. */
    @Column(nullable = false)
    public double size;

    /** How sure the face check is that the crop shows a face, 0 to 1; null when it was not checked. */
    @Column(name = "face_score")
    public Double faceScore;

    @Column(name = "image_key", nullable = false, length = 36)
    public String imageKey;

    @Column(name = "mask_key", nullable = false, length = 36)
    public String maskKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
