package dev.doppel.faces;

import java.util.Locale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** What a user may change before extracting again; null fields keep the configured defaults. */
public record ExtractionSettings(
        @Min(value = 1, message = "must be at least 1") @Max(value = 1000, message = "must be at most 1000") Integer everyNthFrame,
        @Min(value = 16, message = "must be at least 16 pixels") @Max(value = 4096, message = "must be at most 4096 pixels") Integer minFaceSize,
        @Min(value = 1, message = "must be at least 1") @Max(value = 20, message = "must be at most 20") Integer maxFacesPerFrame,
        String detector,
        String mask) {

    ExtractionSettings withDefaults(FacesConfig config, String defaultDetector, String defaultMask) {
        return new ExtractionSettings(
                everyNthFrame != null ? everyNthFrame : config.extraction().everyNthFrame(),
                minFaceSize != null ? minFaceSize : config.extraction().minFaceSize(),
                maxFacesPerFrame != null ? maxFacesPerFrame : config.extraction().maxFacesPerFrame(),
                detector != null ? detector.trim().toLowerCase(Locale.ROOT) : defaultDetector,
                mask != null ? mask.trim().toLowerCase(Locale.ROOT) : defaultMask);
    }
}
