package dev.doppel.support;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile that keeps the suite's own config profile ("test", or "test,pgtest" on CI's PostgreSQL pass)
 * instead of Quarkus's plain "test". Quarkus builds the app of every profile it discovers, even for a class the
 * run's tags leave out: on the PostgreSQL pass a profile on plain "test" would build the web UI (and run its unit
 * tests) for nothing; on "test,pgtest" it gets that pass's database and no UI.
 */
public interface SuiteProfile extends QuarkusTestProfile {

    @Override
    default String getConfigProfile() {
        return System.getProperty("quarkus.test.profile", "test");
    }
}
