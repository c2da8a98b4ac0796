package dev.doppel.jobs;

/**
 * One kind of heavy work. Handlers are found by {@link #type()}; they run on a worker thread outside any
 * transaction, report progress through the context, check it for cancellation at least every couple of
 * seconds, and must be safe to run again after a crash (resume from a checkpoint, or start over).
 */
public interface JobHandler {

    String type();

    /** Result reference (a blob key, an id) to store on the job, or null. */
    String run(JobContext context) throws Exception;

    /** How many tries before the job is FAILED; a crash of the worker counts as a try. */
    default int maxAttempts(JobsConfig config) {
        return config.maxAttempts();
    }

    /** The lane whose slots run this job (the payload may decide, for job types that can be either). */
    JobLane lane(String payload);

    /**
     * Short work a person waits for (a swap, a thumbnail) goes before long batch work (training) in its lane.
     */
    default boolean interactive(String payload) {
        return true;
    }

    /** How long a run is expected to take, when the handler can tell from the payload; queue estimates use it. */
    default java.util.OptionalDouble expectedSeconds(String payload) {
        return java.util.OptionalDouble.empty();
    }
}
