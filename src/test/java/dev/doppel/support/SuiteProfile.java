package dev.doppel.support;

import java.util.HashMap;
import java.util.Map;

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

    /**
     * {@code config} plus leaving the web UI out of the profile's app, for profiles whose tests read no page: the
     * UI's build would add ~20 s to the profile's start-up.
     */
    static Map<String, String> withoutUi(Map<String, String> config) {
        Map<String, String> all = new HashMap<>(config);
        all.put("quarkus.quinoa", "false");
        return Map.copyOf(all);
    }
}
