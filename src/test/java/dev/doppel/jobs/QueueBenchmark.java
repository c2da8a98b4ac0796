package dev.doppel.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A simulated day on one GPU slot: three accounts submit trainings (hours) and swaps (minutes), and the same
 * submissions are scheduled twice, by plain first-come-first-served and by the product's scheduler ({@link
 * FairTurns} ordering with usage over the fair window, interactive work first, trainings handing over their turn
 * after a slice when someone waits, each hand-over costing a checkpoint save and load). Prints the p50 / p95
 * wait of swaps and of trainings under both, and the GPU's busy time. Run by {@code bench/queue/run.sh}.
 * <p>
 * Arguments: slice minutes (10), batch turn minutes (30), fair window minutes (60), hand-over cost seconds (20),
 * seed (7).
 */
public final class QueueBenchmark {

    record Submission(UUID id, UUID owner, String who, boolean training, double submitAt, double length) {
    }

    record Outcome(Submission job, double firstStart, double finish) {
        double waited() {
            return firstStart - job.submitAt();
        }
    }

    /** A run segment on the slot, for the usage window. */
    record Segment(UUID owner, double start, double end) {
    }

    public static void main(String[] args) {
        double slice = (args.length > 0 ? Double.parseDouble(args[0]) : 10) * 60;
        double batchTurn = (args.length > 1 ? Double.parseDouble(args[1]) : 30) * 60;
        double window = (args.length > 2 ? Double.parseDouble(args[2]) : 60) * 60;
        double handover = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 7;

        List<Submission> day = day(seed);
        long trainings = day.stream().filter(Submission::training).count();
        System.out.printf(Locale.ROOT, "simulated day: %d submissions (%d trainings, %d swaps) from 3 accounts; "
                + "one GPU slot; slice %.0f min, batch turn %.0f min, fair window %.0f min, hand-over cost %.0f s%n",
                day.size(), trainings, day.size() - trainings, slice / 60, batchTurn / 60, window / 60, handover);

        List<Outcome> fifo = new ArrayList<>();
        double fifoBusy = fifo(day, fifo);
        List<Outcome> fair = new ArrayList<>();
        int[] handovers = new int[1];
        double fairBusy = fair(day, slice, batchTurn, window, handover, fair, handovers);

        report("FIFO", fifo, fifoBusy);
        report("fair turns + slices", fair, fairBusy);
        double swapP95Fair = percentile(waits(fair, false), 95);
        double swapP95Fifo = percentile(waits(fifo, false), 95);
        System.out.printf(Locale.ROOT, "swap p95 wait: fair %.1f min vs FIFO %.1f min (ratio %.3f); goal <= one "
                + "slice (%.0f min): %s%n", swapP95Fair / 60, swapP95Fifo / 60, swapP95Fair / swapP95Fifo, slice / 60,
                swapP95Fair <= slice ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "GPU busy: fair %.2f h vs FIFO %.2f h (ratio %.4f, %d hand-overs); goal "
                + "within 2 %%: %s%n", fairBusy / 3600, fifoBusy / 3600, fairBusy / fifoBusy, handovers[0],
                fairBusy <= fifoBusy * 1.02 ? "met" : "NOT met");
    }

    /**
     * Account "trainer" queues long trainings early and again after lunch; "swapper" mostly swaps with a model it
     * has; "mixed" trains twice and swaps in between. Lengths are what the product sees on one GPU: trainings
     * of 1-4 h, swaps of 1-8 min (a fine-tune makes some longer).
     */
    static List<Submission> day(long seed) {
        Random random = new Random(seed);
        UUID trainer = new UUID(0, 1);
        UUID swapper = new UUID(0, 2);
        UUID mixed = new UUID(0, 3);
        List<Submission> day = new ArrayList<>();
        double hour = 3600;
        for (double at : new double[] { 8 * hour, 8 * hour + 60, 8 * hour + 120, 13 * hour, 13 * hour + 30 }) {
            day.add(new Submission(UUID.randomUUID(), trainer, "trainer", true, at, (1 + 3 * random.nextDouble()) * hour));
        }
        for (double at = 9 * hour; at < 21 * hour; at += (10 + 40 * random.nextDouble()) * 60) {
            day.add(new Submission(UUID.randomUUID(), swapper, "swapper", false, at, (1 + 7 * random.nextDouble()) * 60));
        }
        day.add(new Submission(UUID.randomUUID(), mixed, "mixed", true, 10 * hour, 1.5 * hour));
        day.add(new Submission(UUID.randomUUID(), mixed, "mixed", true, 16 * hour, 1 * hour));
        for (double at = 11 * hour; at < 20 * hour; at += (30 + 60 * random.nextDouble()) * 60) {
            day.add(new Submission(UUID.randomUUID(), mixed, "mixed", false, at, (2 + 6 * random.nextDouble()) * 60));
        }
        day.sort(Comparator.comparingDouble(Submission::submitAt));
        return day;
    }

    /** First come, first served, each job to its end. Returns the slot's busy seconds. */
    static double fifo(List<Submission> day, List<Outcome> out) {
        double now = 0;
        double busy = 0;
        for (Submission s : day) {
            double start = Math.max(now, s.submitAt());
            now = start + s.length();
            busy += s.length();
            out.add(new Outcome(s, start, now));
        }
        return busy;
    }

    /**
     * The product's policy, event by event: the next turn by {@link FairTurns#priority}, and a running training
     * asked every {@link #CHECK} seconds, as the worker's heartbeat does, whether {@link FairTurns#shouldYield}.
     * Returns the slot's busy seconds, hand-overs included.
     */
    static double fair(List<Submission> day, double slice, double batchTurn, double window, double handover,
            List<Outcome> out, int[] handovers) {
        Map<UUID, Double> left = new HashMap<>();
        Map<UUID, Double> firstStart = new HashMap<>();
        Map<UUID, Double> queuedAt = new HashMap<>();
        Map<UUID, Boolean> resumed = new HashMap<>();
        List<Segment> segments = new ArrayList<>();
        List<Submission> waiting = new ArrayList<>();
        int[] next = { 0 };
        double now = 0;
        double busy = 0;
        for (Submission s : day) {
            left.put(s.id(), s.length());
        }
        while (next[0] < day.size() || !waiting.isEmpty()) {
            arrive(day, next, now, waiting, queuedAt);
            if (waiting.isEmpty()) {
                now = day.get(next[0]).submitAt();
                continue;
            }
            Map<UUID, Double> used = usage(segments, now - window, now);
            Submission job = waiting.stream().min(Comparator.comparing((Submission s) -> waitingOf(s, queuedAt),
                    FairTurns.priority(used))).orElseThrow();
            waiting.remove(job);
            double start = now;
            firstStart.putIfAbsent(job.id(), start);
            // A training that gave up its turn loads its checkpoint first.
            double t = start + (Boolean.TRUE.equals(resumed.get(job.id())) ? handover / 2 : 0);
            double end = t + left.get(job.id());
            if (job.training()) {
                boolean yielded = false;
                while (t < end) {
                    t += Math.min(CHECK, end - t);
                    left.put(job.id(), end - t);
                    arrive(day, next, t, waiting, queuedAt);
                    List<FairTurns.Waiting> others = waiting.stream().map(w -> waitingOf(w, queuedAt)).toList();
                    if (t < end && FairTurns.shouldYield(job.owner(), others,
                            usage(segments, t - window, t, job.owner(), start), t - start, slice, batchTurn)) {
                        yielded = true;
                        break;
                    }
                }
                if (yielded) {
                    double saved = t + handover / 2;
                    segments.add(new Segment(job.owner(), start, saved));
                    busy += saved - start;
                    now = saved;
                    resumed.put(job.id(), true);
                    queuedAt.put(job.id(), saved);
                    waiting.add(job);
                    handovers[0]++;
                    continue;
                }
            }
            segments.add(new Segment(job.owner(), start, end));
            busy += end - start;
            now = end;
            out.add(new Outcome(job, firstStart.get(job.id()), end));
        }
        return busy;
    }

    /** How often a running training asks whether its turn is over (the worker's heartbeat, coarser). */
    static final double CHECK = 10;

    private static void arrive(List<Submission> day, int[] next, double now, List<Submission> waiting,
            Map<UUID, Double> queuedAt) {
        while (next[0] < day.size() && day.get(next[0]).submitAt() <= now) {
            Submission s = day.get(next[0]++);
            queuedAt.put(s.id(), s.submitAt());
            waiting.add(s);
        }
    }

    private static FairTurns.Waiting waitingOf(Submission s, Map<UUID, Double> queuedAt) {
        return new FairTurns.Waiting(s.id(), s.owner(),
                Instant.EPOCH.plus(Duration.ofMillis(Math.round(queuedAt.get(s.id()) * 1000))), !s.training(), 0);
    }

    /** Usage in the window, counting the running job's stretch so far as the queue's open run does. */
    private static Map<UUID, Double> usage(List<Segment> segments, double from, double now, UUID running,
            double runningSince) {
        List<Segment> all = new ArrayList<>(segments);
        all.add(new Segment(running, runningSince, now));
        return usage(all, from, now);
    }

    private static Map<UUID, Double> usage(List<Segment> segments, double from, double now) {
        Map<UUID, Double> used = new HashMap<>();
        for (Segment s : segments) {
            double a = Math.max(s.start(), from);
            double b = Math.min(s.end(), now);
            if (b > a) {
                used.merge(s.owner(), b - a, Double::sum);
            }
        }
        return used;
    }

    private static void report(String name, List<Outcome> outcomes, double busy) {
        List<Double> swaps = waits(outcomes, false);
        List<Double> trainings = waits(outcomes, true);
        System.out.printf(Locale.ROOT, "%-20s swaps wait p50 %6.1f min, p95 %6.1f min | trainings wait p50 %6.1f"
                + " min, p95 %6.1f min | GPU busy %.2f h, last job done at %s%n", name, percentile(swaps, 50) / 60,
                percentile(swaps, 95) / 60, percentile(trainings, 50) / 60, percentile(trainings, 95) / 60,
                busy / 3600, clock(outcomes.stream().mapToDouble(Outcome::finish).max().orElse(0)));
    }

    private static List<Double> waits(List<Outcome> outcomes, boolean training) {
        return outcomes.stream().filter(o -> o.job().training() == training).map(Outcome::waited).sorted().toList();
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String clock(double seconds) {
        long minutes = Math.round(seconds / 60);
        return String.format(Locale.ROOT, "%d:%02d%s", minutes / 60 % 24, minutes % 60, minutes >= 24 * 60 ? " (+1 day)" : "");
    }
}
