package dev.doppel.faces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A pretrained model file that ships in models/ and inside the app (YuNet, Face Mesh). A file at the configured
 * path wins (a models/ folder beside the app overrides what ships inside it); at the default path, which is
 * relative to the directory the app was started from, the copy inside the app stands in, so the model is there
 * wherever the app is started. A path someone set and got wrong is reported as missing rather than papered over.
 */
public final class ShippedModel {

    public static final ShippedModel YUNET = new ShippedModel("models/face_detection_yunet_2023mar.onnx");
    public static final ShippedModel FACE_MESH = new ShippedModel("models/face_landmark.tflite");

    private final String defaultPath;
    private Path shippedCopy;

    private ShippedModel(String defaultPath) {
        this.defaultPath = defaultPath;
    }

    /** The default of its configuration key, and the copy's name inside the app. */
    public String defaultPath() {
        return defaultPath;
    }

    /** The file to load, or empty when there is none. */
    public Optional<Path> resolve(Path configured) {
        if (Files.isRegularFile(configured)) {
            return Optional.of(configured);
        }
        return configured.equals(Path.of(defaultPath)) ? shipped() : Optional.empty();
    }

    /** The copy inside the app, written once to a temporary file: OpenCV's importers read from a path. */
    private synchronized Optional<Path> shipped() {
        if (shippedCopy != null && Files.isRegularFile(shippedCopy)) {
            return Optional.of(shippedCopy);
        }
        try (InputStream in = ShippedModel.class.getResourceAsStream("/" + defaultPath)) {
            if (in == null) {
                return Optional.empty();
            }
            String name = Path.of(defaultPath).getFileName().toString();
            Path copy = Files.createTempFile("doppel-", "-" + name);
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            shippedCopy = copy;
            return Optional.of(copy);
        } catch (IOException e) {
            throw new UncheckedIOException("The model " + defaultPath + " inside the app cannot be copied out", e);
        }
    }
}
