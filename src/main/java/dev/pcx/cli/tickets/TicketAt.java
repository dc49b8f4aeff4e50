package dev.pcx.cli.tickets;

import dev.pcx.cli.Context;
import dev.pcx.cli.OptionalCustomerOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where an existing ticket is, for the verbs that take one by its id (show, note, close): the
 * customer ({@code -c}), the Azure subscription of an Azure support ticket, and the ticket ledger.
 */
final class TicketAt {
    @Mixin
    OptionalCustomerOption customer;

    @Option(names = "--azure-subscription", paramLabel = "ID",
            description = "The customer's Azure subscription whose support ticket it is (Azure Support API)")
    String subscription;

    @Mixin
    TicketState state;

    /** {@code id} parsed once: which channel it is on, and its id there. */
    TicketRef ref(String id) {
        return TicketRef.parse(id, subscription);
    }

    /** The channel {@code ref} is on. */
    TicketChannel<?> channel(Context context, TicketRef ref) {
        return TicketChannels.of(context, ref, customer.customer, state.ledger(context));
    }
}
