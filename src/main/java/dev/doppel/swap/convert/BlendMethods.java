package dev.doppel.swap.convert;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;

/** The blend methods by name. A new method is one {@link BlendMethod} class and one entry here. */
public final class BlendMethods {

    private static final BlendMethod ALPHA = new AlphaBlend();

    /** In the order a user is offered them: the default first. */
    private static final List<BlendMethod> ALL = List.of(ALPHA, new SeamlessBlend());

    public static final String DEFAULT = "alpha";

    private BlendMethods() {
    }

    public static List<String> names() {
        return ALL.stream().map(BlendMethod::name).toList();
    }

    /** The method of that name (any case), or empty. */
    public static Optional<BlendMethod> find(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(m -> m.name().equals(wanted)).findFirst();
    }

    /** Blends with the named method, or with the alpha blend where that method cannot work. */
    public static void apply(String name, Mat face, Mat target, Mat mask, int feather) {
        BlendMethod method = find(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown blend \"" + name + "\"; available: " + String.join(", ", names())));
        if (!method.blend(face, target, mask, feather)) {
            ALPHA.blend(face, target, mask, feather);
        }
    }
}
