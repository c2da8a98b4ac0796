package dev.doppel.training;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import io.quarkus.security.Authenticated;

import dev.doppel.account.CurrentUser;
import dev.doppel.limits.LimitedAction;
import dev.doppel.limits.RateLimited;
import dev.doppel.storage.BlobStore;
import dev.doppel.web.Problem;
import dev.doppel.web.ProblemException;

@Path("/models")
@Tag(name = "Models")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    @Inject
    CurrentUser me;

    @Inject
    ModelService models;

    @Inject
    Presets presets;

    @Inject
    BlobStore blobs;

    @Schema(name = "CreateModelRequest", description = "A new model, or (on resume) only the limits")
    public record CreateRequest(String name, UUID faceSetA, UUID faceSetB, String preset, Double targetLoss,
            Long maxIterations, Integer maxMinutes, Integer plateauIterations, Double plateauPercent,
            @Schema(description = "An earlier model of yours (same preset) to start from instead of from scratch",
                    nullable = true) UUID startFrom) {
        ModelService.Limits limits() {
            return new ModelService.Limits(targetLoss, maxIterations, maxMinutes, plateauIterations, plateauPercent);
        }
    }

    public record ModelView(UUID id, String name, String preset, UUID faceSetA, UUID faceSetB,
            FaceModel.Status status, @Schema(nullable = true) String message,
            @Schema(description = "Where it trains (cpu, gpu 0); null before it started", nullable = true)
            String device,
            long iterations, @Schema(nullable = true) Double lossA, @Schema(nullable = true) Double lossB,
            @Schema(nullable = true) Double smoothedLoss, @Schema(nullable = true) Double bestLoss,
            double trainingSeconds, @Schema(nullable = true) Long checkpointIteration,
            @Schema(nullable = true) Long previewIteration,
            @Schema(description = "Limits: null is none", nullable = true) Double targetLoss,
            @Schema(nullable = true) Long maxIterations, @Schema(nullable = true) Integer maxMinutes,
            int plateauIterations, double plateauPercent,
            @Schema(description = "Its latest TRAIN job", nullable = true) UUID jobId, Instant createdAt,
            @Schema(description = "The model it started from; null when it started afresh", nullable = true)
            WarmStart startedFrom,
            @Schema(description = "Whether a new model of its preset can start from it: it has a checkpoint and its "
                    + "network is shaped as the preset's is today")
            boolean startable) {
        static ModelView of(FaceModel m, boolean startable) {
            return new ModelView(m.id, m.name, m.preset, m.faceSetA, m.faceSetB, m.status, m.message, m.device,
                    m.iterations, m.lossA, m.lossB, m.smoothedLoss, m.bestLoss, m.trainingSeconds, m.checkpointIteration,
                    m.previewIteration, m.targetLoss, m.maxIterations, m.maxMinutes, m.plateauIterations,
                    m.plateauPercent, m.jobId, m.createdAt,
                    m.warmStartFrom == null ? null
                            : new WarmStart(m.warmStartFrom, m.warmStartName, m.warmStartIteration),
                    startable);
        }
    }

    @Schema(name = "ModelWarmStart", description = "Where a model started: that model (it may be deleted since), "
            + "its name and iteration then")
    public record WarmStart(UUID id, String name, @Schema(nullable = true) Long iteration) {
    }

    public record LossView(long iteration, double lossA, double lossB) {
    }

    @GET
    @Path("/presets")
    @Operation(summary = "The presets to choose from")
    public List<Preset> presets() {
        return presets.names().stream().map(presets::get).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a model from face set A and face set B with a preset; training starts at once")
    @APIResponse(responseCode = "201", description = "The model (its TRAIN job id is jobId)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "400", description = "A face set is missing, empty or the same, the preset is unknown,"
            + " or the model to start from is of another preset or has no checkpoint")
    @APIResponse(responseCode = "404", description = "The model to start from is not one of yours")
    @APIResponse(responseCode = "429", description = "Too many trainings requested within the window (Retry-After says how"
            + " long to wait), or too many jobs waiting or running")
    @RateLimited(LimitedAction.TRAIN)
    public Response create(CreateRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("faceSetA", "Choose the face sets and a preset.");
        }
        FaceModel model = models.create(me.id(), request.name(), request.faceSetA(), request.faceSetB(),
                request.preset() == null ? "lite" : request.preset(), request.limits(), request.startFrom());
        return Response.created(uri.getAbsolutePathBuilder().path(model.id.toString()).build())
                .entity(view(model)).build();
    }

    @GET
    @Operation(summary = "The caller's models, newest first")
    public List<ModelView> list() {
        Predicate<FaceModel> startable = models.startable();
        return models.list(me.id()).stream().map(m -> ModelView.of(m, startable.test(m))).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One model")
    public ModelView get(@PathParam("id") UUID id) {
        return view(models.get(me.id(), id));
    }

    @GET
    @Path("/{id}/loss")
    @Operation(summary = "The loss history, oldest first")
    public List<LossView> loss(@PathParam("id") UUID id) {
        return models.losses(me.id(), id).stream().map(p -> new LossView(p.iteration, p.lossA, p.lossB)).toList();
    }

    @GET
    @Path("/{id}/preview")
    @Produces({ "image/png", Problem.MEDIA_TYPE })
    @Operation(summary = "The latest preview grid: for four faces, A, A→A, A→B, B, B→B, B→A")
    @APIResponse(responseCode = "200", description = "The PNG", content = @Content(mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such model in this account, or no preview yet")
    public Response preview(@PathParam("id") UUID id) throws IOException {
        FaceModel model = models.get(me.id(), id);
        if (model.previewKey == null) {
            throw ProblemException.notFound("The preview of this model (none yet)");
        }
        return Response.ok(blobs.open(model.previewKey), "image/png").header("Cache-Control", "private, no-cache")
                .build();
    }

    @POST
    @Path("/{id}/stop")
    @Operation(summary = "Stop training (a checkpoint is kept)")
    @APIResponse(responseCode = "200", description = "The model, stopping")
    @APIResponse(responseCode = "409", description = "It is not training")
    public ModelView stop(@PathParam("id") UUID id) {
        return view(models.stop(me.id(), id));
    }

    @POST
    @Path("/{id}/resume")
    @Consumes({ MediaType.APPLICATION_JSON, MediaType.WILDCARD })
    @Operation(summary = "Continue training from the last checkpoint, optionally with new limits")
    @APIResponse(responseCode = "200", description = "The model, queued again")
    @APIResponse(responseCode = "409", description = "It is already training")
    @APIResponse(responseCode = "429", description = "Too many trainings requested within the window, or too many jobs"
            + " waiting or running")
    @RateLimited(LimitedAction.TRAIN)
    public ModelView resume(@PathParam("id") UUID id, CreateRequest limits) {
        return view(models.resume(me.id(), id, limits == null ? null : limits.limits()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a model, its history, checkpoint and previews")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        models.delete(me.id(), id);
        return Response.noContent().build();
    }

    private ModelView view(FaceModel model) {
        return ModelView.of(model, models.startable().test(model));
    }
}
