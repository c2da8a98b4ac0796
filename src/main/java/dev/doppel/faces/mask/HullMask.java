package dev.doppel.faces.mask;

import jakarta.enterprise.context.ApplicationScoped;

import dev.doppel.faces.align.FaceMask;
import dev.doppel.faces.align.FaceTemplate;

/**
 * The default: the hull of dlib's 68 landmarks with the brows raised by a fifth of the face height so the forehead
 * is inside; a face aligned on its eyes only gets the template's hull.
 */
@ApplicationScoped
public class HullMask implements MaskPlugin {

    public static final String NAME = "hull";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 1;
    }

    @Override
    public FaceMasker create(FaceTemplate template) {
        return face -> FaceMask.outline(face.landmarks() != null ? face.landmarks() : template.landmarks());
    }
}
