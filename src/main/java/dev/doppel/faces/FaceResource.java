package dev.doppel.faces;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import dev.doppel.account.CurrentUser;
import dev.doppel.faces.FaceViews.Capabilities;
import dev.doppel.faces.FaceViews.FaceView;
import dev.doppel.faces.landmarks.LandmarkModel;
import dev.doppel.faces.mask.MaskPlugins;
import dev.doppel.faces.verify.FaceVerifiers;
import dev.doppel.storage.BlobStore;
import dev.doppel.web.Problem;

@Path("/faces")
@Tag(name = "Faces")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FaceResource {

    private static final String PRIVATE_CACHE = "private, max-age=86400";

    @Inject
    CurrentUser me;

    @Inject
    FaceSetService faceSets;

    @Inject
    BlobStore blobs;

    @Inject
    LandmarkModel landmarks;

    @Inject
    FaceLocators locators;

    @Inject
    FacesConfig config;

    @Inject
    FaceVerifiers verifiers;

    @Inject
    MaskPlugins masks;

    @Schema(name = "DeleteFacesRequest")
    public record DeleteRequest(@Schema(required = true) List<UUID> ids) {
    }

    public record DeletedFaces(int deleted) {
    }

    @GET
    @Path("/capabilities")
    @Operation(summary = "Whether 68-point landmarks and the face check are available (and why not), and the "
            + "detectors and masks to choose from")
    public Capabilities capabilities() {
        String faceCheckProblem = verifiers.problem().orElse(null);
        return new Capabilities(landmarks.problem().isEmpty(), landmarks.problem().orElse(null),
                locators.detectors(), locators.defaultDetector(), masks.names(), masks.defaultMask(),
                config.alignedSize(), faceCheckProblem == null,
                faceCheckProblem);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One face")
    public FaceView get(@PathParam("id") UUID id) {
        return FaceView.of(faceSets.face(me.id(), id), config.verification().minScore());
    }

    @GET
    @Path("/{id}/image")
    @Produces({ "image/jpeg", Problem.MEDIA_TYPE })
    @Operation(summary = "The aligned face, a JPEG")
    @APIResponse(responseCode = "200", description = "The JPEG", content = @Content(mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response image(@PathParam("id") UUID id) throws IOException {
        return Response.ok(blobs.open(faceSets.face(me.id(), id).imageKey), "image/jpeg")
                .header("Cache-Control", PRIVATE_CACHE).build();
    }

    @GET
    @Path("/{id}/mask")
    @Produces({ "image/png", Problem.MEDIA_TYPE })
    @Operation(summary = "The face's mask (white: face), a PNG")
    @APIResponse(responseCode = "200", description = "The PNG", content = @Content(mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response mask(@PathParam("id") UUID id) throws IOException {
        return Response.ok(blobs.open(faceSets.face(me.id(), id).maskKey), "image/png")
                .header("Cache-Control", PRIVATE_CACHE).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a bad face from its set")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") UUID id) {
        faceSets.deleteFaces(me.id(), List.of(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/delete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Remove several faces at once (all or none)")
    @APIResponse(responseCode = "200", description = "How many were removed")
    public DeletedFaces deleteMany(DeleteRequest request) {
        return new DeletedFaces(faceSets.deleteFaces(me.id(), request == null ? null : request.ids()));
    }
}
