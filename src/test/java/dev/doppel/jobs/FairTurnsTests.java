package dev.doppel.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The scheduling policy on its own: who goes next, where each waiting job stands, when a training yields. */
@Tag("no-database")
class FairTurnsTests {

    private static final UUID A = new UUID(0, 1);
    private static final UUID B = new UUID(0, 2);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void interactiveWorkGoesBeforeTrainingThenTheAccountThatUsedLeastThenTheOldest() {
        FairTurns.Waiting trainingB = waiting(B, 0, false, 600);
        FairTurns.Waiting swapA1 = waiting(A, 1, true, 60);
        FairTurns.Waiting swapA2 = waiting(A, 2, true, 60);
        FairTurns.Waiting swapB = waiting(B, 3, true, 60);
        // A used the lane for ten minutes lately, B not at all: B's swap first although it came last.
        List<FairTurns.Waiting> order = FairTurns.order(List.of(trainingB, swapA1, swapA2, swapB), Map.of(A, 600.0));
        assertThat(order).containsExactly(swapB, swapA1, swapA2, trainingB);
    }

    @Test
    void oneAccountsManyJobsInterleaveWithAnothersAsTheyGetTheirTurns() {
        List<FairTurns.Waiting> many = List.of(waiting(A, 0, true, 60), waiting(A, 1, true, 60),
                waiting(A, 2, true, 60), waiting(A, 3, true, 60), waiting(A, 4, true, 60));
        FairTurns.Waiting late = waiting(B, 5, true, 60);
        List<FairTurns.Waiting> all = new java.util.ArrayList<>(many);
        all.add(late);
        // A's first job already ran a minute: B's job is second, not sixth.
        List<FairTurns.Waiting> order = FairTurns.order(all.subList(1, all.size()), Map.of(A, 60.0));
        assertThat(order.indexOf(late)).isZero();
        order = FairTurns.order(all, Map.of());
        assertThat(order.indexOf(late)).isEqualTo(1);
    }

    @Test
    void aTrainingYieldsToAnotherAccountsSwapAfterASliceAndToItsTrainingAfterABatchTurn() {
        List<FairTurns.Waiting> swap = List.of(waiting(B, 0, true, 60));
        List<FairTurns.Waiting> training = List.of(waiting(B, 0, false, 3600));
        Map<UUID, Double> used = Map.of(A, 1200.0, B, 100.0);
        assertThat(FairTurns.shouldYield(A, swap, used, 599, 600, 1800)).isFalse();
        assertThat(FairTurns.shouldYield(A, swap, used, 600, 600, 1800)).isTrue();
        assertThat(FairTurns.shouldYield(A, training, used, 1200, 600, 1800)).isFalse();
        assertThat(FairTurns.shouldYield(A, training, used, 1800, 600, 1800)).isTrue();
        // Not to an account that used more, and never to its own account's work.
        assertThat(FairTurns.shouldYield(A, training, Map.of(A, 100.0, B, 1200.0), 3600, 600, 1800)).isFalse();
        assertThat(FairTurns.shouldYield(A, List.of(waiting(A, 0, true, 60)), used, 3600, 600, 1800)).isFalse();
        assertThat(FairTurns.shouldYield(A, List.of(), used, 3600, 600, 1800)).isFalse();
    }

    private static FairTurns.Waiting waiting(UUID owner, int secondsAfterStart, boolean interactive, double expected) {
        return new FairTurns.Waiting(UUID.randomUUID(), owner, T0.plusSeconds(secondsAfterStart), interactive, expected);
    }
}
