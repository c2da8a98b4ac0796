package dev.doppel.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * The body limit Vert.x enforces is sized for video uploads; every other API request carries a small JSON
 * body, and one declaring more than this is refused before it is read.
 */
@ApplicationScoped
public class ApiBodySizeFilter {

    static final long MAX_JSON_BODY = 1024 * 1024;

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 11).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            // Video bytes: a one-shot upload, or a resumable upload's PATCH (each checked against its own limits).
            boolean upload = "/api/videos".equals(rc.normalizedPath())
                    && rc.request().method() == io.vertx.core.http.HttpMethod.POST
                    || rc.normalizedPath().startsWith("/api/uploads/")
                    && (rc.request().method() == io.vertx.core.http.HttpMethod.PATCH
                            || rc.request().method() == io.vertx.core.http.HttpMethod.POST);
            if (!upload && length != null && parse(length) > MAX_JSON_BODY) {
                Problem problem = Problem.of(413, "The request body is too large for this endpoint (at most 1 MB).");
                rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(Json.encode(problem));
                return;
            }
            rc.next();
        });
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
