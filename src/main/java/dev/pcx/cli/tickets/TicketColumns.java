package dev.pcx.cli.tickets;

import dev.pcx.api.model.ServiceRequest;
import dev.pcx.output.Column;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How tickets are shown: a listing of both channels' requests, and each kind in full. */
final class TicketColumns {
    private TicketColumns() {
    }

    private static Function<Object, String> either(Function<ServiceRequest, String> sr, Function<HandOff, String> h) {
        return o -> o instanceof ServiceRequest s ? sr.apply(s) : o instanceof HandOff x ? h.apply(x) : null;
    }

    /** Partner Center's requests and the hand-offs pcx prepared, in one listing; JSON keeps each one's own fields. */
    static final List<Column<Object>> LIST = List.of(
            Column.of("Id", either(ServiceRequest::id, HandOff::id)),
            Column.<Object>of("Channel", either(s -> "partner-center", HandOff::channel)).optional(2),
            Column.of("Status", either(ServiceRequest::status, h -> "prepared")),
            Column.of("Severity", either(ServiceRequest::severity, HandOff::severity)),
            Column.shrinking("Title", either(ServiceRequest::title, HandOff::title)),
            Column.<Object>of("Customer", either(s -> s.organization() == null ? null
                    : String.valueOf(s.organization().get("name")), HandOff::customerName)).optional(1),
            Column.<Object>of("Key", either(s -> TicketKeys.keyOf(s), HandOff::key)).optional(4),
            Column.<Object>of("Created", either(s -> ServiceRequest.date(s.createdDate()), HandOff::createdDateTime))
                    .optional(3));

    static final List<Column<ServiceRequest>> REQUEST = List.of(
            Column.of("Id", ServiceRequest::id),
            Column.of("Channel", s -> "Partner Center service request"),
            Column.of("Title", ServiceRequest::title),
            Column.of("Status", ServiceRequest::status),
            Column.of("Severity", ServiceRequest::severity),
            Column.of("Topic", ServiceRequest::supportTopicName),
            Column.of("Product", ServiceRequest::productName),
            Column.of("Organization", s -> s.organization() == null ? null : String.valueOf(s.organization().get("name"))),
            Column.of("Created", s -> ServiceRequest.date(s.createdDate())),
            Column.of("Modified", s -> ServiceRequest.date(s.lastModifiedDate())),
            Column.of("Closed", s -> ServiceRequest.date(s.lastClosedDate())),
            Column.of("Description", ServiceRequest::description),
            Column.of("Notes", s -> s.notesOrEmpty().stream()
                    .map(n -> "— " + n.createdDate() + " " + n.createdByName() + "\n" + n.text())
                    .collect(Collectors.joining("\n\n"))));
}
