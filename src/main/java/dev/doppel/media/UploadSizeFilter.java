package dev.doppel.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

import dev.doppel.web.Problem;

/**
 * Refuses an upload whose declared length is over the limit before a byte of it is written to disk: the
 * browser learns at once instead of after sending gigabytes.
 */
@ApplicationScoped
public class UploadSizeFilter {

    /** Room for the multipart boundaries and the small form fields around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    @Inject
    MediaConfig limits;

    void register(@Observes Router router) {
        router.post("/api/videos").order(Integer.MIN_VALUE + 10).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long declared = -1;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException ignored) {
                // Vert.x rejects malformed lengths itself.
            }
            if (declared > limits.maxUploadBytes() + MULTIPART_OVERHEAD) {
                Problem problem = Problem.of(413, "This upload is " + Bytes.human(declared)
                        + "; the largest upload is " + Bytes.human(limits.maxUploadBytes()) + ".");
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(Json.encode(problem));
                return;
            }
            rc.next();
        });
    }

}
