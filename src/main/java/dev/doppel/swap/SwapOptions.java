package dev.doppel.swap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.doppel.faces.pipeline.FaceSelection;
import dev.doppel.plugins.PluginsByName;
import dev.doppel.swap.convert.BlendMethods;
import dev.doppel.swap.convert.ColourMatchers;
import dev.doppel.web.ProblemException;

/**
 * How a swap is drawn. Erode and feather are percentages of the face's width, so the same setting suits a
 * close-up and a wide shot. The visible label may be turned off; the metadata tag cannot. {@code faces} says
 * whose faces in the clip are swapped: the largest, every one, or those that look like the source person.
 */
public record SwapOptions(String colour, String blend, int maskErode, int maskFeather, boolean label,
        int fineTuneIterations, FaceSelection faces) {

    public static final int MAX_ERODE = 20;
    public static final int MAX_FEATHER = 30;
    public static final int MAX_FINE_TUNE = 100_000;

    public static SwapOptions defaults() {
        return new SwapOptions(ColourMatchers.DEFAULT, BlendMethods.DEFAULT, 3, 8, true, 0, FaceSelection.DEFAULT);
    }

    /** What a client sends: every field optional. */
    @Schema(name = "SwapOptionsRequest")
    public record Request(String colour, String blend, Integer maskErode, Integer maskFeather, Boolean label,
            Integer fineTuneIterations, String faces) {

        public SwapOptions resolve() {
            SwapOptions d = defaults();
            return new SwapOptions(
                    colour == null ? d.colour() : choice(ColourMatchers.PLUGINS, colour, "options.colour"),
                    blend == null ? d.blend() : choice(BlendMethods.PLUGINS, blend, "options.blend"),
                    bounded(maskErode, d.maskErode(), MAX_ERODE, "options.maskErode", "Mask erosion"),
                    bounded(maskFeather, d.maskFeather(), MAX_FEATHER, "options.maskFeather", "Mask feathering"),
                    label == null ? d.label() : label,
                    bounded(fineTuneIterations, d.fineTuneIterations(), MAX_FINE_TUNE, "options.fineTuneIterations",
                            "Fine-tuning"),
                    faces == null ? d.faces() : FaceSelection.parse(faces).orElseThrow(() -> ProblemException
                            .invalid("options.faces", "\"" + faces + "\" is not one of "
                                    + String.join(", ", FaceSelection.wireNames()) + ".")));
        }
    }

    /** A plugin's name (a colour mode, a blend method), or a 400 naming the field and the valid names. */
    private static String choice(PluginsByName<?> plugins, String value, String field) {
        return plugins.canonical(value).orElseThrow(() -> ProblemException.invalid(field,
                "\"" + value + "\" is not one of " + String.join(", ", plugins.names()) + "."));
    }

    private static int bounded(Integer value, int fallback, int max, String field, String what) {
        if (value == null) {
            return fallback;
        }
        if (value < 0 || value > max) {
            throw ProblemException.invalid(field, what + " must be between 0 and " + max + ".");
        }
        return value;
    }
}
