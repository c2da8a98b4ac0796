package dev.doppel.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.doppel.support.Accounts;
import dev.doppel.support.Await;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The queue against the real database, with real worker threads. */
@QuarkusTest
class JobQueueTests {

    @Inject
    JobService jobs;

    @Inject
    WorkerPool pool;

    @Test
    void everyJobRunsExactlyOnceUnderContention() throws Exception {
        UUID owner = UUID.fromString(Accounts.newSession("contention").id());
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            extra.add(pool.start(JobLane.CPU)); // four cpu-lane workers with the in-process one
        }
        try {
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> list = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    list.add(jobs.submit(owner, CountingJobHandler.TYPE, null, null, null).id);
                }
                return list;
            });
            Await.until(Duration.ofSeconds(60), () -> countWithStatus(ids, JobStatus.SUCCEEDED) == ids.size());
            for (UUID id : ids) {
                assertThat(CountingJobHandler.RUNS.get(id)).as("runs of " + id).hasValue(1);
                assertThat(job(id).attempts).isEqualTo(1);
            }
            // The work really was shared.
            assertThat(CountingJobHandler.BY_WORKER.keySet().size()).isGreaterThanOrEqualTo(2);
        } finally {
            for (String id : extra) {
                pool.stop(id);
            }
        }
    }

    @Test
    void anAbandonedJobIsTakenOverWhenItsLeaseExpires() throws Exception {
        UUID owner = UUID.fromString(Accounts.newSession("abandoned").id());
        // Queued out of the real workers' reach, then claimed by a "worker" that dies without a word. In the cpu
        // lane, where no training of another test can hold the slot for minutes once the lease has run out.
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Job job = jobs.submit(owner, DiagnosticJobHandler.TYPE, null, null,
                    "{\"seconds\":0.3,\"lane\":\"cpu\"}");
            job.notBefore = java.time.Instant.now().plusSeconds(3600);
            return job.id;
        });
        Job stolen = claimDirectly(id, "ghost-worker");
        assertThat(stolen.status).isEqualTo(JobStatus.RUNNING);
        assertThat(stolen.leaseHolder).isEqualTo("ghost-worker");

        Await.until(Duration.ofSeconds(60), () -> job(id).status == JobStatus.SUCCEEDED);
        Job done = job(id);
        assertThat(done.attempts).isEqualTo(2);
        assertThat(done.resultRef).isNotEqualTo("ghost-worker");
    }

    @Test
    void retriesUntilTheLimitThenFailsWithAReadableError() throws Exception {
        UUID owner = UUID.fromString(Accounts.newSession("flaky").id());
        UUID recovers = submitDiagnostic(owner, 0.1, 2);
        UUID neverWorks = submitDiagnostic(owner, 0.1, 10);
        Await.until(Duration.ofSeconds(30), () -> job(recovers).status.isFinal() && job(neverWorks).status.isFinal());
        assertThat(job(recovers).status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job(recovers).attempts).isEqualTo(3);
        Job failed = job(neverWorks);
        assertThat(failed.status).isEqualTo(JobStatus.FAILED);
        assertThat(failed.attempts).isEqualTo(3);
        assertThat(failed.error).isEqualTo("Diagnostic failure on try 3");
        assertThat(failed.message).startsWith("Failed: ");
    }

    @Test
    void aWorkerThatStopsHandsItsJobBackWithoutLosingIt() throws Exception {
        UUID owner = UUID.fromString(Accounts.newSession("handback").id());
        int workers = pool.size();
        pool.start(JobLane.GPU);
        UUID id = submitDiagnostic(owner, 3, 0);
        Await.until(Duration.ofSeconds(10), () -> job(id).status == JobStatus.RUNNING);
        String holder = job(id).leaseHolder;
        long started = System.nanoTime();
        pool.stop(holder); // what SIGTERM does to each worker loop
        // Handed back at once, long before the lease would have expired, and not counted as a try.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(QuarkusTransaction.requiringNew().call(() -> JobEvent.count(
                "jobId = ?1 and data like ?2", id, "%Handed back%"))).isEqualTo(1);
        Await.until(Duration.ofSeconds(20), () -> job(id).status == JobStatus.SUCCEEDED);
        assertThat(job(id).attempts).isEqualTo(1);
        assertThat(job(id).resultRef).isNotEqualTo(holder);
        assertThat(pool.size()).isEqualTo(workers);
    }

    @Test
    void aDeferredJobWaitsItsTurnWithoutUsingUpItsTries() throws Exception {
        UUID owner = UUID.fromString(Accounts.newSession("deferred").id());
        long started = System.nanoTime();
        UUID id = QuarkusTransaction.requiringNew().call(() -> jobs.submit(owner, DiagnosticJobHandler.TYPE, null, null,
                "{\"seconds\":0.1,\"deferTimes\":2}").id);
        Await.until(Duration.ofSeconds(20), () -> job(id).status == JobStatus.SUCCEEDED);
        // Two waits of half a second each, and the one try that ran to the end is all that counts.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(1000));
        assertThat(job(id).attempts).isEqualTo(1);
        // It ran three times (twice to find it must wait, once for real), each run recorded.
        assertThat(QuarkusTransaction.requiringNew().call(() -> JobRun.count("jobId", id))).isEqualTo(3);
        assertThat(QuarkusTransaction.requiringNew().call(() -> JobEvent.count(
                "jobId = ?1 and data like ?2", id, "%Diagnostic wait%"))).isGreaterThanOrEqualTo(2);
    }

    private UUID submitDiagnostic(UUID owner, double seconds, int failTimes) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.submit(owner, DiagnosticJobHandler.TYPE, null, null,
                "{\"seconds\":" + seconds + ",\"failTimes\":" + failTimes + "}").id);
    }

    private Job claimDirectly(UUID id, String worker) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Job job = Job.findById(id);
            job.status = JobStatus.RUNNING;
            job.attempts++;
            job.leaseHolder = worker;
            job.leaseExpiresAt = java.time.Instant.now().plusSeconds(2);
            job.notBefore = java.time.Instant.now();
            return job;
        });
    }

    static Job job(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Job.<Job>findById(id));
    }

    private static long countWithStatus(List<UUID> ids, JobStatus status) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Job.count("id in ?1 and status = ?2", ids, status));
    }
}
