package dev.pcx.cli.tickets;

import dev.pcx.api.model.Customer;
import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerResolver;

/**
 * The customer a ticket verb names with {@code -c}, resolved once, when a channel first needs it
 * (after the channel's own refusals, so 21Vianet or the wrong credentials are said before any
 * call), and handed to every channel the command uses.
 */
final class TicketCustomer {
    private final Context context;
    private final String text;
    private Customer resolved;

    TicketCustomer(Context context, String text) {
        this.context = context;
        this.text = text == null || text.isBlank() ? null : text.trim();
    }

    /** A customer already resolved (escalate's). */
    static TicketCustomer of(Context context, Customer c, String text) {
        TicketCustomer t = new TicketCustomer(context, text);
        t.resolved = c;
        return t;
    }

    /** Whether {@code -c} was given. */
    boolean given() {
        return text != null;
    }

    /** What was typed, for the commands pcx suggests. */
    String text() {
        return text;
    }

    /** Stops {@code what} when no customer was given. */
    void require(String what, String whose) {
        if (text == null) {
            throw CliException.usage(what + " needs the customer whose " + whose + " it is: add -c CUSTOMER");
        }
    }

    /** The customer, resolved on first use. */
    Customer customer() {
        if (resolved == null) {
            resolved = new CustomerResolver(context).resolve(text);
        }
        return resolved;
    }

    /** The customer's tenant id: a tenant id typed is taken as it is, without a call. */
    String tenantId() {
        if (resolved == null && CustomerResolver.kind(text) == CustomerResolver.Kind.TENANT_ID) {
            return new CustomerResolver(context).tenantId(text);
        }
        return customer().tenantId();
    }
}
