package dev.doppel.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Today's gpu-lane time per account against the optional daily limit. */
@ApplicationScoped
public class GpuBudget {

    @Inject
    QuotaConfig quota;

    @Inject
    JobRunRepository runs;

    /** What an account used today (UTC) and what it may use; {@code limitMinutes} is null without a limit. */
    public record Usage(double gpuSeconds, double cpuSeconds, Integer limitMinutes, Instant resetsAt) {

        public boolean exhausted() {
            return limitMinutes != null && gpuSeconds >= limitMinutes * 60.0;
        }

        /** Why the account's GPU work waits, in words. */
        public String heldMessage() {
            return String.format(Locale.ROOT,
                    "Held: today's GPU time is used up (%d of %d min); it continues after %s UTC",
                    Math.round(gpuSeconds / 60), limitMinutes, resetsAt.toString().substring(11, 16));
        }
    }

    public boolean limited() {
        return quota.gpuMinutesPerDay().isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Usage usage(UUID ownerId) {
        Instant now = Instant.now();
        Instant dayStart = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new Usage(runs.usedSince(ownerId, JobLane.GPU, dayStart, now),
                runs.usedSince(ownerId, JobLane.CPU, dayStart, now), quota.gpuMinutesPerDay().orElse(null),
                dayStart.plus(1, ChronoUnit.DAYS));
    }

    /** Whether the account's GPU work must wait for tomorrow; always false without a limit (and no query). */
    public boolean exhausted(UUID ownerId) {
        return limited() && usage(ownerId).exhausted();
    }
}
