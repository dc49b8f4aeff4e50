package dev.pcx.cli.tickets;

import dev.pcx.api.ApiException;
import dev.pcx.api.ServiceRequests;
import dev.pcx.api.WriteOnce;
import dev.pcx.api.model.ServiceRequest;
import dev.pcx.auth.Cloud;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.ExitCode;
import dev.pcx.output.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * A customer's Partner Center service requests (global only, app+user only): reads, and the two
 * writes, each sent once ({@link WriteOnce}): a write whose answer was lost is never sent again;
 * the request is read back, and what it shows is the outcome.
 */
final class ServiceRequestChannel extends TicketChannel<ServiceRequest> {
    private final TicketCustomer customer;
    private ServiceRequests api;

    ServiceRequestChannel(Context context, TicketCustomer customer) {
        super(context, "service request", ServiceRequest::closed);
        this.customer = customer;
    }

    /** Whether this run's cloud has service requests at all (21Vianet's has none). */
    static boolean offered(Context context) {
        return context.connections().connection().cloud() == Cloud.GLOBAL;
    }

    /** Stops before any call where the channel cannot be used: 21Vianet, no customer, app-only credentials. */
    ServiceRequests open(String what) {
        if (api != null) {
            return api;
        }
        if (!offered(context)) {
            throw new CliException(ExitCode.REFUSED, "Partner Center operated by 21Vianet has no service-request API: "
                    + "its requests are filed and followed in its portal (Support requests → Customer requests); "
                    + "'" + context.pcx("tickets create") + "' prepares one for you to submit");
        }
        customer.require(what, "request");
        context.requireAppUser("service requests (Partner Center allows them only on a person's behalf)");
        api = context.api().serviceRequests();
        return api;
    }

    @Override
    ServiceRequest get(String id) {
        ServiceRequests a = open("showing a service request");
        try {
            ServiceRequest sr = a.get(customer.tenantId(), id);
            Object owner = sr == null || sr.organization() == null ? null : sr.organization().get("id");
            if (owner instanceof String o && !o.isBlank() && !o.equalsIgnoreCase(customer.tenantId())) {
                // the documented route is the partner's: any customer's request answers there
                throw CliException.notFound("service request " + id + " is not the customer's (it belongs to "
                        + (sr.organization().get("name") instanceof String n ? n + ", " : "") + o + ") (see the "
                        + "customer's with: " + listing() + ")");
            }
            return sr;
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw CliException.notFound("the customer has no service request " + id + " (see them with: "
                        + listing() + ")");
            }
            throw e;
        }
    }

    @Override
    ServiceRequest note(String id, String text) {
        ServiceRequests a = open("a note");
        get(id);
        ServiceRequest after = writeOnce("the note", "the note on request " + id, id, "shows it added", "added")
                .missing(now -> "does not show the note: it was not added (or not yet)")
                .send(() -> a.note(customer.tenantId(), id, text), () -> a.get(customer.tenantId(), id),
                        now -> now.notesOrEmpty().stream().anyMatch(n -> text.strip().equals(n.text() == null ? null
                                : n.text().strip())));
        context.session().say("added a note to service request " + id);
        return after != null ? after : get(id);
    }

    @Override
    ServiceRequest closeOpen(ServiceRequest before, String id) {
        ServiceRequests a = open("closing a service request");
        ServiceRequest after;
        try {
            after = writeOnce("closing " + id, "closing request " + id, id, "shows it closed", "closed")
                    .missing(now -> "is still " + now.status() + ": it was not closed (or not yet)")
                    .send(() -> a.close(customer.tenantId(), id), () -> a.get(customer.tenantId(), id),
                            ServiceRequest::closed);
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
        context.session().say("closed service request " + id);
        return after != null ? after : get(id);
    }

    @Override
    List<ServiceRequest> list(String status, String key) {
        ServiceRequests a = open("listing service requests");
        String tenant = customer.tenantId();
        List<ServiceRequest> read = new ArrayList<>();
        try {
            a.list(tenant).forEach(-1, s -> {
                if (status == null || "all".equals(status) || status.equals(s.status())) {
                    read.add(s);
                }
            });
        } catch (ApiException e) {
            throw CustomerResolver.unknownTenantOr(e, tenant, context);
        }
        return read;
    }

    @Override
    Ticket view(ServiceRequest s) {
        return new Ticket(s.id(), TicketRef.Channel.PARTNER_CENTER, s.status(), s.severity(), s.title(),
                s.organization() == null ? null : String.valueOf(s.organization().get("name")), null,
                TicketKeys.keyOf(s), ServiceRequest.date(s.createdDate()), s);
    }

    @Override
    List<Column<ServiceRequest>> fields() {
        return TicketColumns.REQUEST;
    }

    private WriteOnce<ServiceRequest> writeOnce(String what, String whatIn, String id, String shows, String done) {
        String check = "check with: " + context.pcx("tickets show " + id + " -c " + customer.text());
        return WriteOnce.<ServiceRequest>of(new WriteOnce.Words(what, whatIn, "the request", shows, done), context.session()::say)
                .check(check).rerun("run the command again, or " + check);
    }

    private String listing() {
        return context.pcx("tickets list -c " + customer.text());
    }
}
