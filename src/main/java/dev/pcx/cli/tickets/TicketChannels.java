package dev.pcx.cli.tickets;

import dev.pcx.cli.Context;
import dev.pcx.cli.CustomerRef;

import java.nio.file.Path;

/** The channel a reference names, with the customer of {@code -c} and the ledger of {@code --state}. */
final class TicketChannels {
    private TicketChannels() {
    }

    static TicketChannel<?> of(Context context, TicketRef ref, CustomerRef customer, Path ledger) {
        TicketCustomer c = new TicketCustomer(context, customer);
        return switch (ref.channel()) {
            case HANDOFF -> new HandOffChannel(context, ledger, null);
            case PARTNER_CENTER -> new ServiceRequestChannel(context, c);
            case AZURE -> new AzureChannel(context, c, ref.subscription());
        };
    }
}
