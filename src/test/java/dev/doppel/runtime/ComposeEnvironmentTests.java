package dev.doppel.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.doppel.jobs.JobsConfig;
import dev.doppel.storage.StorageConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Keeps docker/compose.yaml honest without a Docker engine. An environment variable the app does not read is
 * ignored without a word (Quarkus warns about unknown {@code quarkus.*} keys given as -D options or in
 * application.properties, not as environment variables: checked with the packaged app), so a misspelt
 * {@code DOPPEL_STORAGE_S3_BUCKTE} would leave a worker on its defaults. Every variable an app container gets —
 * from compose and from its image's ENV lines — must therefore be one that docker/start.sh reads, one that
 * application.properties reads as {@code ${NAME}}, or the environment form of a property the app knows: a
 * property of one of the app's {@code @ConfigMapping}s or application.properties for {@code doppel.*}, a
 * run-time property of an extension's configuration model (each Quarkus extension jar lists its properties, with
 * their environment variable names and phases, in META-INF/quarkus-config-doc) for {@code quarkus.*}. Then the
 * environment is bound to the app's configuration, as the app would bind it, and each service's role, storage and
 * lanes are checked to have taken effect.
 */
class ComposeEnvironmentTests {

    private static final Path COMPOSE = Path.of("docker/compose.yaml");
    private static final Path START_SH = Path.of("docker/start.sh");
    private static final Path APP_PROPERTIES = Path.of("src/main/resources/application.properties");
    /** The profile the images run with (QUARKUS_PROFILE in their ENV). */
    private static final String IMAGE_PROFILE = "pg";

    /** Read by something else than the app in the container. */
    private static final Map<String, String> READ_OUTSIDE_THE_APP = Map.of(
            "NVIDIA_DRIVER_CAPABILITIES", "the NVIDIA Container Toolkit");

    /** Never to be set: DJL would look for another libtorch, and download it. */
    private static final Set<String> FORBIDDEN = Set.of("PYTORCH_VERSION", "PYTORCH_FLAVOR", "PYTORCH_LIBRARY_PATH",
            "PYTORCH_PRECXX11");

    private static JsonNode compose;
    private static Knowledge app;

    @BeforeAll
    static void read() throws Exception {
        compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
        app = Knowledge.load();
    }

    @Test
    void everyVariableGivenToAnAppContainerIsOneTheAppReads() {
        Map<String, List<String>> problems = new TreeMap<>();
        for (String service : appServices()) {
            Map<String, String> env = new TreeMap<>(imageEnvironment(service));
            env.putAll(environment(service));
            for (String name : env.keySet()) {
                String problem = app.problemWith(name);
                if (problem != null) {
                    problems.computeIfAbsent(service, s -> new ArrayList<>()).add(name + ": " + problem);
                }
            }
        }
        assertThat(problems).as("variables in %s that nothing reads", COMPOSE).isEmpty();
    }

    /** The checker itself: a misspelt, an ignored, a forbidden and a build-time name are all caught. */
    @Test
    void aMisspeltIgnoredOrBuildTimeNameIsCaught() {
        assertThat(app.problemWith("DOPPEL_STORAGE_S3_BUCKTE")).contains("nothing reads");
        assertThat(app.problemWith("DOPPEL_JOBS_CPU_SLOTZ")).contains("nothing reads");
        assertThat(app.problemWith("QUARKUS_S3_ENDPOINT_OVERIDE")).contains("nothing reads");
        assertThat(app.problemWith("DOPPEL_PG_URI")).contains("nothing reads");
        assertThat(app.problemWith("PYTORCH_VERSION")).contains("download");
        assertThat(app.problemWith("QUARKUS_DATASOURCE_DB_KIND")).contains("build time");
        assertThat(app.problemWith("doppel.role")).contains("upper case");
        // and what compose relies on is known
        for (String known : List.of("DOPPEL_STORAGE_S3_BUCKET", "DOPPEL_JOBS_LANES", "DOPPEL_JOBS_GPU_SLOTS",
                "DOPPEL_HTTP_SECURE_COOKIES", "DOPPEL_PG_PASSWORD", "DOPPEL_APP_DIR", "QUARKUS_PROFILE",
                "QUARKUS_S3_ENDPOINT_OVERRIDE", "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY",
                "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "QUARKUS_DATASOURCE_JDBC_URL")) {
            assertThat(app.problemWith(known)).as(known).isNull();
        }
    }

    /**
     * Each app service's environment (compose's over its image's), bound as the app binds it: every mapping
     * converts its values (a lane list, a number, a size) and the role, storage and lanes are the intended ones.
     */
    @Test
    void theEnvironmentTakesEffect() throws Exception {
        List<Class<?>> mappings = app.mappings;
        assertThat(mappings).contains(DoppelConfig.class, StorageConfig.class, JobsConfig.class);
        for (String service : appServices()) {
            Map<String, String> env = new HashMap<>(imageEnvironment(service));
            env.putAll(environment(service));
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile(IMAGE_PROFILE)
                    .addDefaultInterceptors().addDiscoveredConverters()
                    .withSources(new EnvConfigSource(env, 300))
                    .withSources(new PropertiesConfigSource(APP_PROPERTIES.toUri().toURL(), 250));
            mappings.forEach(builder::withMapping);
            SmallRyeConfig config = builder.build();

            DoppelConfig doppel = config.getConfigMapping(DoppelConfig.class);
            StorageConfig storage = config.getConfigMapping(StorageConfig.class);
            assertThat(storage.kind()).as(service).isEqualTo("s3");
            assertThat(storage.s3().bucket()).as(service).isPresent();
            assertThat(config.getValue("quarkus.s3.endpoint-override", String.class)).as(service).startsWith("http");
            assertThat(config.getValue("quarkus.s3.aws.credentials.type", String.class)).as(service).isEqualTo("static");
            assertThat(config.getValue("quarkus.s3.aws.credentials.static-provider.secret-access-key", String.class))
                    .as(service).isEqualTo("test-DOPPEL_S3_SECRET_KEY");
            assertThat(config.getValue("quarkus.datasource.jdbc.url", String.class)).as(service)
                    .startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(config.getValue("quarkus.datasource.password", String.class)).as(service)
                    .isEqualTo("test-DOPPEL_PG_PASSWORD");
            assertThat(doppel.dataDir()).as(service).isEqualTo(Path.of("/var/lib/doppel"));
            if (service.equals("web")) {
                assertThat(doppel.role()).isEqualTo(Role.WEB);
                assertThat(config.getValue("quarkus.http.auth.session.encryption-key", String.class))
                        .isEqualTo("test-DOPPEL_SESSION_KEY");
            } else {
                assertThat(service).startsWith("worker-");
                assertThat(doppel.role()).as(service).isEqualTo(Role.WORKER);
                assertThat(config.getConfigMapping(JobsConfig.class).lanes()).as(service)
                        .containsExactlyInAnyOrder("cpu", "gpu");
            }
        }
    }

    /** The issue's shape: one web node, two GPU workers, sharing nothing but PostgreSQL and S3. */
    @Test
    void appContainersShareNothingButPostgresAndS3() {
        List<String> apps = appServices();
        assertThat(apps).contains("web", "worker-1", "worker-2");
        JsonNode services = compose.get("services");

        Map<String, String> volumeUsers = new HashMap<>();
        for (String service : apps) {
            for (JsonNode volume : services.get(service).path("volumes")) {
                String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
                String other = volumeUsers.putIfAbsent(source, service);
                assertThat(other).as("%s is mounted by both %s and %s", source, other, service).isNull();
            }
        }

        List<String> gpus = new ArrayList<>();
        for (String service : apps) {
            JsonNode s = services.get(service);
            assertThat(s.path("healthcheck").path("test").toString()).as(service).contains("/q/health/ready");
            assertThat(s.path("depends_on").path("postgres").path("condition").asText()).as(service)
                    .isEqualTo("service_healthy");
            if (service.startsWith("worker-")) {
                JsonNode devices = s.path("deploy").path("resources").path("reservations").path("devices");
                assertThat(devices.size()).as(service).isEqualTo(1);
                JsonNode device = devices.get(0);
                assertThat(device.path("driver").asText()).isEqualTo("nvidia");
                assertThat(device.path("capabilities").toString()).contains("gpu");
                assertThat(device.path("device_ids").size()).as("%s reserves one GPU by its index", service)
                        .isEqualTo(1);
                gpus.add(interpolate(device.path("device_ids").get(0).asText()));
                assertThat(s.path("build").path("dockerfile").asText()).isEqualTo("docker/worker-gpu.Dockerfile");
            }
        }
        assertThat(gpus).as("each worker its own GPU").doesNotHaveDuplicates();

        for (Map.Entry<String, JsonNode> service : fields(services)) {
            JsonNode s = service.getValue();
            // A one-shot (restart: "no") runs to its end; the others are waited on until healthy.
            if (!"no".equals(s.path("restart").asText())) {
                assertThat(s.has("healthcheck")).as("%s has a health check", service.getKey()).isTrue();
            }
            for (Map.Entry<String, JsonNode> dependency : fields(s.path("depends_on"))) {
                JsonNode target = services.get(dependency.getKey());
                String expected = "no".equals(target.path("restart").asText()) ? "service_completed_successfully"
                        : "service_healthy";
                assertThat(dependency.getValue().path("condition").asText()).as("%s on %s", service.getKey(),
                        dependency.getKey()).isEqualTo(expected);
            }
            // Secrets come from the environment of whoever runs compose, never from the file.
            for (Map.Entry<String, String> variable : rawEnvironment(service.getKey()).entrySet()) {
                if (variable.getKey().matches(".*(PASSWORD|SECRET|ENCRYPTION_KEY|ACCESS_KEY).*")) {
                    assertThat(variable.getValue()).as("%s in %s", variable.getKey(), service.getKey())
                            .matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
                }
            }
        }
    }

    // --- compose.yaml -------------------------------------------------------------------------------------------

    /** Services that run the app: built from one of the app's Dockerfiles. */
    private static List<String> appServices() {
        List<String> apps = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : fields(compose.get("services"))) {
            String dockerfile = service.getValue().path("build").path("dockerfile").asText("");
            if (dockerfile.startsWith("docker/") && Files.isRegularFile(Path.of(dockerfile))) {
                apps.add(service.getKey());
            }
        }
        return apps;
    }

    /** A service's environment as written (values not interpolated). */
    private static Map<String, String> rawEnvironment(String service) {
        JsonNode environment = compose.get("services").get(service).path("environment");
        assertThat(compose.get("services").get(service).has("env_file")).as("%s: env_file is not checked", service)
                .isFalse();
        Map<String, String> env = new LinkedHashMap<>();
        if (environment.isObject()) {
            for (Map.Entry<String, JsonNode> e : fields(environment)) {
                assertThat(e.getKey()).as("YAML merge keys are not followed by this test").isNotEqualTo("<<");
                env.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
        } else if (environment.isArray()) {
            for (JsonNode e : environment) {
                String[] kv = e.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        } else {
            assertThat(environment.isMissingNode()).as("%s: environment is a map or a list", service).isTrue();
        }
        return env;
    }

    /** A service's environment as the container gets it, with test values for the secrets. */
    private static Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        rawEnvironment(service).forEach((k, v) -> env.put(k, interpolate(v)));
        return env;
    }

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-?])([^}]*))?}");

    /** Compose's interpolation: ${VAR:-default} gives the default, a required ${VAR:?message} "test-VAR". */
    private static String interpolate(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = "-".equals(m.group(2)) ? m.group(3) : "test-" + m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().replace("$$", "$");
    }

    /** The ENV lines of the service's image. */
    private static Map<String, String> imageEnvironment(String service) {
        Path dockerfile = Path.of(compose.get("services").get(service).path("build").path("dockerfile").asText());
        String text;
        try {
            text = Files.readString(dockerfile).replace("\\\n", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Only the last stage is the image.
        text = text.substring(text.lastIndexOf("\nFROM "));
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("ENV ")) {
                for (String pair : line.substring(4).trim().split("\\s+")) {
                    String[] kv = pair.split("=", 2);
                    env.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
        }
        return env;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return new ArrayList<>(node.properties());
    }

    // --- what the app reads ------------------------------------------------------------------------------------

    /** Everything the app and its start script read, and how to tell a variable's fate. */
    private static final class Knowledge {
        final Set<String> startScript = new TreeSet<>();
        final Set<String> propertyExpressions = new TreeSet<>();
        final List<Pattern> runTime = new ArrayList<>();
        final List<Pattern> buildTime = new ArrayList<>();
        final List<Class<?>> mappings = new ArrayList<>();

        static Knowledge load() throws Exception {
            Knowledge k = new Knowledge();
            Matcher sh = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)").matcher(Files.readString(START_SH));
            while (sh.find()) {
                k.startScript.add(sh.group(1));
            }
            k.readApplicationProperties();
            k.readMappings();
            k.readExtensionModels();
            return k;
        }

        /** Keys (doppel.* ones count as known) and the ${NAME} expressions of lines active in the image. */
        private void readApplicationProperties() throws IOException {
            Pattern expression = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)");
            for (String line : Files.readAllLines(APP_PROPERTIES, StandardCharsets.UTF_8)) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                String key = line.substring(0, line.indexOf('=')).strip();
                if (key.startsWith("%")) {
                    List<String> profiles = List.of(key.substring(1, key.indexOf('.')).split(","));
                    if (!profiles.contains(IMAGE_PROFILE)) {
                        continue;
                    }
                    key = key.substring(key.indexOf('.') + 1);
                }
                Matcher m = expression.matcher(line.substring(line.indexOf('=') + 1));
                while (m.find()) {
                    propertyExpressions.add(m.group(1));
                }
                if (key.startsWith("doppel.")) {
                    runTime.add(envPattern(key));
                }
            }
        }

        /** The app's @ConfigMapping interfaces, from the compiled classes, and every property each one has. */
        private void readMappings() throws Exception {
            Path classes = Path.of(DoppelConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names;
            try (Stream<Path> files = Files.walk(classes)) {
                names = files.map(p -> classes.relativize(p).toString()).filter(p -> p.endsWith(".class"))
                        .map(p -> p.substring(0, p.length() - 6).replace('/', '.')).toList();
            }
            for (String name : names) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, ComposeEnvironmentTests.class.getClassLoader());
                } catch (LinkageError | ClassNotFoundException e) {
                    continue;
                }
                ConfigMapping mapping = type.isInterface() ? type.getAnnotation(ConfigMapping.class) : null;
                if (mapping != null) {
                    mappings.add(type);
                    ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(type, mapping.prefix()))
                            .keySet().forEach(property -> runTime.add(envPattern(property)));
                }
            }
        }

        /** Each extension's configuration model: property names (and aliases) with their phase. */
        private void readExtensionModels() throws IOException {
            ObjectMapper json = new ObjectMapper();
            List<URL> models = Collections.list(ComposeEnvironmentTests.class.getClassLoader()
                    .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"));
            assertThat(models).as("extension configuration models on the class path").isNotEmpty();
            for (URL url : models) {
                try (InputStream in = url.openStream()) {
                    collect(json.readTree(in));
                }
            }
        }

        private void collect(JsonNode node) {
            if (node.isObject() && node.path("@class").asText().endsWith(".ConfigProperty")) {
                List<Pattern> into = "RUN_TIME".equals(node.path("phase").asText()) ? runTime : buildTime;
                into.add(envPattern(node.path("path").path("property").asText()));
                for (JsonNode alias : node.path("additionalPaths")) {
                    into.add(envPattern(alias.path("property").asText()));
                }
            }
            node.forEach(this::collect);
        }

        /** Null when the variable is read; otherwise why it is not. */
        String problemWith(String name) {
            if (FORBIDDEN.contains(name)) {
                return "must never be set: DJL would look for another libtorch and try to download it";
            }
            if (!name.matches("[A-Z][A-Z0-9_]*")) {
                return "environment variables for the app are written in upper case with underscores";
            }
            if (startScript.contains(name) || propertyExpressions.contains(name)
                    || READ_OUTSIDE_THE_APP.containsKey(name) || matches(runTime, name)) {
                return null;
            }
            if (matches(buildTime, name)) {
                return "a property fixed at build time: setting it in a container changes nothing";
            }
            return "nothing reads it (not docker/start.sh, not application.properties, no configuration property)";
        }

        private static boolean matches(List<Pattern> patterns, String name) {
            return patterns.stream().anyMatch(p -> p.matcher(name).matches());
        }

        /**
         * The environment variable form of a property name, as MicroProfile Config maps it: each character other
         * than a letter or a digit becomes '_', letters upper case; a map key ("name" or *) or list index ([*])
         * stands for any such run.
         */
        static Pattern envPattern(String property) {
            String generic = property.replaceAll("\"[^\"]*\"", "*");
            StringBuilder regex = new StringBuilder();
            for (char c : generic.toCharArray()) {
                if (c == '*') {
                    regex.append("[A-Z0-9_]+");
                } else if (Character.isLetterOrDigit(c)) {
                    regex.append(Character.toUpperCase(c));
                } else {
                    regex.append('_');
                }
            }
            return Pattern.compile(regex.toString());
        }
    }
}
