package dev.doppel.faces.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where YuNet's ONNX file is. A file at the configured path wins (a models/ folder beside the app overrides what
 * ships inside it); at the default path, which is relative to the directory the app was started from, the copy
 * inside the app stands in, so the detector is there wherever the app is started. A path someone set and got
 * wrong is reported as missing rather than papered over.
 */
public final class YuNetModelFile {

    /** The default of doppel.faces.yunet-model, and the copy's name inside the app. */
    public static final String DEFAULT = "models/face_detection_yunet_2023mar.onnx";

    private static Path shippedCopy;

    private YuNetModelFile() {
    }

    /** The file to load, or empty when there is none. */
    public static Optional<Path> resolve(Path configured) {
        if (Files.isRegularFile(configured)) {
            return Optional.of(configured);
        }
        return configured.equals(Path.of(DEFAULT)) ? shipped() : Optional.empty();
    }

    /**
     * The copy inside the app, written once to a temporary file: OpenCV's ONNX importer reads from a path.
     */
    private static synchronized Optional<Path> shipped() {
        if (shippedCopy != null && Files.isRegularFile(shippedCopy)) {
            return Optional.of(shippedCopy);
        }
        try (InputStream in = YuNetModelFile.class.getResourceAsStream("/" + DEFAULT)) {
            if (in == null) {
                return Optional.empty();
            }
            Path copy = Files.createTempFile("doppel-yunet-", ".onnx");
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            shippedCopy = copy;
            return Optional.of(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("The YuNet model inside the app cannot be copied out", e);
        }
    }
}
