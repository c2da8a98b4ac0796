package dev.doppel.account;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

import dev.doppel.account.AccountDtos.RegisterRequest;
import dev.doppel.account.AccountDtos.UserView;

@Path("/auth")
@Tag(name = "Accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AccountService accounts;

    @Inject
    SessionCookie sessionCookie;

    @Inject
    LoginThrottle throttle;

    @Inject
    UserSessions sessions;


    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account; sign in afterwards with POST /j_security_check")
    @APIResponse(responseCode = "201", description = "The account was created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "The email or password is invalid")
    @APIResponse(responseCode = "409", description = "An account with this email already exists")
    public Response register(@Valid @NotNull RegisterRequest request, @Context HttpServerRequest http,
            @Context UriInfo uri) {
        String address = ClientAddress.of(http);
        User user = accounts.register(request, address);
        // The web UI signs in right after; a throttled shared address must not stand in its way.
        throttle.recordSignUp(user.email, address);
        return Response.created(uri.getBaseUriBuilder().path(MeResource.class).build()).entity(UserView.of(user)).build();
    }

    @POST
    @Path("/logout")
    @Operation(summary = "End this browser's session on the server and drop its cookies")
    @APIResponse(responseCode = "204", description = "Signed out (also when no one was signed in)")
    public Response logout(@Context HttpServerRequest http) {
        sessions.end(SessionIdCookie.of(http));
        sessionCookie.expire(http.response());
        return Response.noContent().build();
    }
}
