package dev.doppel.jobs;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import dev.doppel.account.CurrentUser;
import dev.doppel.web.ProblemException;

@Path("/jobs")
@Tag(name = "Jobs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    CurrentUser me;

    @Inject
    JobService jobs;

    @Inject
    JobViews views;

    @Inject
    JobsConfig config;

    /** {@code lane} cpu or gpu (default); {@code interactive} false makes it batch work, taking turns as a training. */
    public record DiagnosticRequest(Double seconds, Integer failTimes, String lane, Boolean interactive) {
    }

    @GET
    @Operation(summary = "The caller's most recent jobs, newest first")
    public List<JobView> list() {
        return views.of(jobs.recent(me.id()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One job")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such job in this account")
    public JobView get(@PathParam("id") UUID id) {
        return views.of(jobs.get(me.id(), id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel: a queued job ends at once, a running one stops within seconds")
    @APIResponse(responseCode = "200", description = "The job, cancelled or cancelling")
    @APIResponse(responseCode = "409", description = "The job has already finished")
    public JobView cancel(@PathParam("id") UUID id) {
        return views.of(jobs.cancel(me.id(), id));
    }

    @POST
    @Path("/diagnostic")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a job that only sleeps and reports progress, to check workers end to end "
            + "(only when doppel.jobs.diagnostics=true)")
    @APIResponse(responseCode = "201", description = "The queued job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JobView.class)))
    public Response diagnostic(DiagnosticRequest request) {
        if (!config.diagnostics()) {
            throw ProblemException.notFound("The diagnostic job type");
        }
        double seconds = request == null || request.seconds() == null ? 5 : request.seconds();
        if (seconds < 0 || seconds > 3600) {
            throw ProblemException.invalid("seconds", "seconds must be between 0 and 3600.");
        }
        int failTimes = request == null || request.failTimes() == null ? 0 : request.failTimes();
        String lane = request == null || request.lane() == null ? JobLane.GPU.key() : request.lane();
        try {
            lane = JobLane.of(lane).key();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("lane", "lane must be cpu or gpu.");
        }
        boolean interactive = request == null || request.interactive() == null || request.interactive();
        String payload = "{\"seconds\":" + seconds + ",\"failTimes\":" + failTimes + ",\"lane\":\"" + lane
                + "\",\"interactive\":" + interactive + "}";
        Job job = jobs.submit(me.id(), DiagnosticJobHandler.TYPE, null, null, payload);
        return Response.status(201).entity(views.of(job)).build();
    }
}
