package dev.pcx.cli.tickets;

import dev.pcx.api.model.ManagedService;
import dev.pcx.auth.Cloud;
import dev.pcx.auth.CredentialKind;
import dev.pcx.cli.Browser;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import dev.pcx.cli.ResolvedCustomer;
import dev.pcx.cli.VersionProvider;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Prepares hand-offs: finds the customer, gathers the links it knows, composes the request and
 * keeps it, reusing the one kept for the same key instead of preparing it twice.
 */
final class HandOffs {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}");
    private final Context context;
    private final Path ledger;
    private final HandOffStore store;

    /** Hand-offs kept in {@code ledger}, the ticket ledger's directory ({@link TicketState}). */
    HandOffs(Context context, Path ledger) {
        this.context = context;
        this.ledger = ledger;
        this.store = new HandOffStore(ledger);
    }

    /** {@code --key} checked and trimmed, or null. */
    static String key(String given) {
        if (given == null) {
            return null;
        }
        if (!KEY.matcher(given.trim()).matches()) {
            throw CliException.usage("'" + given + "' is not a key: up to 100 letters, digits and . _ : / - (--key)");
        }
        return given.trim();
    }

    Path file() {
        return store.file();
    }

    HandOffStore store() {
        return store;
    }

    /** The hand-off for {@code request} to {@code customer}: the one kept for its key, else a new one. */
    HandOffStore.Kept prepare(TicketCustomer customer, HandOffComposer.Request request) {
        HandOff h = new KeyIndex(ledger).handOff(request.key(), customer.text());
        return h != null ? new HandOffStore.Kept(h, true) : prepare(customer.named(), request);
    }

    /** A new hand-off for {@code request} to {@code c} (or, under the store's lock, the one kept for its key). */
    HandOffStore.Kept prepare(ResolvedCustomer c, HandOffComposer.Request request) {
        Cloud cloud = context.connections().connection().cloud();
        List<HandOff.PortalLink> links = request.azure() ? HandOffComposer.azureLinks(cloud)
                : HandOffComposer.links(cloud, adminLinks(c.tenantId(), request.service()));
        String now = now();
        HandOffComposer.Customer who = new HandOffComposer.Customer(c.tenantId(), c.domain(), c.name());
        return store.keep(request.key(), id -> HandOffComposer.compose(id, cloud, who, request, links, now,
                VersionProvider.version()));
    }

    String now() {
        return Instant.now(context.session().clock()).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * Says what became of the request (on stderr), prints it, and returns the exit code: 8 (handed
     * off), or {@code replayExit} when it was kept for its key before and that is given.
     */
    int handOver(HandOffStore.Kept kept, Integer replayExit) {
        report(kept);
        new HandOffChannel(context, ledger, null).show(kept.handOff().shown(kept.existed()));
        return kept.existed() && replayExit != null ? replayExit : ExitCode.HANDED_OFF;
    }

    private void report(HandOffStore.Kept kept) {
        HandOff h = kept.handOff();
        if (kept.existed()) {
            String since = HandOff.PREPARED.equals(h.status()) ? ""
                    : " (" + h.status() + (h.reference() == null ? "" : ", case " + h.reference()) + ")";
            context.session().say("replayed: the request for key " + h.key() + " was prepared at " + h.createdDateTime() + " as "
                    + h.id() + since + "; shown again, not prepared twice");
        } else {
            context.session().say("prepared " + h.id() + " for a person to submit (kept in " + store.file() + ")");
        }
    }

    /**
     * The admin-portal links of the customer's managed services for {@code service} (all of them
     * when none matches). Partner Center gives them only to a person: with app-only credentials, or
     * when they cannot be read, the hand-off goes without them and says so.
     */
    private List<HandOff.PortalLink> adminLinks(String tenantId, String service) {
        if (context.connections().connection().credentials().kind() == CredentialKind.APP_ONLY) {
            context.session().say("note: the customer's admin-portal links are given only to a person (app+user); "
                    + "the request goes without them");
            return List.of();
        }
        List<ManagedService> all = new ArrayList<>();
        try {
            context.api().subscriptions().managedServices(tenantId).forEach(-1, all::add);
        } catch (RuntimeException e) {
            context.session().say("note: could not read the customer's managed services (" + e.getMessage()
                    + "); the request goes without their admin-portal links");
            return List.of();
        }
        String want = service.toLowerCase(Locale.ROOT);
        List<ManagedService> matching = all.stream().filter(s -> s.name() != null
                && s.name().toLowerCase(Locale.ROOT).contains(want)).toList();
        List<HandOff.PortalLink> links = new ArrayList<>();
        for (ManagedService s : matching.isEmpty() ? all : matching) {
            String url = s.link("adminService");
            if (url != null && Browser.portalUrl(url) != null) {
                links.add(new HandOff.PortalLink("Admin portal of " + s.name() + " (on the customer's behalf)",
                        Browser.portalUrl(url)));
            }
        }
        return links;
    }
}
