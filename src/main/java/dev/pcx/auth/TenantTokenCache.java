package dev.pcx.auth;

import com.fasterxml.jackson.core.JacksonException;
import dev.pcx.api.Json;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A profile's access tokens for other tenants (Microsoft Graph, Azure Resource Manager in customers'
 * tenants), one small file per tenant and resource under
 * {@code $PCX_CONFIG_DIR/tenant-tokens/<profile>/} ({@code <tenant>@<resource host>.json}), so a run over thousands
 * of customers writes each once: kept with the credential cache's care (directory 0700, files 0600
 * from their first byte, replaced atomically: a cache, so not forced to disk and with no lock between
 * tenants; a file too open or corrupt
 * reported, never used or overwritten) and never printed.
 */
final class TenantTokenCache {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    /** What is kept for a tenant: the token, its expiry (ISO-8601) and the scope it was asked for. */
    record Entry(String accessToken, String expiresAt, String scope) {
        Instant expiry() {
            try {
                return expiresAt == null ? null : Instant.parse(expiresAt);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private final LocalFiles files;

    TenantTokenCache(ProfileStore store, String profile) {
        this.files = new LocalFiles(store.files().dir().resolve("tenant-tokens").resolve(safe(profile)));
    }

    private static String safe(String name) {
        if (SAFE.matcher(name).matches() && !name.contains("..")) {
            return name;
        }
        StringBuilder hex = new StringBuilder("_");
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hex.append(String.format(Locale.ROOT, "%02x", b));
        }
        return hex.toString();
    }

    /** {@code <tenant>@<host of the scope's resource>.json}: a tenant's Graph and ARM tokens side by side. */
    private Path file(String tenant, String scope) {
        HttpUrl resource = scope == null ? null : HttpUrl.parse(scope.split(" ")[0]);
        String host = resource == null ? "other" : resource.host();
        return files.file(safe(tenant.toLowerCase(Locale.ROOT) + "@" + host.toLowerCase(Locale.ROOT)) + ".json");
    }

    /** The kept entry for {@code tenant} and {@code scope}, or null. */
    Entry read(String tenant, String scope) {
        Path file = file(tenant, scope);
        files.checkDir();
        files.checkSecret(file);
        return files.readJson(file, Entry.class, "delete it, and pcx gets a new token for that tenant");
    }

    /** Forgets the tokens kept for every profile ({@code pcx auth logout --all}), whatever config.json says. */
    static void forgetAll(ProfileStore store) {
        Path root = store.files().dir().resolve("tenant-tokens");
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).forEach(d -> clear(new LocalFiles(d)));
        } catch (IOException e) {
            throw new LocalStateException("cannot clear " + root + ": " + e.getMessage(), e);
        }
    }

    /** Forgets every token kept for the profile ({@code pcx auth logout}). */
    static void forget(ProfileStore store, String profile) {
        clear(new TenantTokenCache(store, profile).files);
    }

    private static void clear(LocalFiles files) {
        if (!Files.isDirectory(files.dir())) {
            return;
        }
        files.locked(() -> {
            try (var list = Files.list(files.dir())) {
                list.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(files::delete);
            } catch (IOException e) {
                throw new LocalStateException("cannot clear " + files.dir() + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    void write(String tenant, TokenResult token, String scope) {
        Entry entry = new Entry(token.accessToken(), token.expiresAt() == null ? null : token.expiresAt().toString(),
                scope);
        // each tenant's token is a file of its own, replaced atomically: writers of different tenants
        // need no lock between them (a fan-out writes thousands), and two of one tenant both leave a
        // whole, valid token
        try {
            files.replaceCache(file(tenant, scope), Json.mapper().writeValueAsBytes(entry));
        } catch (JacksonException e) {
            throw new LocalStateException("cannot write a token for " + tenant + ": " + e.getOriginalMessage(), e);
        }
    }
}
