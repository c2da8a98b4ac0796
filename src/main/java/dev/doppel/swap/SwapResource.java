package dev.doppel.swap;

import java.util.UUID;

import jakarta.inject.Inject;
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

import io.quarkus.security.Authenticated;

import dev.doppel.account.CurrentUser;
import dev.doppel.limits.LimitedAction;
import dev.doppel.limits.RateLimited;
import dev.doppel.web.ProblemException;

@Path("/swaps")
@Tag(name = "Swaps")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SwapResource {

    @Inject
    CurrentUser me;

    @Inject
    SwapService swaps;

    public record SwapRequest(@Schema(required = true) UUID model, @Schema(required = true) UUID video,
            @Schema(required = true, enumeration = { "A_TO_B", "B_TO_A" }) String direction,
            @Schema(description = "What is left out keeps the default") SwapOptions.Request options) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Swap faces in a video with a trained model; creates a Result and its SWAP job")
    @APIResponse(responseCode = "201", description = "The result, queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ResultView.class)))
    @APIResponse(responseCode = "400", description = "A missing or invalid field (named in violations)")
    @APIResponse(responseCode = "404", description = "No such model or video in this account")
    @APIResponse(responseCode = "409", description = "The model has no checkpoint yet, or trains while a fine-tune was asked for")
    @APIResponse(responseCode = "429", description = "Too many swaps requested within the window (Retry-After says how long"
            + " to wait), or too many jobs waiting or running")
    @RateLimited(LimitedAction.SWAP)
    public Response create(SwapRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("model", "Send the model, the video and the direction as JSON.");
        }
        Result result = swaps.create(me.id(), request.model(), request.video(), request.direction(),
                request.options());
        return Response.created(uri.getBaseUriBuilder().path("results").path(result.id.toString()).build())
                .entity(ResultView.of(result)).build();
    }
}
