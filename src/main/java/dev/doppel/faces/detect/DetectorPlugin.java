package dev.doppel.faces.detect;

import java.util.Optional;

/**
 * A face detector that extraction and swaps can be asked for by name (FaceLocators finds every bean of this
 * type): adding a detector is one class implementing this, as in faceswap's extract plugins.
 */
public interface DetectorPlugin {

    /** The name users and the configuration give, lower case. */
    String name();

    /** Where it comes in lists: the best first. */
    int rank();

    /** Why it cannot run on this installation (a model file missing), or empty when it can. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /** A new detector for one job; the caller closes it. */
    FaceDetector create();
}
