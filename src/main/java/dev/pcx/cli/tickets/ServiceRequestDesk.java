package dev.pcx.cli.tickets;

import dev.pcx.api.ApiException;
import dev.pcx.api.OutcomeUnknownException;
import dev.pcx.api.ServiceRequests;
import dev.pcx.api.TransportException;
import dev.pcx.api.model.ServiceRequest;
import dev.pcx.auth.Cloud;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.ExitCode;

import java.util.regex.Pattern;

/**
 * A customer's Partner Center service requests (global only, app+user only): reads, and the two
 * writes, each sent once. A write whose answer was lost is never sent again: the request is read
 * back, and what it shows is the outcome (applied; not applied; or unknown, with the command that
 * checks).
 */
final class ServiceRequestDesk {
    /** Partner Center's ids: up to 16 digits, or digits, a dash and 13 digits. */
    private static final Pattern ID = Pattern.compile("\\d{1,16}|\\d{1,6}-\\d{13}");

    private final Context context;
    private final String customerText;
    private String tenantId;

    ServiceRequestDesk(Context context, String customerText) {
        this.context = context;
        this.customerText = customerText;
    }

    static boolean isId(String id) {
        return id != null && ID.matcher(id.trim()).matches();
    }

    static boolean isHandOff(String id) {
        return id != null && id.trim().toLowerCase(java.util.Locale.ROOT).startsWith("local-");
    }

    /** Whether this run's cloud has service requests at all (21Vianet's has none). */
    static boolean offered(Context context) {
        return context.connection().cloud() == Cloud.GLOBAL;
    }

    /** Stops before any call where the channel cannot be used: 21Vianet, app-only credentials, no customer. */
    ServiceRequests open(String what) {
        if (!offered(context)) {
            throw new CliException(ExitCode.REFUSED, "Partner Center operated by 21Vianet has no service-request API: "
                    + "its requests are filed and followed in its portal (Support requests → Customer requests); "
                    + "'" + context.pcx("tickets create") + "' prepares one for you to submit");
        }
        if (customerText == null || customerText.isBlank()) {
            throw CliException.usage(what + " needs the customer whose request it is: add -c CUSTOMER");
        }
        context.requireAppUser("service requests (Partner Center allows them only on a person's behalf)");
        return context.api().serviceRequests();
    }

    String tenantId() {
        if (tenantId == null) {
            tenantId = new CustomerResolver(context).tenantId(customerText);
        }
        return tenantId;
    }

    ServiceRequest get(ServiceRequests api, String id) {
        try {
            ServiceRequest sr = api.get(tenantId(), id);
            Object owner = sr == null || sr.organization() == null ? null : sr.organization().get("id");
            if (owner instanceof String o && !o.isBlank() && !o.equalsIgnoreCase(tenantId())) {
                // the documented route is the partner's: any customer's request answers there
                throw CliException.notFound("service request " + id + " is not the customer's (it belongs to "
                        + (sr.organization().get("name") instanceof String n ? n + ", " : "") + o + ") (see the customer's "
                        + "with: " + context.pcx("tickets list -c " + customerText) + ")");
            }
            return sr;
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw CliException.notFound("the customer has no service request " + id + " (see them with: "
                        + context.pcx("tickets list -c " + customerText) + ")");
            }
            throw e;
        }
    }

    /** Adds {@code text} as a note; the request as it is afterwards. */
    ServiceRequest note(ServiceRequests api, String id, String text) {
        get(api, id);
        ServiceRequest after;
        try {
            after = api.note(tenantId(), id, text);
        } catch (TransportException lost) {
            ServiceRequest now = readBack(api, id, lost, "the note");
            if (now.notesOrEmpty().stream().anyMatch(n -> text.strip().equals(n.text() == null ? null : n.text().strip()))) {
                context.say("the answer to the note was lost; the request shows it added");
                return now;
            }
            throw new TransportException("the answer to the note on request " + id + " was lost (" + lost.getMessage()
                    + "), and the request does not show the note: it was not added (or not yet)", lost.target(), lost,
                    "run the command again, or check with: " + context.pcx("tickets show " + id + " -c " + customerText));
        }
        return after != null ? after : get(api, id);
    }

    /** Closes the request; null when it was closed already (nothing is sent). */
    ServiceRequest close(ServiceRequests api, String id) {
        ServiceRequest before = get(api, id);
        if (before.closed()) {
            return null;
        }
        ServiceRequest after;
        try {
            after = api.close(tenantId(), id);
        } catch (TransportException lost) {
            ServiceRequest now = readBack(api, id, lost, "closing");
            if (now.closed()) {
                context.say("the answer to closing " + id + " was lost; the request shows it closed");
                return now;
            }
            throw new TransportException("the answer to closing request " + id + " was lost (" + lost.getMessage()
                    + "), and the request is still " + now.status() + ": it was not closed (or not yet)", lost.target(),
                    lost, "run the command again, or check with: " + context.pcx("tickets show " + id + " -c " + customerText));
        } catch (ApiException e) {
            if (e.status() >= 400 && e.status() < 500 && e.status() != 401 && e.status() != 404 && e.status() != 429) {
                throw new CliException(ExitCode.REFUSED, "Partner Center refused to close request " + id + " ("
                        + e.status() + (e.description() == null ? "" : ": " + e.description()) + ")"
                        + (e.requestId() == null ? "" : " (request id " + e.requestId() + ")")
                        + "; closing through the API is undocumented: close it in Partner Center (Support requests → "
                        + "Customer requests)");
            }
            throw e;
        }
        return after != null ? after : get(api, id);
    }

    private ServiceRequest readBack(ServiceRequests api, String id, TransportException lost, String what) {
        try {
            return api.get(tenantId(), id);
        } catch (RuntimeException unreadable) {
            throw new OutcomeUnknownException("the answer to " + what + " on request " + id + " was lost ("
                    + lost.getMessage() + "), and the request could not be read again: it may or may not have been "
                    + "applied", lost.target(), lost, "check with: " + context.pcx("tickets show " + id + " -c "
                    + customerText));
        }
    }
}
