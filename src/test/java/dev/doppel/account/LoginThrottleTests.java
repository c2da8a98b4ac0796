package dev.doppel.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The sliding window itself, with a clock the test moves. */
class LoginThrottleTests {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(1));

    @Test
    void shouldBlockAtTheLimitUntilTheOldestFailureLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.blockedFor("a@x.test", "1.1.1.1")).isEmpty();
            throttle.recordFailure("a@x.test", "1.1.1.1");
            clock.advance(Duration.ofSeconds(10));
        }
        // Failures at t=0,10,20,30,40; now t=50: the first one leaves the window at t=60.
        assertThat(throttle.blockedFor("a@x.test", "2.2.2.2")).contains(Duration.ofSeconds(10));
        assertThat(throttle.blockedFor("b@x.test", "1.1.1.1")).contains(Duration.ofSeconds(10));
        assertThat(throttle.blockedFor("b@x.test", "2.2.2.2")).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.blockedFor("a@x.test", "1.1.1.1")).isEmpty();
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
        assertThat(throttle.trackedKeys()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        throttle.prune();
        assertThat(throttle.trackedKeys()).isZero();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
