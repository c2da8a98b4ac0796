package dev.doppel.media.resumable;

import java.io.InputStream;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.doppel.account.CurrentUser;
import dev.doppel.limits.LimitedAction;
import dev.doppel.limits.RateLimited;
import dev.doppel.media.MediaConfig;
import io.quarkus.security.Authenticated;

/**
 * Resumable video uploads over the tus 1.0.0 protocol (core, creation, termination and expiration): a dropped
 * connection resumes from the byte the server stands at instead of starting the file over. Upload-Metadata carries
 * {@code filename} and {@code consent} ("true"); the same rules as {@code POST /api/videos} apply, the ones that
 * need only the length at creation, the rest when the last byte arrives.
 */
@Path("/uploads")
@Tag(name = "Videos")
@Authenticated
public class TusResource {

    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
    /** Where a completed upload's video is, on the answer to its last PATCH. */
    static final String VIDEO_HEADER = "Doppel-Video";

    @Inject
    CurrentUser me;

    @Inject
    ResumableUploads uploads;

    @Inject
    MediaConfig limits;

    @OPTIONS
    @Operation(summary = "tus discovery: version, extensions and the largest upload")
    @APIResponse(responseCode = "204", description = "Tus-Version, Tus-Extension, Tus-Max-Size")
    public Response options() {
        return TusProtocol.headers(Response.noContent())
                .header("Tus-Version", TusProtocol.VERSION)
                .header("Tus-Extension", "creation,termination,expiration")
                .header("Tus-Max-Size", limits.maxUploadBytes())
                .build();
    }

    @POST
    @Operation(summary = "Create a resumable upload (Upload-Length, Upload-Metadata: filename, consent)")
    @APIResponse(responseCode = "201", description = "The upload is created; no body", headers = {
            @Header(name = "Location", description = "The upload's URL", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Upload-Expires", description = "When it is removed if nothing more arrives",
                    schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "No length, or consent not given")
    @APIResponse(responseCode = "413", description = "Over the size limit or the account's storage quota")
    @APIResponse(responseCode = "429", description = "Too many uploads within the window, or too many jobs")
    @RateLimited(LimitedAction.UPLOAD)
    public Response create(@HeaderParam("Tus-Resumable") String version, @HeaderParam("Upload-Length") String length,
            @HeaderParam("Upload-Metadata") String metadata, @Context UriInfo uri) {
        TusProtocol.requireVersion(version);
        TusProtocol.Metadata meta = TusProtocol.Metadata.parse(metadata);
        PendingUpload upload = uploads.create(me.id(), TusProtocol.length(length), meta.get("filename"),
                "true".equalsIgnoreCase(meta.get("consent")));
        URI location = uri.getAbsolutePathBuilder().path(upload.id.toString()).build();
        return TusProtocol.headers(Response.created(location))
                .header("Upload-Expires", httpDate(upload))
                .build();
    }

    @HEAD
    @Path("/{id}")
    @Operation(summary = "Where the upload stands (Upload-Offset, Upload-Length)")
    @APIResponse(responseCode = "200", description = "Where it stands; no body", headers = {
            @Header(name = "Upload-Offset", schema = @Schema(type = SchemaType.INTEGER)),
            @Header(name = "Upload-Length", schema = @Schema(type = SchemaType.INTEGER)) })
    @APIResponse(responseCode = "404", description = "No such upload in this account (finished, expired or never made)")
    @APIResponse(responseCode = "410", description = "Its bytes are not on this server (another web node has them)")
    public Response head(@PathParam("id") UUID id, @HeaderParam("Tus-Resumable") String version) {
        TusProtocol.requireVersion(version);
        PendingUpload upload = uploads.standing(me.id(), id);
        return TusProtocol.headers(Response.ok())
                .header("Upload-Offset", upload.received)
                .header("Upload-Length", upload.length)
                .header("Upload-Expires", httpDate(upload))
                .header("Cache-Control", "no-store")
                .build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(OFFSET_OCTET_STREAM)
    @Operation(summary = "Send bytes from Upload-Offset on; the last one turns the upload into a video")
    @APIResponse(responseCode = "204", description = "The new Upload-Offset; when complete, Doppel-Video names the video")
    @APIResponse(responseCode = "409", description = "Upload-Offset is not where the upload stands")
    @APIResponse(responseCode = "410", description = "The upload's bytes are gone from this server; start over")
    @APIResponse(responseCode = "422", description = "The complete file is not a readable video or is over a limit")
    @APIResponse(responseCode = "423", description = "Another connection is sending bytes of this upload")
    public Response patch(@PathParam("id") UUID id, @HeaderParam("Tus-Resumable") String version,
            @HeaderParam("Upload-Offset") String offset, @Context UriInfo uri, InputStream body) {
        TusProtocol.requireVersion(version);
        ResumableUploads.Progress progress = uploads.append(me.id(), id, TusProtocol.offset(offset), body);
        Response.ResponseBuilder answer = TusProtocol.headers(Response.noContent())
                .header("Upload-Offset", progress.offset());
        if (progress.video() != null) {
            answer.header(VIDEO_HEADER, uri.getBaseUriBuilder().path("videos").path(progress.video().id.toString())
                    .build().getPath());
        }
        return answer.build();
    }

    /** tus lets clients whose HTTP stack lacks PATCH (Java's HttpURLConnection) send POST with an override. */
    @POST
    @Path("/{id}")
    @Consumes(OFFSET_OCTET_STREAM)
    @Operation(summary = "PATCH for clients that cannot send it: POST with X-HTTP-Method-Override: PATCH")
    @APIResponse(responseCode = "204", description = "As PATCH")
    @APIResponse(responseCode = "405", description = "Without X-HTTP-Method-Override: PATCH")
    public Response patchOverride(@PathParam("id") UUID id, @HeaderParam("X-HTTP-Method-Override") String override,
            @HeaderParam("Tus-Resumable") String version, @HeaderParam("Upload-Offset") String offset,
            @Context UriInfo uri, InputStream body) {
        if (!"PATCH".equalsIgnoreCase(override == null ? "" : override.trim())) {
            throw new dev.doppel.web.ProblemException(dev.doppel.web.Problem.of(405,
                    "Send the upload's bytes with PATCH (or POST with X-HTTP-Method-Override: PATCH)."));
        }
        return patch(id, version, offset, uri, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Abandon an upload; its bytes are removed")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such upload in this account")
    public Response terminate(@PathParam("id") UUID id, @HeaderParam("Tus-Resumable") String version) {
        TusProtocol.requireVersion(version);
        uploads.terminate(me.id(), id);
        return TusProtocol.headers(Response.noContent()).build();
    }

    private static String httpDate(PendingUpload upload) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(upload.expiresAt.atZone(ZoneOffset.UTC));
    }

}
