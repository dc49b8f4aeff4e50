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
 * Which request each {@code --key} has named on this machine, whatever the channel: the one index
 * of keys, owning both files that hold them. A key names one request, for one customer, on one
 * channel: a retried job finds the request its key named, and a job that moved from a hand-off to
 * the Azure Support API (or back), or to another customer, with the same key is stopped instead
 * of making a second request. The hand-offs name their own keys ({@code handoffs.json}); the keys
 * of Azure tickets are kept in {@code keys.json} beside them, 0600, written under the directory's
 * lock.
 */
final class KeyIndex {
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };
    private final LocalFiles files;
    private final Path file;
    private final HandOffStore handOffs;

    /** The register in {@code ledger}, the ticket ledger's directory ({@link TicketState}). */
    KeyIndex(Path ledger) {
        this.files = new LocalFiles(ledger);
        this.file = files.file("keys.json");
        this.handOffs = new HandOffStore(ledger);
    }

    /** What {@code key} names outside the hand-offs (an Azure ticket), or null. */
    private String azure(String key) {
        Map<String, String> keys = HandOffStore.read(files, file, MAP);
        return keys == null ? null : keys.get(key);
    }

    /**
     * The hand-off kept for {@code key} (null when none, or no key): a retried job finds its request
     * without a call. A key that named an Azure ticket, or a hand-off for another customer, is a
     * usage error.
     */
    HandOff handOff(String key, String customerText) {
        if (key == null) {
            return null;
        }
        String azure = azure(key);
        if (azure != null) {
            throw CliException.usage("key " + key + " already names " + azure + ": a key names one request, on one "
                    + "channel; give this request its own key");
        }
        for (HandOff h : handOffs.all()) {
            if (key.equals(h.key())) {
                if (!HandOffChannel.sameCustomer(h, customerText)) {
                    throw CliException.usage("key " + key + " was used for another customer (" + h.customerName()
                            + ", " + h.customerTenantId() + ") in " + h.id() + ": give each request its own key");
                }
                return h;
            }
        }
        return null;
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
