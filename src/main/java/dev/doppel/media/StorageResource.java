package dev.doppel.media;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import dev.doppel.account.CurrentUser;

@Path("/me/storage")
@Tag(name = "Videos")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class StorageResource {

    @Inject
    CurrentUser me;

    @Inject
    VideoService videos;

    @GET
    @Operation(summary = "Storage used by the caller's videos, the quota and the upload limits")
    public VideoService.StorageUsage usage() {
        return videos.usage(me.id());
    }
}
