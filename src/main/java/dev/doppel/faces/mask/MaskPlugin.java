package dev.doppel.faces.mask;

import java.util.Optional;

import dev.doppel.faces.align.FaceTemplate;

/**
 * A mask that extraction and swaps can be asked for by name (MaskPlugins finds every bean of this type): adding
 * one is one class implementing this, as in faceswap's mask plugins.
 */
public interface MaskPlugin {

    /** The name users and the configuration give, lower case. */
    String name();

    /** Where it comes in lists: the default first. */
    int rank();

    /** Why it cannot run on this installation (a model file missing), or empty when it can. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /** A masker for one job, for faces aligned to {@code template}; the caller closes it. */
    FaceMasker create(FaceTemplate template);
}
