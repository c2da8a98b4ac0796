package dev.doppel.runtime;

/**
 * DJL reads these only from system properties or the environment, never from application.properties, and must
 * see them before its first use: offline stops any download of natives, and opting out of tracking stops its
 * telemetry probe of a cloud metadata address. A value given with -D or in the environment wins.
 */
public final class OfflineDefaults {

    private OfflineDefaults() {
    }

    public static void apply() {
        setIfAbsent("ai.djl.offline", "AI_DJL_OFFLINE", "true");
        setIfAbsent("OPT_OUT_TRACKING", "OPT_OUT_TRACKING", "true");
    }

    private static void setIfAbsent(String property, String env, String value) {
        if (System.getProperty(property) == null && System.getenv(env) == null) {
            System.setProperty(property, value);
        }
    }
}
