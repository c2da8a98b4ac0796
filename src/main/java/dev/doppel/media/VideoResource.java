package dev.doppel.media;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.Authenticated;

import dev.doppel.account.CurrentUser;
import dev.doppel.limits.LimitedAction;
import dev.doppel.limits.RateLimited;
import dev.doppel.storage.BlobStore;
import dev.doppel.web.BlobResponses;
import dev.doppel.web.Problem;
import dev.doppel.web.ProblemException;

@Path("/videos")
@Tag(name = "Videos")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VideoResource {

    @Inject
    CurrentUser me;

    @Inject
    VideoService videos;

    @Inject
    BlobStore blobs;

    @Schema(name = "RenameVideoRequest")
    public record RenameRequest(@Schema(required = true) String name) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a video (multipart: file, consent=true); it is probed at once and a THUMBNAIL job is queued")
    @APIResponse(responseCode = "201", description = "The stored video",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VideoView.class)))
    @APIResponse(responseCode = "400", description = "No file, an empty file, or consent not given")
    @APIResponse(responseCode = "413", description = "Over the size limit or the account's storage quota")
    @APIResponse(responseCode = "422", description = "Not a readable video, or over the duration or resolution limit")
    @APIResponse(responseCode = "429", description = "Too many uploads within the window (Retry-After says how long to"
            + " wait), or too many jobs waiting or running")
    @RateLimited(LimitedAction.UPLOAD)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("consent") String consent,
            @Context UriInfo uri) {
        if (file == null) {
            throw ProblemException.invalid("file", "Choose a video file to upload.");
        }
        Video video = videos.upload(me.id(), file.uploadedFile(), file.fileName(), "true".equalsIgnoreCase(consent));
        return Response.created(uri.getAbsolutePathBuilder().path(video.id.toString()).build())
                .entity(VideoView.of(video)).build();
    }

    @GET
    @Operation(summary = "The caller's videos, newest first")
    public List<VideoView> list() {
        return videos.list(me.id()).stream().map(VideoView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One video")
    @APIResponse(responseCode = "200", description = "The video")
    @APIResponse(responseCode = "404", description = "No such video in this account")
    public VideoView get(@PathParam("id") UUID id) {
        return VideoView.of(videos.get(me.id(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a video")
    @APIResponse(responseCode = "200", description = "The renamed video")
    @APIResponse(responseCode = "400", description = "The name is empty or too long")
    public VideoView rename(@PathParam("id") UUID id, RenameRequest request) {
        return VideoView.of(videos.rename(me.id(), id, request == null ? null : request.name()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a video and its files")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        videos.delete(me.id(), id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/content")
    @Produces({ "video/*", Problem.MEDIA_TYPE })
    @Operation(summary = "The original file; supports HTTP Range so players can seek")
    @APIResponse(responseCode = "200", description = "The whole file (its type as probed: video/mp4, video/webm, …)",
            content = @Content(mediaType = "video/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The requested range", content = @Content(mediaType = "video/*",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "416", description = "The range lies outside the file")
    public Response content(@PathParam("id") UUID id, @HeaderParam("Range") String range) throws IOException {
        Video video = videos.get(me.id(), id);
        String type = MEDIA_TYPES.getOrDefault(video.container, "application/octet-stream");
        return BlobResponses.ranged(blobs, video.blobKey, video.sizeBytes, type, range, "video");
    }

    @GET
    @Path("/{id}/thumbnail")
    @Produces({ "image/jpeg", Problem.MEDIA_TYPE })
    @Operation(summary = "A JPEG of the frame near 10 % of the video; 404 until its THUMBNAIL job is done")
    @APIResponse(responseCode = "200", description = "The JPEG", content = @Content(mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response thumbnail(@PathParam("id") UUID id) throws IOException {
        Video video = videos.get(me.id(), id);
        if (video.thumbnailKey == null) {
            throw ProblemException.notFound("The thumbnail of this video (it is still being made)");
        }
        return Response.ok(blobs.open(video.thumbnailKey), "image/jpeg").header("Cache-Control", BlobResponses.PRIVATE_CACHE)
                .build();
    }

    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("mov,mp4,m4a,3gp,3g2,mj2", "video/mp4"),
            Map.entry("matroska,webm", "video/webm"),
            Map.entry("avi", "video/x-msvideo"),
            Map.entry("mpeg", "video/mpeg"),
            Map.entry("mpegvideo", "video/mpeg"),
            Map.entry("mpegts", "video/mp2t"),
            Map.entry("flv", "video/x-flv"),
            Map.entry("ogg", "video/ogg"),
            Map.entry("asf", "video/x-ms-asf"));
}
