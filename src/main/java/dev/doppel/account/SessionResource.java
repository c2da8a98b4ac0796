package dev.doppel.account;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.doppel.account.AccountDtos.SessionView;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

/** The account's signed-in devices: listed, and signed out one by one or all at once. */
@Path("/me/sessions")
@Tag(name = "Accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    CurrentUser me;

    @Inject
    UserSessions sessions;

    @Inject
    SessionCookie loginCookie;


    @GET
    @Operation(summary = "Open sessions of the account, most recently used first; 'current' marks this browser's")
    @APIResponse(responseCode = "200", description = "The sessions")
    public List<SessionView> list(@Context HttpServerRequest http) {
        UUID current = sessions.idOf(SessionIdCookie.of(http)).orElse(null);
        return sessions.active(me.id()).stream().map(s -> SessionView.of(s, s.id.equals(current))).toList();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Sign out one session; it is refused on its next request, on every web node")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "404", description = "No such session in this account")
    public Response end(@PathParam("id") UUID id, @Context HttpServerRequest http) {
        boolean current = sessions.idOf(SessionIdCookie.of(http)).map(id::equals).orElse(false);
        sessions.end(me.id(), id);
        if (current) {
            dropCookies(http);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Operation(summary = "Sign out everywhere: every session of the account ends, this one included")
    @APIResponse(responseCode = "204", description = "Signed out everywhere")
    public Response endAll(@Context HttpServerRequest http) {
        sessions.endAllBut(me.id(), null);
        dropCookies(http);
        return Response.noContent().build();
    }

    private void dropCookies(HttpServerRequest http) {
        loginCookie.expire(http.response());
    }
}
