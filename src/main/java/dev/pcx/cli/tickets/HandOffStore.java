package dev.pcx.cli.tickets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.pcx.api.Json;
import dev.pcx.auth.LocalFiles;
import dev.pcx.auth.LocalStateException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The hand-offs pcx prepared and what became of them, kept in {@code handoffs.json} in the ticket
 * ledger's directory ({@link TicketState}: {@code $PCX_CONFIG_DIR/tickets} unless moved) so nothing a
 * person typed is lost: the directory 0700, the file 0600 from its first byte, written atomically
 * under the directory's lock (parallel CI jobs on one runner never lose one), a file that is too
 * open or corrupt reported, never used or overwritten.
 */
final class HandOffStore {
    private static final TypeReference<List<HandOff>> LIST = new TypeReference<>() {
    };
    private final LocalFiles files;
    private final Path file;

    /** The store in {@code ledger}, the ticket ledger's directory. */
    HandOffStore(Path ledger) {
        this.files = new LocalFiles(ledger);
        this.file = files.file("handoffs.json");
    }

    Path file() {
        return file;
    }

    /** Every kept hand-off, oldest first. */
    List<HandOff> all() {
        List<HandOff> list = read(files, file, LIST);
        return list == null ? List.of() : list;
    }

    /**
     * One of the tickets' state files, read as {@code type}; null when it is absent or empty. A
     * file too open or corrupt is reported, never used or overwritten.
     */
    static <T> T read(LocalFiles files, Path file, TypeReference<T> type) {
        files.checkDir();
        files.checkSecret(file);
        return files.readJson(file, type, "move it away to start a new one");
    }

    /** The hand-off kept under {@code id}, or null. */
    HandOff byId(String id) {
        return all().stream().filter(h -> h.id().equalsIgnoreCase(id)).findFirst().orElse(null);
    }

    /** The result of {@link #keep}: the hand-off, and whether it was kept before. */
    record Kept(HandOff handOff, boolean existed) {
    }

    /**
     * Under the lock: the hand-off already kept for {@code key} (when given), else the one
     * {@code make} builds from the next free id, appended.
     */
    Kept keep(String key, Function<String, HandOff> make) {
        return files.locked(() -> {
            List<HandOff> list = new ArrayList<>(all());
            if (key != null) {
                for (HandOff h : list) {
                    if (key.equals(h.key())) {
                        return new Kept(h, true);
                    }
                }
            }
            int next = 1;
            for (HandOff h : list) {
                if (h.id() != null && h.id().startsWith("local-")) {
                    try {
                        next = Math.max(next, Integer.parseInt(h.id().substring(6)) + 1);
                    } catch (NumberFormatException ignored) {
                        // not one of pcx's ids
                    }
                }
            }
            HandOff made = make.apply("local-" + next);
            list.add(made);
            write(list);
            return new Kept(made, false);
        });
    }

    /**
     * Under the lock: the hand-off kept as {@code id} replaced by what {@code change} makes of it
     * (returned), or null when none is kept as {@code id}.
     */
    HandOff update(String id, UnaryOperator<HandOff> change) {
        return files.locked(() -> {
            List<HandOff> list = new ArrayList<>(all());
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equalsIgnoreCase(id)) {
                    HandOff changed = change.apply(list.get(i));
                    if (changed != list.get(i)) {
                        list.set(i, changed);
                        write(list);
                    }
                    return changed;
                }
            }
            return null;
        });
    }

    private void write(List<HandOff> list) {
        try {
            files.writeAtomically(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(list));
        } catch (JacksonException e) {
            throw new LocalStateException("cannot write " + file + ": " + e.getOriginalMessage(), e);
        }
    }
}
