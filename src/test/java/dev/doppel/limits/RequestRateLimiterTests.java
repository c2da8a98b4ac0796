package dev.doppel.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.doppel.support.Accounts;
import dev.doppel.support.MutableClock;
import dev.doppel.web.ProblemException;

/**
 * The sliding window itself, counted in the real database, with a clock the test moves. Two limiters on one
 * database stand for two web nodes.
 */
@QuarkusTest
class RequestRateLimiterTests {

    private static final RequestRate THREE_A_MINUTE = new RequestRate(3, Duration.ofMinutes(1));

    @Inject
    AdmittedRequestRepository admitted;

    private final MutableClock clock = new MutableClock();
    private RequestRateLimiter node1;
    private RequestRateLimiter node2;
    private UUID alice;
    private UUID bob;

    @BeforeEach
    void setUp() {
        node1 = new RequestRateLimiter(clock, action -> THREE_A_MINUTE, admitted);
        node2 = new RequestRateLimiter(clock, action -> THREE_A_MINUTE, admitted);
        alice = UUID.fromString(Accounts.newSession("alice").id());
        bob = UUID.fromString(Accounts.newSession("bob").id());
    }

    @Test
    void shouldRefuseTheRequestOverTheLimitUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 3; i++) {
            node1.admit(alice, LimitedAction.SWAP);
            clock.advance(Duration.ofSeconds(10));
        }
        // Admitted at t=0,10,20; now t=30: the first leaves the window at t=60.
        assertThatThrownBy(() -> node1.admit(alice, LimitedAction.SWAP))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(429);
                    assertThat(e.retryAfterSeconds()).hasValue(30);
                    assertThat(e.problem().detail())
                            .isEqualTo("Too many swaps requested in the last minute; try again in 30 s.");
                });
        clock.advance(Duration.ofSeconds(29));
        assertThatThrownBy(() -> node1.admit(alice, LimitedAction.SWAP)).isInstanceOf(ProblemException.class);
        clock.advance(Duration.ofSeconds(1));
        node1.admit(alice, LimitedAction.SWAP);
        assertThatThrownBy(() -> node1.admit(alice, LimitedAction.SWAP)).isInstanceOf(ProblemException.class);
    }

    @Test
    void shouldShareTheCountBetweenWebNodesThroughTheDatabase() {
        node1.admit(alice, LimitedAction.UPLOAD);
        node2.admit(alice, LimitedAction.UPLOAD);
        node1.admit(alice, LimitedAction.UPLOAD);
        assertThatThrownBy(() -> node2.admit(alice, LimitedAction.UPLOAD)).isInstanceOf(ProblemException.class);
        // A new node (a restart) counts the same rows.
        RequestRateLimiter restarted = new RequestRateLimiter(clock, action -> THREE_A_MINUTE, admitted);
        assertThatThrownBy(() -> restarted.admit(alice, LimitedAction.UPLOAD)).isInstanceOf(ProblemException.class);
        assertThat(rows(alice)).isEqualTo(3);
    }

    @Test
    void shouldCountEachAccountAndEachActionOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            node1.admit(alice, LimitedAction.TRAIN);
        }
        assertThatThrownBy(() -> node1.admit(alice, LimitedAction.TRAIN)).isInstanceOf(ProblemException.class);
        node2.admit(bob, LimitedAction.TRAIN);
        node2.admit(alice, LimitedAction.EXTRACT);
    }

    @Test
    void shouldNotCountRefusedRequests() {
        for (int i = 0; i < 3; i++) {
            node1.admit(alice, LimitedAction.SWAP);
        }
        // A client retrying every few seconds while refused does not push its own wait further out.
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThatThrownBy(() -> node1.admit(alice, LimitedAction.SWAP)).isInstanceOf(ProblemException.class);
        }
        clock.advance(Duration.ofSeconds(10));
        node1.admit(alice, LimitedAction.SWAP);
        assertThat(rows(alice)).isEqualTo(4);
    }

    @Test
    void shouldPruneAdmissionsOlderThanEveryWindow() {
        node1.admit(alice, LimitedAction.SWAP);
        clock.advance(Duration.ofSeconds(30));
        node1.admit(alice, LimitedAction.SWAP);
        clock.advance(Duration.ofSeconds(40));
        node1.prune();
        assertThat(rows(alice)).isEqualTo(1);
    }

    @Test
    void shouldPutTheWaitIntoWords() {
        assertThat(LimitWords.window(Duration.ofMinutes(1))).isEqualTo("minute");
        assertThat(LimitWords.window(Duration.ofMinutes(10))).isEqualTo("10 minutes");
        assertThat(LimitWords.window(Duration.ofHours(1))).isEqualTo("hour");
        assertThat(LimitWords.window(Duration.ofSeconds(20))).isEqualTo("20 seconds");
        assertThat(LimitWords.wait(Duration.ofMillis(39_001))).isEqualTo("40 s");
        assertThat(LimitWords.wait(Duration.ofMillis(1))).isEqualTo("1 s");
        assertThat(LimitWords.wait(Duration.ofSeconds(150))).isEqualTo("3 min");
        assertThat(LimitWords.retryAfterSeconds(Duration.ofMillis(39_001))).isEqualTo(40);
    }

    private long rows(UUID owner) {
        return QuarkusTransaction.requiringNew().call(() -> AdmittedRequest.count("ownerId", owner));
    }
}
