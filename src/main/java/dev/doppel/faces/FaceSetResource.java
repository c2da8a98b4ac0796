package dev.doppel.faces;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import dev.doppel.account.CurrentUser;
import dev.doppel.faces.FaceViews.FaceSetView;
import dev.doppel.faces.FaceViews.FaceView;
import dev.doppel.jobs.JobView;
import dev.doppel.jobs.JobViews;
import dev.doppel.limits.LimitedAction;
import dev.doppel.limits.RateLimited;

@Path("/facesets")
@Tag(name = "Faces")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FaceSetResource {

    @Inject
    JobViews jobViews;

    @Inject
    CurrentUser me;

    @Inject
    FaceSetService faceSets;

    @Inject
    FacesConfig config;

    @Schema(name = "RenameFaceSetRequest")
    public record RenameRequest(@Schema(required = true) String name) {
    }

    @Schema(name = "MergeFaceSetsRequest")
    public record MergeRequest(String name, @Schema(required = true) List<UUID> faceSets) {
    }

    @GET
    @Operation(summary = "The caller's face sets, newest first")
    public List<FaceSetView> list() {
        return faceSets.list(me.id()).stream().map(FaceSetView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One face set")
    @APIResponse(responseCode = "200", description = "The face set")
    @APIResponse(responseCode = "404", description = "No such face set in this account")
    public FaceSetView get(@PathParam("id") UUID id) {
        return FaceSetView.of(faceSets.get(me.id(), id));
    }

    @GET
    @Path("/{id}/faces")
    @Operation(summary = "Its faces, by frame (default), sharpest or largest first (sort=blur|size), or least "
            + "face-like first (sort=score: lowest face score first, unchecked faces last)")
    @APIResponse(responseCode = "200", description = "The faces, in the order asked for")
    @APIResponse(responseCode = "400", description = "An unknown sort")
    @APIResponse(responseCode = "404", description = "No such face set in this account")
    public List<FaceView> faces(@PathParam("id") UUID id,
            @Parameter(schema = @Schema(enumeration = { "frame", "blur", "size", "score" }, defaultValue = "frame"))
            @QueryParam("sort") String sort) {
        double minScore = config.verification().minScore();
        return faceSets.faces(me.id(), id, sort).stream().map(f -> FaceView.of(f, minScore)).toList();
    }

    @POST
    @Path("/{id}/extract")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extract the faces again with other settings (the old faces are replaced)")
    @APIResponse(responseCode = "202", description = "The EXTRACT job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "A setting is out of range or the detector is unknown")
    @APIResponse(responseCode = "429", description = "Too many extractions requested within the window (Retry-After says"
            + " how long to wait), or too many jobs waiting or running")
    @RateLimited(LimitedAction.EXTRACT)
    public Response extract(@PathParam("id") UUID id, @Valid ExtractionSettings settings) {
        return Response.accepted(jobViews.of(faceSets.extractAgain(me.id(), id, settings))).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a face set")
    public FaceSetView rename(@PathParam("id") UUID id, RenameRequest request) {
        return FaceSetView.of(faceSets.rename(me.id(), id, request == null ? null : request.name()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a face set and its faces")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        faceSets.delete(me.id(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Merge face sets of the same person into a new one")
    @APIResponse(responseCode = "201", description = "The merged face set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FaceSetView.class)))
    public Response merge(MergeRequest request) {
        FaceSet merged = faceSets.merge(me.id(), request == null ? null : request.name(),
                request == null ? null : request.faceSets());
        return Response.status(201).entity(FaceSetView.of(merged)).build();
    }
}
