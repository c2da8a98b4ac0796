package dev.doppel.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.doppel.web.ProblemException;

/** The presets in models/presets, by file name. */
@ApplicationScoped
public class Presets {

    @Inject
    TrainerSettings settings;

    public List<String> names() {
        try (Stream<Path> files = Files.list(settings.presetsDir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public Preset get(String name) {
        if (name == null || !names().contains(name)) {
            throw ProblemException.invalid("preset", "Unknown preset \"" + name + "\"; available: "
                    + String.join(", ", names()) + ".");
        }
        try {
            return Preset.read(settings.presetsDir().resolve(name + ".json"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The preset " + name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
