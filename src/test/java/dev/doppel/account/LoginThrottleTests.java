package dev.doppel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.doppel.support.MutableClock;

/** The sliding window itself, counted in the real database, with a clock the test moves. */
@io.quarkus.test.junit.QuarkusTest
class LoginThrottleTests {

    /** This test's own keys: the database is shared with the rest of the suite. */
    private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);

    private String e(String local) {
        return local + "-" + run + "@x.test";
    }

    private String a(String address) {
        return address + "-" + run;
    }

    private long trackedKeys() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> LoginFailure.count("key like ?1",
                "%" + run + "%") + LoginSignUp.count("key like ?1", "%" + run + "%"));
    }


    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 50, Duration.ofMinutes(1));

    @Test
    void shouldBlockAnEmailAtItsLimitUntilTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.blockedFor(e("a"), a("1.1.1.1"))).isEmpty();
            throttle.recordFailure(e("a"), a("1.1.1.1"));
            clock.advance(Duration.ofSeconds(10));
        }
        // Failures at t=0,10,20,30,40; now t=50: the first one leaves the window at t=60.
        assertThat(throttle.blockedFor(e("a"), a("2.2.2.2"))).contains(Duration.ofSeconds(10));
        // Five failures are far below the address's own limit: other people behind it sign in as usual.
        assertThat(throttle.blockedFor(e("b"), a("1.1.1.1"))).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.blockedFor(e("a"), a("1.1.1.1"))).isEmpty();
    }

    @Test
    void shouldBlockAnAddressAtItsOwnLooserLimit() {
        for (int i = 0; i < 49; i++) {
            throttle.recordFailure(e("user" + i), a("1.1.1.1"));
        }
        assertThat(throttle.blockedFor(e("someone"), a("1.1.1.1"))).isEmpty();
        throttle.recordFailure(e("user49"), a("1.1.1.1"));
        assertThat(throttle.blockedFor(e("someone"), a("1.1.1.1"))).contains(Duration.ofMinutes(1));
        assertThat(throttle.blockedFor(e("someone"), a("2.2.2.2"))).isEmpty();
    }

    @Test
    void shouldLetTheFirstSignInAfterSignUpThroughOnce() {
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure(e("user" + i), a("1.1.1.1"));
        }
        throttle.recordSignUp(e("New"), a("1.1.1.1"));
        // Only that email, only from that address, and only once.
        assertThat(throttle.blockedFor(e("other"), a("1.1.1.1"))).isPresent();
        assertThat(throttle.blockedFor(e("new"), a("1.1.1.1"))).isEmpty();
        assertThat(throttle.blockedFor(e("new"), a("1.1.1.1"))).isPresent();

        throttle.recordSignUp(e("late"), a("1.1.1.1"));
        clock.advance(Duration.ofMinutes(1));
        throttle.recordFailure(e("spray"), a("1.1.1.1"));
        for (int i = 0; i < 49; i++) {
            throttle.recordFailure(e("user" + i), a("1.1.1.1"));
        }
        assertThat(throttle.blockedFor(e("late"), a("1.1.1.1"))).as("allowance past its window").isPresent();
    }

    @Test
    void shouldTreatEmailCaseInsensitively() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure(e("Mixed"), a("addr" + i));
        }
        assertThat(throttle.blockedFor(e("mixed"), a("fresh"))).isPresent();
        throttle.recordSuccess(e("MIXED"));
        assertThat(throttle.blockedFor(e("mixed"), a("fresh"))).isEmpty();
    }

    @Test
    void shouldForgetOldEntries() {
        throttle.recordFailure(e("a"), a("1.1.1.1"));
        throttle.recordSignUp(e("b"), a("1.1.1.1"));
        assertThat(trackedKeys()).isEqualTo(3);
        clock.advance(Duration.ofMinutes(2));
        throttle.prune();
        assertThat(trackedKeys()).isZero();
    }
}
