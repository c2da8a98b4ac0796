package dev.doppel.media;

import java.text.Normalizer;

import dev.doppel.web.ProblemException;

/**
 * The name a video is shown under, made from the uploaded file name. It is only ever a label: path parts are
 * dropped, control characters removed, length capped; unicode is kept.
 */
public final class VideoName {

    public static final int MAX_LENGTH = 255;

    private VideoName() {
    }

    public static String fromFileName(String fileName) {
        if (fileName == null) {
            return "Untitled video";
        }
        String name = fileName;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        name = clean(name);
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "Untitled video" : name;
    }

    /** A name a user typed for something they own: cleaned, and refused (400, field "name") if empty or too long. */
    public static String requiredLabel(String raw) {
        String clean = raw == null ? "" : clean(raw);
        if (clean.isEmpty()) {
            throw ProblemException.invalid("name", "The name must not be empty.");
        }
        if (raw.strip().codePointCount(0, raw.strip().length()) > MAX_LENGTH) {
            throw ProblemException.invalid("name", "The name must be at most " + MAX_LENGTH + " characters.");
        }
        return clean;
    }

    public static String clean(String name) {
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normalized.length());
        normalized.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        String trimmed = out.toString().strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            trimmed = trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_LENGTH));
        }
        return trimmed;
    }
}
