package dev.doppel.jobs;

import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import dev.doppel.account.CurrentUser;

@Path("/me/usage")
@Tag(name = "Jobs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    /**
     * Today's (UTC) worker time of the caller's jobs per lane, the daily GPU limit (null: none) and when the day
     * turns; {@code gpuExhausted} means further GPU work waits until then.
     */
    public record UsageView(double gpuSecondsToday, double cpuSecondsToday,
            @Schema(description = "The daily GPU limit; null: none", nullable = true) Integer gpuMinutesPerDay,
            boolean gpuExhausted, Instant resetsAt) {
    }

    @Inject
    CurrentUser me;

    @Inject
    GpuBudget budget;

    @GET
    @Operation(summary = "The caller's worker time today and the daily GPU limit")
    public UsageView usage() {
        GpuBudget.Usage u = budget.usage(me.id());
        return new UsageView(u.gpuSeconds(), u.cpuSeconds(), u.limitMinutes(), u.exhausted(), u.resetsAt());
    }
}
