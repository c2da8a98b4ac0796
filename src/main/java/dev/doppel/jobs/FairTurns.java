package dev.doppel.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Whose turn it is within a lane. Short work a person waits for (swaps, thumbnails) goes before batch work
 * (training); among equals, the account that has used the lane least recently goes first, and ties go to the
 * oldest job. To say where each waiting job stands (not only which is next), each pick adds the picked job's
 * expected length to its account's use, so one account's ten jobs interleave with everyone else's.
 * <p>
 * A pure function of what it is given: the queue's claim, the queue positions shown to users and the
 * {@code bench/queue} simulation all order jobs through it.
 */
public final class FairTurns {

    /** A job waiting for its turn. {@code expectedSeconds} is how long its turn is likely to last. */
    public record Waiting(UUID jobId, UUID ownerId, Instant queuedAt, boolean interactive, double expectedSeconds) {
    }

    private FairTurns() {
    }

    /** The waiting jobs in the order they will get their turns, given each account's recent use (seconds). */
    public static List<Waiting> order(List<Waiting> waiting, Map<UUID, Double> usedSeconds) {
        Map<UUID, Double> used = new HashMap<>(usedSeconds);
        List<Waiting> left = new ArrayList<>(waiting);
        List<Waiting> order = new ArrayList<>(waiting.size());
        while (!left.isEmpty()) {
            Waiting next = left.stream().min(priority(used)).orElseThrow();
            left.remove(next);
            order.add(next);
            used.merge(next.ownerId(), Math.max(0, next.expectedSeconds()), Double::sum);
        }
        return order;
    }

    /**
     * Whether a running batch job (a training) should give up its turn, {@code ran} seconds into it: when
     * interactive work waits and it has run a slice (nobody waits for a swap longer than that), or when batch work
     * of an account that has used the lane less waits and it has run a batch turn (longer, because every
     * hand-over costs a checkpoint save and load). Its own account's other jobs never take its turn: that would
     * cost a hand-over and change nobody's share.
     */
    public static boolean shouldYield(UUID runningOwner, List<Waiting> waiting, Map<UUID, Double> usedSeconds,
            double ran, double slice, double batchTurn) {
        double mine = usedSeconds.getOrDefault(runningOwner, 0.0);
        for (Waiting w : waiting) {
            if (w.ownerId().equals(runningOwner)) {
                continue;
            }
            if (w.interactive() && ran >= slice) {
                return true;
            }
            if (!w.interactive() && ran >= batchTurn && usedSeconds.getOrDefault(w.ownerId(), 0.0) < mine) {
                return true;
            }
        }
        return false;
    }

    /** Only the next one: what a claim needs. */
    public static Comparator<Waiting> priority(Map<UUID, Double> usedSeconds) {
        return Comparator.comparing((Waiting w) -> !w.interactive())
                .thenComparingDouble(w -> usedSeconds.getOrDefault(w.ownerId(), 0.0))
                .thenComparing(Waiting::queuedAt)
                .thenComparing(Waiting::jobId);
    }
}
