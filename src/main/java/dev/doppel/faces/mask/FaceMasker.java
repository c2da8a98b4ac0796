package dev.doppel.faces.mask;

import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.geometry.Landmarks;

/**
 * Outlines the part of an aligned face that training learns and a swap replaces, as a polygon in crop pixels (its
 * convex hull is the mask). One per job: a masker may hold a network that is not safe to share.
 */
public interface FaceMasker extends AutoCloseable {

    Landmarks outline(AlignedFace face);

    @Override
    default void close() {
    }
}
