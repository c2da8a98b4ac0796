package dev.doppel.media.resumable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import dev.doppel.web.Problem;
import dev.doppel.web.ProblemException;

/** The few rules of the tus 1.0.0 wire format that the resource needs: version, lengths, offsets, metadata. */
final class TusProtocol {

    static final String VERSION = "1.0.0";

    private TusProtocol() {
    }

    /** Every tus answer says which version it speaks. */
    static Response.ResponseBuilder headers(Response.ResponseBuilder builder) {
        return builder.header("Tus-Resumable", VERSION);
    }

    static void requireVersion(String version) {
        if (!VERSION.equals(version == null ? null : version.trim())) {
            throw new ProblemException(Problem.of(412, "Send Tus-Resumable: " + VERSION
                    + " with every request; it is the tus version this server speaks."));
        }
    }

    static long length(String header) {
        long value = number(header, "Upload-Length");
        if (value == 0) {
            throw ProblemException.invalid("file", "The file is empty.");
        }
        return value;
    }

    static long offset(String header) {
        return number(header, "Upload-Offset");
    }

    private static long number(String header, String name) {
        if (header == null || header.isBlank()) {
            throw ProblemException.invalid(name, "The " + name + " header is required.");
        }
        try {
            long value = Long.parseLong(header.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "The " + name + " header must be a whole number of bytes.");
        }
    }

    /** {@code Upload-Metadata: key base64(value),key base64(value)}; a key without a value is an empty string. */
    record Metadata(Map<String, String> values) {
        static Metadata parse(String header) {
            Map<String, String> values = new HashMap<>();
            if (header != null) {
                for (String pair : header.split(",")) {
                    String[] parts = pair.trim().split(" ", 2);
                    if (parts[0].isEmpty()) {
                        continue;
                    }
                    try {
                        values.put(parts[0], parts.length < 2 ? ""
                                : new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        throw ProblemException.invalid("Upload-Metadata", "The value of '" + parts[0]
                                + "' is not base64.");
                    }
                }
            }
            return new Metadata(values);
        }

        String get(String key) {
            return values.get(key);
        }
    }
}
