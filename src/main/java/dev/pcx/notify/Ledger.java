package dev.pcx.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pcx.api.Json;
import dev.pcx.auth.LocalFiles;
import dev.pcx.auth.LocalStateException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * The desk ledger: a file under the config directory (or {@code --state FILE}) holding what the
 * last poll knew and every event with its delivery to each destination. It has the credential
 * cache's safety: created 0600, replaced atomically (temp file, fsync, rename), and used under a
 * lock of its own, held by a run from reading what changed until its deliveries are recorded, so
 * two overlapping cron runs never both deliver one event.
 */
public final class Ledger {
    /** Events older than this are dropped from the file. */
    public static final Duration KEPT = Duration.ofDays(30);
    /** At most this many events are kept, the newest. */
    static final int MAX_EVENTS = 20_000;

    private final LocalFiles files;
    private final Path file;

    /**
     * @param chosen whether the user named the file ({@code --state}): its directory is used as it is
     *               (a CI cache), where pcx's own config directory must be private
     */
    public Ledger(Path file, boolean chosen) {
        this.file = file.toAbsolutePath();
        Path dir = this.file.getParent();
        this.files = new LocalFiles(dir, !chosen);
    }

    public Path file() {
        return file;
    }

    /** The ledger as it is now, read without the lock (it is only ever replaced whole). */
    public LedgerState read() {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new LedgerException(file + " is not a file (a directory, device or FIFO): give --state a file of "
                    + "its own", null);
        }
        LedgerState state;
        try {
            state = files.readJson(file, LedgerState.class, fix());
        } catch (LocalStateException e) {
            if (e.getMessage().contains("corrupt") || e.getMessage().contains("larger than")) {
                throw new LedgerException(file + " is not a pcx events ledger (" + (e.getMessage().contains("larger than")
                        ? "larger than 16 MiB" : "not the JSON pcx writes there") + "): " + fix(), e);
            }
            throw new LedgerException("cannot read " + file + " (" + reason(e) + "): give --state a file in a directory "
                    + "of yours", e);
        }
        if (state == null) {
            return new LedgerState();
        }
        if (state.version != LedgerState.VERSION) {
            throw new LedgerException(file + " was written by another version of pcx (version " + state.version
                    + "): " + fix(), null);
        }
        return state;
    }

    private String fix() {
        return "move it away, or give another --state (a new ledger's first poll records what is going on and tells "
                + "nobody)";
    }

    /**
     * Runs {@code work} holding the ledger's lock, on the ledger as it is; {@code work} saves it with
     * {@link Held#save()} as often as it needs to (each save is durable before it returns).
     *
     * @param waiting told once when another pcx holds the lock, before waiting for it
     */
    public <T> T hold(Runnable waiting, Function<Held, T> work) {
        try {
            return files.locked(file.getFileName() + ".lock", waiting, () -> work.apply(new Held(read())));
        } catch (LocalStateException e) {
            throw new LedgerException("cannot use " + file + " as the events ledger (" + reason(e)
                    + "): give --state a file in a directory of yours", e);
        }
    }

    /** What the system said, without the paths it repeats: {@code Not a directory}, {@code Permission denied}. */
    private static String reason(LocalStateException e) {
        String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        String line = String.valueOf(m).lines().findFirst().orElse("");
        int colon = line.lastIndexOf(": ");
        return colon >= 0 ? line.substring(colon + 2) : line;
    }

    /** The ledger while its lock is held. */
    public final class Held {
        private final LedgerState state;

        private Held(LedgerState state) {
            this.state = state;
        }

        public LedgerState state() {
            return state;
        }

        /** Writes the ledger (dropping events older than 30 days, beyond the newest 20,000). */
        public void save(Instant now) {
            Instant oldest = now.minus(KEPT);
            state.events.removeIf(e -> {
                Instant at = Instant.parse(e.event().at());
                return at.isBefore(oldest);
            });
            if (state.events.size() > MAX_EVENTS) {
                state.events.subList(0, state.events.size() - MAX_EVENTS).clear();
            }
            try {
                files.writeAtomically(file, Json.mapper().writeValueAsString(state).getBytes(StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
