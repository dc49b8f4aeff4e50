package dev.pcx.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pcx.api.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What the sandbox keeps between runs, as JSON in its state file: how many customers it serves.
 * Written atomically (a temp file renamed over it), so a crash never leaves half a file.
 */
record SandboxState(int customers) {
    static final int DEFAULT_CUSTOMERS = 150;
    static final int MAX_CUSTOMERS = 100_000;

    static SandboxState load(Path file) {
        if (!Files.exists(file)) {
            return new SandboxState(DEFAULT_CUSTOMERS);
        }
        try {
            JsonNode node = Json.mapper().readTree(file.toFile());
            int n = node.path("customers").asInt(DEFAULT_CUSTOMERS);
            return new SandboxState(Math.max(1, Math.min(MAX_CUSTOMERS, n)));
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox state file " + file + " is unreadable ("
                    + e.getMessage().lines().findFirst().orElse("") + "); remove it to start the sandbox over", e);
        }
    }

    void save(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("customers", customers);
            Path tmp = Files.createTempFile(dir, ".state", ".tmp");
            try {
                Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox state " + file, e);
        }
    }
}
