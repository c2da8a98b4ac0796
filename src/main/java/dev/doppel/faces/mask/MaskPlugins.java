package dev.doppel.faces.mask;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

import dev.doppel.faces.FacesConfig;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.plugins.PluginsByName;

/** The mask plugins by name: the ones that can run here, the default, and a masker for a job. */
@ApplicationScoped
public class MaskPlugins {

    @Inject
    @Any
    Instance<MaskPlugin> installed;

    @Inject
    FacesConfig config;

    private PluginsByName<MaskPlugin> all() {
        return new PluginsByName<>("mask", MaskPlugin::name,
                installed.stream().sorted(Comparator.comparingInt(MaskPlugin::rank)).toList());
    }

    /** A configured default mask that is no mask at all stops the app at start, naming the valid ones. */
    void checkConfiguredMask(@Observes StartupEvent start) {
        if (all().find(config.extraction().mask()).isEmpty()) {
            throw new IllegalStateException("doppel.faces.extraction.mask=\"" + config.extraction().mask()
                    + "\" is not a mask; choose one of: " + String.join(", ", all().names()));
        }
    }

    /** Mask names this installation can use, the default first. */
    public List<String> names() {
        PluginsByName<MaskPlugin> all = all();
        return all.names().stream().filter(n -> all.require(n).unavailable().isEmpty()).toList();
    }

    /** The configured default, or the hull when that one cannot run here. */
    public String defaultMask() {
        return names().contains(config.extraction().mask()) ? config.extraction().mask() : HullMask.NAME;
    }

    /**
     * A masker for one job. A mask that is not available here (a face set made where the Face Mesh file was)
     * falls back to the hull, which every installation has.
     */
    public FaceMasker create(String name, FaceTemplate template) {
        String usable = name != null && names().contains(name) ? name : HullMask.NAME;
        return all().require(usable).create(template);
    }
}
