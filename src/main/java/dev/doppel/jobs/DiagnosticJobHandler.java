package dev.doppel.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sleeps for the requested time in small steps, reporting progress and honouring cancel and shutdown like a
 * real job; it can also fail its first tries, or put itself back in the queue a few times, on purpose. Off unless {@code doppel.jobs.diagnostics=true}.
 */
@ApplicationScoped
public class DiagnosticJobHandler implements JobHandler {

    public static final String TYPE = "DIAGNOSTIC";
    private static final long STEP_MILLIS = 100;
    /** Runs per job that asked to be deferred (in memory: diagnostics only). */
    private static final java.util.Map<java.util.UUID, Integer> DEFERRALS = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    JobsConfig config;

    @Inject
    ObjectMapper json;

    @Override
    public String type() {
        return config.diagnostics() ? TYPE : null;
    }

    /** {@code "lane": "cpu"} or {@code "gpu"} (the default), so tests and fleet checks can exercise either lane. */
    @Override
    public JobLane lane(String payload) {
        return JobLane.of(settings(payload).path("lane").asText("gpu"));
    }

    /** {@code "interactive": false} makes it batch work, as a training is. */
    @Override
    public boolean interactive(String payload) {
        return settings(payload).path("interactive").asBoolean(true);
    }

    @Override
    public java.util.OptionalDouble expectedSeconds(String payload) {
        return java.util.OptionalDouble.of(settings(payload).path("seconds").asDouble(5));
    }

    private JsonNode settings(String payload) {
        try {
            return json.readTree(payload == null ? "{}" : payload);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Diagnostic job settings are not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public String run(JobContext context) throws Exception {
        JsonNode settings = settings(context.payload());
        double seconds = settings.path("seconds").asDouble(5);
        int failTimes = settings.path("failTimes").asInt(0);
        int deferTimes = settings.path("deferTimes").asInt(0);
        if (deferTimes > 0 && DEFERRALS.merge(context.jobId(), 1, Integer::sum) <= deferTimes) {
            throw new JobDeferredException(java.time.Duration.ofMillis(500), "Diagnostic wait");
        }
        if (context.attempt() <= failTimes) {
            throw new IllegalStateException("Diagnostic failure on try " + context.attempt());
        }
        long total = Math.max(1, Math.round(seconds * 1000 / STEP_MILLIS));
        for (long step = 1; step <= total; step++) {
            context.checkpoint();
            Thread.sleep(STEP_MILLIS);
            context.progress(step / (double) total, "Step " + step + " of " + total);
        }
        return context.workerId();
    }
}
