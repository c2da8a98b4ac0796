package dev.doppel.account;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;

import dev.doppel.account.AccountDtos.AccountEventView;
import dev.doppel.account.AccountDtos.ChangePasswordRequest;
import dev.doppel.account.AccountDtos.DeleteAccountRequest;
import dev.doppel.account.AccountDtos.UserView;

@Path("/me")
@Tag(name = "Accounts")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    static final int ACTIVITY_LIMIT = 50;

    @Inject
    CurrentUser me;

    @Inject
    AccountService accounts;

    @Inject
    SessionCookie sessionCookie;


    @Inject
    UserSessions sessions;

    @GET
    @Operation(summary = "The signed-in account")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "401", description = "Not signed in")
    public UserView get() {
        return UserView.of(me.get());
    }

    @PUT
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the password; the current one is required. Every other session of the account ends")
    @APIResponse(responseCode = "204", description = "Changed; only this browser stays signed in")
    @APIResponse(responseCode = "400", description = "The current password is wrong or the new one is invalid")
    public Response changePassword(@Valid @NotNull ChangePasswordRequest request, @Context HttpServerRequest http) {
        accounts.changePassword(me.id(), request, ClientAddress.of(http));
        // Whoever else holds a session (a stolen cookie, a forgotten device) is out on their next request.
        sessions.endAllBut(me.id(), sessions.idOf(SessionIdCookie.of(http)).orElse(null));
        return Response.noContent().build();
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete the account and everything it owns; the password is required")
    @APIResponse(responseCode = "204", description = "Deleted, and signed out")
    @APIResponse(responseCode = "400", description = "The password is wrong; nothing was deleted")
    public Response delete(@Valid @NotNull DeleteAccountRequest request, @Context HttpServerRequest http) {
        accounts.delete(me.id(), request.password());
        sessionCookie.expire(http.response());
        return Response.noContent().build();
    }

    @GET
    @Path("/activity")
    @Operation(summary = "Recent sign-ins, failed attempts and password changes, newest first")
    @APIResponse(responseCode = "200", description = "Up to 50 entries")
    public List<AccountEventView> activity() {
        return accounts.recentActivity(me.id(), ACTIVITY_LIMIT).stream().map(AccountEventView::of).toList();
    }

    @GET
    @Path("/activity/{id}")
    @Operation(summary = "One activity entry")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "404", description = "No such entry in this account")
    public AccountEventView activityEntry(@PathParam("id") UUID id) {
        return AccountEventView.of(accounts.activity(me.id(), id));
    }
}
