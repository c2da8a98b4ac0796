package dev.doppel.plugins;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The plugins of one kind (colour modes, blend methods, masks) found by name: the list in the order users are offered
 * it, a lookup in any case, and the refusal of an unknown name with the valid ones.
 */
public final class PluginsByName<T> {

    private final String kind;
    private final Function<T, String> nameOf;
    private final List<T> all;

    public PluginsByName(String kind, Function<T, String> nameOf, List<T> all) {
        this.kind = kind;
        this.nameOf = nameOf;
        this.all = List.copyOf(all);
    }

    public List<String> names() {
        return all.stream().map(nameOf).toList();
    }

    /** The plugin of that name (any case, spaces around ignored), or empty. */
    public Optional<T> find(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return all.stream().filter(p -> nameOf.apply(p).equals(wanted)).findFirst();
    }

    /** The plugin's own spelling of a name a user gave, or empty when there is no such plugin. */
    public Optional<String> canonical(String name) {
        return find(name).map(nameOf);
    }

    /** The plugin of that name, or an IllegalArgumentException naming the valid ones. */
    public T require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown " + kind + " \"" + name + "\"; available: " + String.join(", ", names())));
    }
}
