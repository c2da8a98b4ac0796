package dev.doppel.faces.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whose faces a run follows in a clip with several people: the largest face (the default; what a clip of one
 * person needs), every face, or the faces that look like a given person (see {@link PersonMatcher}).
 */
public enum FaceSelection {
    LARGEST, ALL, MATCH;

    public static final FaceSelection DEFAULT = LARGEST;

    /** How clients write it: largest, all, match. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FaceSelection> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equalsIgnoreCase(name.trim())).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(FaceSelection::wireName).toList();
    }
}
