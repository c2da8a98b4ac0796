package dev.doppel.faces.detect;

import java.nio.file.Path;
import java.util.Optional;

import dev.doppel.faces.ShippedModel;

/** Where YuNet's ONNX file is: see {@link ShippedModel}. */
public final class YuNetModelFile {

    /** The default of doppel.faces.yunet-model, and the copy's name inside the app. */
    public static final String DEFAULT = ShippedModel.YUNET.defaultPath();

    private YuNetModelFile() {
    }

    /** The file to load, or empty when there is none. */
    public static Optional<Path> resolve(Path configured) {
        return ShippedModel.YUNET.resolve(configured);
    }
}
