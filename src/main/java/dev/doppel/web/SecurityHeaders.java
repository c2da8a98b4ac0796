package dev.doppel.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * The browser's security headers on every answer — the single-page app, the API and the users' media — and caching
 * that survives an upgrade. Set when the headers are about to be sent, so they hold whatever handler answered
 * (Quinoa's static files, REST, the form login, health).
 * <ul>
 * <li>CSP: scripts, styles, media, connections (the event stream included) only from this origin, no inline script
 * or style; images also as {@code data:} (the stylesheets' SVG icons); no plugins, no framing, forms post here.</li>
 * <li>{@code nosniff}: user uploads are served as what they are, never guessed into HTML or script.</li>
 * <li>{@code index.html} (every app route) is revalidated on each visit, so an upgrade reaches browsers at once; the
 * build's hashed assets under {@code /assets/} never change and are cached for a year.</li>
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "media-src 'self'",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    static final String HASHED_ASSETS = "public, max-age=31536000, immutable";

    /** Before the app's own handlers; what they set for caching is kept unless it is the app's shell. */
    void register(@Observes Filters filters) {
        filters.register(this::addHeaders, 1000);
    }

    private void addHeaders(RoutingContext context) {
        String path = context.normalizedPath();
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Frame-Options", "DENY");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Permissions-Policy", PERMISSIONS_POLICY);
            if (isAppShell(path)) {
                // A missing asset answered with the app's page (SPA routing) must not be kept for a year.
                String type = headers.get("Content-Type");
                boolean hashedAsset = path.startsWith("/assets/") && context.response().getStatusCode() == 200
                        && (type == null || !type.startsWith("text/html"));
                headers.set("Cache-Control", hashedAsset ? HASHED_ASSETS : "no-cache");
            }
        });
        context.next();
    }

    /** The UI's files and routes, as against the API, the login form and the operations endpoints. */
    static boolean isAppShell(String path) {
        return path != null && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/")
                && !path.equals("/j_security_check");
    }
}
