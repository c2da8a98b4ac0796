package dev.doppel.account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Without a fixed key, Quarkus encrypts session cookies with a random key per start, so every restart signs
 * everyone out. On the embedded default the key is made once and kept in the data directory; a deployment with
 * several web nodes sets {@code quarkus.http.auth.session.encryption-key} for all of them instead.
 */
public class SessionKeyConfigSourceFactory implements ConfigSourceFactory {

    static final String KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue explicit = context.getValue(KEY_PROPERTY);
        if (explicit != null && explicit.getValue() != null && !explicit.getValue().isBlank()) {
            return List.of();
        }
        ConfigValue dataDir = context.getValue("doppel.data-dir");
        Path dir = Path.of(dataDir != null && dataDir.getValue() != null ? dataDir.getValue() : "./data");
        String key = readOrCreate(dir.resolve("secrets").resolve("session.key"));
        return List.of(new PropertiesConfigSource(Map.of(KEY_PROPERTY, key), "doppel-session-key", 50));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path tmp = Files.createTempFile(file.getParent(), "session", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Base64.getEncoder().encodeToString(random));
                try {
                    Files.move(tmp, file);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key at " + file, e);
        }
    }
}
