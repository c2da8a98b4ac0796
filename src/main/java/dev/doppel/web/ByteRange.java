package dev.doppel.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an HTTP Range header (RFC 9110 §14): {@code bytes=first-last}, {@code bytes=first-} or the
 * suffix {@code bytes=-length}. A header we do not understand (several ranges, other units) is ignored and the
 * whole content is sent, as the RFC allows.
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The range to send, empty for the whole content.
     *
     * @throws Unsatisfiable when the range lies wholly outside the content (answer 416)
     */
    public static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size) {
                throw new Unsatisfiable();
            }
            if (last < first) {
                return Optional.empty();
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException tooBig) {
            throw new Unsatisfiable();
        }
    }

    public static final class Unsatisfiable extends Exception {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }
}
