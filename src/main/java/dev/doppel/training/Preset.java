package dev.doppel.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A network size and training recipe, read from models/presets/NAME.json (see Presets). */
public record Preset(String name, String description, int inputSize, List<Integer> encoderFilters, int denseSize,
        int batchSize, double learningRate, @Schema(enumeration = { "mae", "dssim+mse" }) String loss,
        @Schema(description = "Steps over which the learning rate climbs to its peak (0: none)")
        int warmupIterations,
        @Schema(description = "How much more the eyes and the mouth count in the loss (1 or 0: no more than the rest)")
        double featureWeight,
        @Schema(description = "Start each upscale's sub-pixel convolution as a nearest-neighbour upscale (ICNR), "
                + "which keeps the early output free of checkerboard noise")
        boolean icnr,
        @Schema(description = "How many iterations warp their input at random (absent: all, as faceswap does; 0: "
                + "none; N: the first N, then none, as DeepFaceLab turns random warp off to sharpen)", nullable = true)
        Integer warpIterations) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static Preset read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    /** Reads and checks a preset's JSON; {@code source} names it in errors. */
    public static Preset read(byte[] json, String source) throws IOException {
        Preset p = JSON.readValue(json, Preset.class);
        p.validate(source);
        return p;
    }

    /** The values as JSON, as a model keeps them. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether weights trained with {@code other} fit this preset's network (the recipe may differ). */
    public boolean sameNetwork(Preset other) {
        return inputSize == other.inputSize && encoderFilters.equals(other.encoderFilters)
                && denseSize == other.denseSize;
    }

    /** Whether iteration {@code iteration} (from 1) warps its input. */
    public boolean warps(long iteration) {
        return warpIterations == null || iteration <= warpIterations;
    }

    /** Feature maps are this wide where the encoder's convolutions end. */
    public int bottleneckSize() {
        return inputSize >> encoderFilters.size();
    }

    /** How many doublings the decoder makes after the encoder's own upscale. */
    public int decoderUpscales() {
        return encoderFilters.size() - 1;
    }

    private void validate(String file) {
        if (inputSize <= 0 || encoderFilters == null || encoderFilters.isEmpty() || denseSize <= 0 || batchSize <= 0
                || learningRate <= 0 || warmupIterations < 0 || featureWeight < 0
                || (warpIterations != null && warpIterations < 0)) {
            throw new IllegalArgumentException("Preset " + file + " has a missing or non-positive field");
        }
        if (bottleneckSize() < 1 || (bottleneckSize() << encoderFilters.size()) != inputSize) {
            throw new IllegalArgumentException("Preset " + file + ": input " + inputSize + " does not halve "
                    + encoderFilters.size() + " times");
        }
        if (!List.of("mae", "dssim+mse").contains(loss)) {
            throw new IllegalArgumentException("Preset " + file + ": loss must be mae or dssim+mse");
        }
    }
}
