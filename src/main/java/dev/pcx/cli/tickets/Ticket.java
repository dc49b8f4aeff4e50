package dev.pcx.cli.tickets;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.pcx.output.Column;

import java.util.List;

/**
 * A request as every channel's listing shows it, whatever the channel: plain columns for tables,
 * CSV and TSV, while JSON keeps the request as its channel has it ({@link #source}: Partner
 * Center's as it sent it, Azure's as it sent it, a hand-off as it is kept).
 *
 * @param reference the operator's case number (a hand-off) or Azure's ticket number
 * @param source    the request as its channel has it
 */
record Ticket(String id, TicketRef.Channel channel, String status, String severity, String title, String customer,
              String reference, String key, String created, Object source) {

    /** What JSON prints: the request as its channel has it. */
    @JsonValue
    Object json() {
        return source;
    }

    /** Every channel's requests in one listing. */
    static final List<Column<Ticket>> LIST = List.of(
            Column.of("Id", Ticket::id),
            Column.<Ticket>of("Channel", t -> t.channel().wire()).optional(2),
            Column.of("Status", Ticket::status),
            Column.<Ticket>of("Reference", Ticket::reference).optional(2),
            Column.of("Severity", Ticket::severity),
            Column.shrinking("Title", Ticket::title),
            Column.<Ticket>of("Customer", Ticket::customer).optional(1),
            Column.<Ticket>of("Key", Ticket::key).optional(4),
            Column.<Ticket>of("Created", Ticket::created).optional(3));
}
