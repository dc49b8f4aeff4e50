package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerRef;
import dev.pcx.cli.CustomerResolver;
import dev.pcx.cli.ResolvedCustomer;

/**
 * The customer a ticket verb names with {@code -c}, resolved once, when a channel first needs it
 * (after the channel's own refusals, so 21Vianet or the wrong credentials are said before any
 * call), and handed to every channel the command uses.
 */
final class TicketCustomer {
    private final Context context;
    private final CustomerRef ref;
    private ResolvedCustomer resolved;
    private boolean named;

    /** The customer {@code ref} names; null when -c was not given. */
    TicketCustomer(Context context, CustomerRef ref) {
        this.context = context;
        this.ref = ref;
    }

    /** Whether {@code -c} was given. */
    boolean given() {
        return ref != null;
    }

    /** What was typed, for the commands pcx suggests; null without -c. */
    String text() {
        return ref == null ? null : ref.text();
    }

    /** Stops {@code what} when no customer was given. */
    void require(String what, String whose) {
        if (ref == null) {
            throw CliException.usage(what + " needs the customer whose " + whose + " it is: add -c CUSTOMER");
        }
    }

    /** The customer's tenant id: a tenant id typed is taken as it is, without a call. */
    String tenantId() {
        if (resolved == null) {
            resolved = new CustomerResolver(context).resolve(ref);
        }
        return resolved.tenantId();
    }

    /** The customer with its name and domain (one read when a tenant id was typed). */
    ResolvedCustomer named() {
        if (!named) {
            // a search hit already carries its name and domain; a tenant id taken as typed does not
            resolved = resolved != null && ref.kind() != CustomerResolver.Kind.TENANT_ID ? resolved
                    : new CustomerResolver(context).resolveNamed(ref);
            named = true;
        }
        return resolved;
    }
}
