package dev.doppel.swap;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;

import dev.doppel.account.CurrentUser;
import dev.doppel.storage.BlobStore;
import dev.doppel.swap.quality.QualityReport;
import dev.doppel.web.BlobResponses;
import dev.doppel.web.Problem;
import dev.doppel.web.ProblemException;

@Path("/results")
@Tag(name = "Results")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ResultResource {

    @Inject
    CurrentUser me;

    @Inject
    SwapService swaps;

    @Inject
    BlobStore blobs;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "The caller's swapped videos, newest first")
    public List<ResultView> list() {
        return swaps.list(me.id()).stream().map(ResultView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One result")
    @APIResponse(responseCode = "200", description = "The result")
    @APIResponse(responseCode = "404", description = "No such result in this account")
    public ResultView get(@PathParam("id") UUID id) {
        return ResultView.of(swaps.get(me.id(), id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a result and its video (a running swap is cancelled)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        swaps.delete(me.id(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/content")
    @Produces({ "video/mp4", Problem.MEDIA_TYPE })
    @Operation(summary = "The swapped video (MP4); HTTP Range for seeking; ?download=true to save it")
    @APIResponse(responseCode = "200", description = "The whole file", content = @Content(mediaType = "video/mp4",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The requested range", content = @Content(mediaType = "video/mp4",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "409", description = "The swap is not finished")
    @APIResponse(responseCode = "416", description = "The range lies outside the file")
    public Response content(@PathParam("id") UUID id, @HeaderParam("Range") String range,
            @QueryParam("download") boolean download) throws IOException {
        Result result = ready(id);
        Response response = BlobResponses.ranged(blobs, result.blobKey, result.sizeBytes, "video/mp4", range,
                "video");
        if (!download) {
            return response;
        }
        return Response.fromResponse(response).header("Content-Disposition", "attachment; filename=\""
                + fileName(result.name) + ".mp4\"").build();
    }

    @GET
    @Path("/{id}/thumbnail")
    @Produces({ "image/jpeg", Problem.MEDIA_TYPE })
    @Operation(summary = "A JPEG of a swapped frame")
    @APIResponse(responseCode = "200", description = "The JPEG", content = @Content(mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response thumbnail(@PathParam("id") UUID id) throws IOException {
        Result result = swaps.get(me.id(), id);
        if (result.thumbnailKey == null) {
            throw ProblemException.notFound("The thumbnail of this result (it appears when the swap is done)");
        }
        return Response.ok(blobs.open(result.thumbnailKey), "image/jpeg")
                .header("Cache-Control", BlobResponses.PRIVATE_CACHE).build();
    }

    @GET
    @Path("/{id}/report")
    @Operation(summary = "The quality report: identity, reconstruction SSIM and flicker")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "409", description = "The swap is not finished")
    public QualityReport report(@PathParam("id") UUID id) throws JsonProcessingException {
        Result result = ready(id);
        return json.readValue(result.report, QualityReport.class);
    }

    private Result ready(UUID id) {
        Result result = swaps.get(me.id(), id);
        if (result.status != Result.Status.READY || result.blobKey == null || result.report == null) {
            throw SwapService.notReady(result);
        }
        return result;
    }

    /** A name safe in a header: letters, digits and a few marks; the rest become underscores. */
    static String fileName(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9 ._-]", "_").trim();
        return safe.isEmpty() ? "swap" : safe;
    }
}
