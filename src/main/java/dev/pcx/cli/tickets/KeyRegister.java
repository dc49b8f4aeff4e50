package dev.pcx.cli.tickets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.pcx.api.Json;
import dev.pcx.auth.LocalFiles;
import dev.pcx.auth.LocalStateException;
import dev.pcx.cli.CliException;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which request each {@code --key} has named on this machine, whatever the channel: a key names one
 * request, so a job that moved from a hand-off to the Azure Support API (or back) with the same key
 * is stopped instead of making a second request. Kept in {@code keys.json} in the ticket ledger
 * beside the hand-offs (which name their own keys), 0600, written under the directory's lock.
 */
final class KeyRegister {
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };
    private final LocalFiles files;
    private final Path file;
    private final HandOffStore handOffs;

    /** The register in {@code ledger}, the ticket ledger's directory ({@link TicketState}). */
    KeyRegister(Path ledger) {
        this.files = new LocalFiles(ledger);
        this.file = files.file("keys.json");
        this.handOffs = new HandOffStore(ledger);
    }

    /** What {@code key} names outside the hand-offs (an Azure ticket), or null. */
    private String azure(String key) {
        Map<String, String> keys = HandOffStore.read(files, file, MAP);
        return keys == null ? null : keys.get(key);
    }

    /** Before a hand-off with {@code key}: refused when the key named an Azure ticket. */
    void checkForHandOff(String key) {
        String azure = key == null ? null : azure(key);
        if (azure != null) {
            throw CliException.usage("key " + key + " already names " + azure + ": a key names one request, on one "
                    + "channel; give this request its own key");
        }
    }

    /** Before an Azure ticket with {@code key}: refused when the key named a hand-off. */
    void checkForAzure(String key) {
        if (key == null) {
            return;
        }
        for (HandOff h : handOffs.all()) {
            if (key.equals(h.key())) {
                throw CliException.usage("key " + key + " already names hand-off " + h.id() + " (" + h.customerName()
                        + "): a key names one request, on one channel; give this request its own key, or see that "
                        + "one with 'pcx tickets show " + h.id() + "'");
            }
        }
    }

    /** After an Azure ticket was filed (or found) for {@code key}. */
    void azureFiled(String key, String subscription, String name) {
        if (key == null) {
            return;
        }
        files.locked(() -> {
            TreeMap<String, String> read = HandOffStore.read(files, file, MAP);
            TreeMap<String, String> keys = read == null ? new TreeMap<>() : read;
            keys.put(key, "Azure support ticket " + name + " on subscription " + subscription);
            try {
                files.writeAtomically(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(keys));
            } catch (JacksonException e) {
                throw new LocalStateException("cannot write " + file + ": " + e.getOriginalMessage(), e);
            }
            return null;
        });
    }
}
