package dev.doppel.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.doppel.web.ProblemException;

/**
 * The presets by name: the four that ship inside the app (copied from models/presets at build time, so they are
 * there wherever the app is started), and any file NAME.json in doppel.training.presets-dir, which adds a preset
 * or overrides a shipped one. A model keeps its own copy of the values it was made with (FaceModel.presetValues),
 * so a preset file edited later never changes or breaks an existing model.
 */
@ApplicationScoped
public class Presets {

    /** The presets inside the app; PresetFilesTests fails when models/presets holds a file not listed here. */
    static final List<String> SHIPPED = List.of("hq", "lite", "original", "tiny");

    @Inject
    TrainerSettings settings;

    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(SHIPPED);
        try (Stream<Path> files = Files.list(settings.presetsDir())) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).forEach(names::add);
        } catch (IOException noFolder) {
            // Only the shipped presets, e.g. when the app is started outside the project's directory.
        }
        return List.copyOf(names);
    }

    public Preset get(String name) {
        if (name == null || !names().contains(name)) {
            throw ProblemException.invalid("preset", "Unknown preset \"" + name + "\"; available: "
                    + String.join(", ", names()) + ".");
        }
        Path file = settings.presetsDir().resolve(name + ".json");
        try {
            if (Files.isRegularFile(file)) {
                return Preset.read(Files.readAllBytes(file), file.toString());
            }
            try (InputStream shipped = Presets.class.getResourceAsStream("/models/presets/" + name + ".json")) {
                if (shipped == null) {
                    throw new IOException("not inside the app");
                }
                return Preset.read(shipped.readAllBytes(), "the shipped " + name + ".json");
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The preset " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The values a model was made with: its own copy, or — for models older than the copy — the preset by name. */
    public Preset of(FaceModel model) {
        if (model.presetValues == null) {
            return get(model.preset);
        }
        try {
            return Preset.read(model.presetValues.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "model " + model.id + "'s preset");
        } catch (IOException e) {
            throw new IllegalStateException("The preset values of model " + model.id + " cannot be read", e);
        }
    }
}
