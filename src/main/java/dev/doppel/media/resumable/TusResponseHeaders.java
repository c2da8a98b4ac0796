package dev.doppel.media.resumable;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Refusals of tus requests (problem+json from the mappers) carry the tus headers too: clients read
 * {@code Tus-Resumable} on every answer, and {@code Tus-Version} on a 412.
 */
public class TusResponseHeaders {

    @ServerResponseFilter
    public void addTusHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/uploads")) {
            return;
        }
        response.getHeaders().putSingle("Tus-Resumable", TusProtocol.VERSION);
        if (response.getStatus() == 412) {
            response.getHeaders().putSingle("Tus-Version", TusProtocol.VERSION);
        }
    }
}
