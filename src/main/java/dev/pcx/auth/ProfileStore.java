package dev.pcx.auth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pcx.api.Json;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Profiles ({@code config.json}) and their credentials ({@code credentials.json}) under
 * {@code $PCX_CONFIG_DIR}. Every change is a read-modify-write under the directory lock, so two
 * pcx processes never lose each other's update; a corrupt file is reported, never overwritten.
 */
public final class ProfileStore {
    public static final String DEFAULT_PROFILE = "default";
    static final String CONFIG = "config.json";
    static final String CREDENTIALS = "credentials.json";

    /** pcx's one mapper (a second one costs tens of milliseconds at every start). */
    private static final ObjectMapper MAPPER = Json.mapper();

    /** {@code config.json}. */
    public record Config(String current, Map<String, Profile> profiles) {
        public Config {
            profiles = profiles == null ? new TreeMap<>() : new TreeMap<>(profiles);
        }

        static Config empty() {
            return new Config(null, null);
        }

        /** The profile used without --profile: the current one, else {@code default}. */
        public String currentOrDefault() {
            return current == null || current.isBlank() ? DEFAULT_PROFILE : current;
        }
    }

    /** {@code credentials.json}. */
    public record Credentials(Map<String, StoredCredential> profiles) {
        public Credentials {
            profiles = profiles == null ? new TreeMap<>() : new TreeMap<>(profiles);
        }
    }

    private final LocalFiles files;

    public ProfileStore(Path dir) {
        this.files = new LocalFiles(dir);
    }

    public LocalFiles files() {
        return files;
    }

    public Path credentialsFile() {
        return files.file(CREDENTIALS);
    }

    public Path configFile() {
        return files.file(CONFIG);
    }

    public Config config() {
        files.checkDir();
        return read(files.file(CONFIG), Config.class, Config.empty());
    }

    public Credentials credentials() {
        files.checkDir();
        files.checkSecret(files.file(CREDENTIALS));
        return read(files.file(CREDENTIALS), Credentials.class, new Credentials(null));
    }

    public Config updateConfig(UnaryOperator<Config> change) {
        return files.locked(() -> {
            Config next = change.apply(config());
            write(files.file(CONFIG), next);
            return next;
        });
    }

    public Credentials updateCredentials(UnaryOperator<Credentials> change) {
        return files.locked(() -> {
            Credentials next = change.apply(credentials());
            write(files.file(CREDENTIALS), next);
            return next;
        });
    }

    /** Runs {@code work} under the lock, for a read-check-refresh-write that must not interleave. */
    public <T> T locked(Supplier<T> work) {
        return files.locked(work);
    }

    /** Deletes the tokens kept for {@code profile} in other tenants (Microsoft Graph, for service health); null: every profile's. */
    public void forgetTenantTokens(String profile) {
        if (profile == null) {
            TenantTokenCache.forgetAll(this);
        } else {
            TenantTokenCache.forget(this, profile);
        }
    }

    public void saveCredential(String profile, StoredCredential credential) {
        updateCredentials(c -> {
            c.profiles().put(profile, credential);
            return c;
        });
    }

    private <T> T read(Path file, Class<T> type, T absent) {
        T value = files.readJson(file, type, "move it away, or run 'pcx auth logout --all', then 'pcx auth login'");
        return value == null ? absent : value;
    }

    private void write(Path file, Object value) {
        try {
            files.writeAtomically(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        } catch (JacksonException e) {
            throw new LocalStateException("cannot write " + file + ": " + e.getOriginalMessage(), e);
        }
    }
}
