package dev.doppel.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * An /api path that no resource serves answers a problem+json 404 instead of falling through to the single-page
 * app's index.html, so an API client never mistakes HTML for data.
 */
@ApplicationScoped
public class ApiFallbackRoutes {

    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MAX_VALUE - 1).handler(rc -> {
            Problem problem = Problem.of(404, "There is no API endpoint at " + rc.normalizedPath() + ".");
            rc.response().setStatusCode(404)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(problem));
        });
    }
}
