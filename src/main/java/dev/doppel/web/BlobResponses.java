package dev.doppel.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import dev.doppel.storage.BlobStore;

/**
 * A stored file as an HTTP answer that players can seek in: the whole file, or the byte range asked for
 * (206), or 416 with a problem when the range lies outside it.
 */
public final class BlobResponses {

    public static final String PRIVATE_CACHE = "private, max-age=3600";

    private BlobResponses() {
    }

    public static Response ranged(BlobStore blobs, String key, long size, String type, String range, String what)
            throws IOException {
        Optional<ByteRange> requested;
        try {
            requested = ByteRange.parse(range, size);
        } catch (ByteRange.Unsatisfiable e) {
            return Response.status(416).type(Problem.MEDIA_TYPE)
                    .header("Content-Range", "bytes */" + size)
                    .entity(Problem.of(416, "The requested range lies outside this " + size + "-byte " + what + "."))
                    .build();
        }
        if (requested.isEmpty()) {
            InputStream all = blobs.open(key);
            return Response.ok(all, type).header("Accept-Ranges", "bytes").header("Content-Length", size)
                    .header("Cache-Control", PRIVATE_CACHE).build();
        }
        ByteRange r = requested.get();
        return Response.status(206).type(type).entity(blobs.open(key, r.first(), r.length()))
                .header("Accept-Ranges", "bytes")
                .header("Content-Range", r.contentRange(size))
                .header("Content-Length", r.length())
                .header("Cache-Control", PRIVATE_CACHE)
                .build();
    }
}
