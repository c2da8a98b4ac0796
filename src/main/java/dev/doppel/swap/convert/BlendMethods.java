package dev.doppel.swap.convert;

import java.util.List;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;

import dev.doppel.plugins.PluginsByName;

/** The blend methods by name. A new method is one {@link BlendMethod} class and one entry here. */
public final class BlendMethods {

    private static final BlendMethod ALPHA = new AlphaBlend();

    /** In the order a user is offered them: the default first. */
    public static final PluginsByName<BlendMethod> PLUGINS = new PluginsByName<>("blend", BlendMethod::name,
            List.of(ALPHA, new SeamlessBlend()));

    public static final String DEFAULT = "alpha";

    private BlendMethods() {
    }

    public static List<String> names() {
        return PLUGINS.names();
    }

    /** The method of that name (any case), or empty. */
    public static Optional<BlendMethod> find(String name) {
        return PLUGINS.find(name);
    }

    /** Blends with the named method, or with the alpha blend where that method cannot work. */
    public static void apply(String name, Mat face, Mat target, Mat mask, int feather) {
        if (!PLUGINS.require(name).blend(face, target, mask, feather)) {
            ALPHA.blend(face, target, mask, feather);
        }
    }
}
