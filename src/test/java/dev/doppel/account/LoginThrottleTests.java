package dev.doppel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.support.MutableClock;

/** The sliding window itself, with a clock the test moves. */
@Tag("no-database")
class LoginThrottleTests {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 50, Duration.ofMinutes(1));

    @Test
    void shouldBlockAnEmailAtItsLimitUntilTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.blockedFor("a@x.test", "1.1.1.1")).isEmpty();
            throttle.recordFailure("a@x.test", "1.1.1.1");
            clock.advance(Duration.ofSeconds(10));
        }
        // Failures at t=0,10,20,30,40; now t=50: the first one leaves the window at t=60.
        assertThat(throttle.blockedFor("a@x.test", "2.2.2.2")).contains(Duration.ofSeconds(10));
        // Five failures are far below the address's own limit: other people behind it sign in as usual.
        assertThat(throttle.blockedFor("b@x.test", "1.1.1.1")).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.blockedFor("a@x.test", "1.1.1.1")).isEmpty();
    }

    @Test
    void shouldBlockAnAddressAtItsOwnLooserLimit() {
        for (int i = 0; i < 49; i++) {
            throttle.recordFailure("user" + i + "@x.test", "1.1.1.1");
        }
        assertThat(throttle.blockedFor("someone@x.test", "1.1.1.1")).isEmpty();
        throttle.recordFailure("user49@x.test", "1.1.1.1");
        assertThat(throttle.blockedFor("someone@x.test", "1.1.1.1")).contains(Duration.ofMinutes(1));
        assertThat(throttle.blockedFor("someone@x.test", "2.2.2.2")).isEmpty();
    }

    @Test
    void shouldLetTheFirstSignInAfterSignUpThroughOnce() {
        for (int i = 0; i < 50; i++) {
            throttle.recordFailure("user" + i + "@x.test", "1.1.1.1");
        }
        throttle.recordSignUp("New@x.test", "1.1.1.1");
        // Only that email, only from that address, and only once.
        assertThat(throttle.blockedFor("other@x.test", "1.1.1.1")).isPresent();
        assertThat(throttle.blockedFor("new@x.test", "1.1.1.1")).isEmpty();
        assertThat(throttle.blockedFor("new@x.test", "1.1.1.1")).isPresent();

        throttle.recordSignUp("late@x.test", "1.1.1.1");
        clock.advance(Duration.ofMinutes(1));
        throttle.recordFailure("spray@x.test", "1.1.1.1");
        for (int i = 0; i < 49; i++) {
            throttle.recordFailure("user" + i + "@x.test", "1.1.1.1");
        }
        assertThat(throttle.blockedFor("late@x.test", "1.1.1.1")).as("allowance past its window").isPresent();
    }

    @Test
    void shouldTreatEmailCaseInsensitively() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("Mixed@X.test", "addr" + i);
        }
        assertThat(throttle.blockedFor("mixed@x.test", "fresh")).isPresent();
        throttle.recordSuccess("MIXED@x.test");
        assertThat(throttle.blockedFor("mixed@x.test", "fresh")).isEmpty();
    }

    @Test
    void shouldForgetOldEntries() {
        throttle.recordFailure("a@x.test", "1.1.1.1");
        throttle.recordSignUp("b@x.test", "1.1.1.1");
        assertThat(throttle.trackedKeys()).isEqualTo(3);
        clock.advance(Duration.ofMinutes(2));
        throttle.prune();
        assertThat(throttle.trackedKeys()).isZero();
    }
}
