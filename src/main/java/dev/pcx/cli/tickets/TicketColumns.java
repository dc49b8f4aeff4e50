package dev.pcx.cli.tickets;

import dev.pcx.api.model.ServiceRequest;
import dev.pcx.api.model.SupportResource;
import dev.pcx.output.Column;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How tickets are shown: a listing of both channels' requests, and each kind in full. */
final class TicketColumns {
    private TicketColumns() {
    }

    private static Function<Object, String> either(Function<ServiceRequest, String> sr, Function<HandOff, String> h,
                                                   Function<SupportResource, String> az) {
        return o -> o instanceof ServiceRequest s ? sr.apply(s) : o instanceof HandOff x ? h.apply(x)
                : o instanceof SupportResource t ? az.apply(t) : null;
    }

    /** The channel an Azure support ticket came through, in listings. */
    static final String AZURE_CHANNEL = "azure";

    /**
     * Partner Center's requests, Azure support tickets and the hand-offs pcx prepared, in one
     * listing; JSON keeps each one's own fields.
     */
    static final List<Column<Object>> LIST = List.of(
            Column.of("Id", either(ServiceRequest::id, HandOff::id, SupportResource::name)),
            Column.<Object>of("Channel", either(s -> "partner-center", HandOff::channel, t -> AZURE_CHANNEL)).optional(2),
            Column.of("Status", either(ServiceRequest::status, HandOff::status,
                    t -> lower(t.text("status")))),
            Column.<Object>of("Reference", either(s -> null, HandOff::reference, t -> t.text("supportTicketId")))
                    .optional(2),
            Column.of("Severity", either(ServiceRequest::severity, HandOff::severity, t -> t.text("severity"))),
            Column.shrinking("Title", either(ServiceRequest::title, HandOff::title, t -> t.text("title"))),
            Column.<Object>of("Customer", either(s -> s.organization() == null ? null
                    : String.valueOf(s.organization().get("name")), HandOff::customerName, t -> null)).optional(1),
            Column.<Object>of("Key", either(s -> TicketKeys.keyOf(s), HandOff::key, TicketKeys::keyOf)).optional(4),
            Column.<Object>of("Created", either(s -> ServiceRequest.date(s.createdDate()), HandOff::createdDateTime,
                    t -> t.text("createdDate"))).optional(3));

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    /** An Azure support ticket in full (partner-center-api.md §6.2); JSON gives it as Azure sent it. */
    static final List<Column<SupportResource>> AZURE = List.of(
            Column.of("Name", SupportResource::name),
            Column.of("Channel", t -> "Azure support ticket (Azure Support API)"),
            Column.of("Number", t -> t.text("supportTicketId")),
            Column.of("Title", t -> t.text("title")),
            Column.of("Status", t -> t.text("status")),
            Column.of("Severity", t -> t.text("severity")),
            Column.of("Service", t -> t.text("serviceId")),
            Column.of("Problem", t -> t.text("problemClassificationId")),
            Column.of("Support plan", t -> t.text("supportPlanType")),
            Column.of("Contact", t -> t.properties() == null ? null : contact(t)),
            Column.of("Created", t -> t.text("createdDate")),
            Column.of("Modified", t -> t.text("modifiedDate")),
            Column.of("Resource", SupportResource::id),
            Column.of("Description", t -> t.text("description")));

    private static String contact(SupportResource t) {
        var c = dev.pcx.api.Json.field(t.properties(), "contactDetails");
        if (c == null || !c.isObject()) {
            return null;
        }
        return (c.path("firstName").asText("") + " " + c.path("lastName").asText("")).trim() + " <"
                + c.path("primaryEmailAddress").asText("") + ">";
    }

    /** An Azure ticket's communications, oldest first, as one text. */
    static String thread(List<SupportResource> communications) {
        return communications.stream().map(m -> "— " + (m.text("sender") == null ? "" : m.text("sender")) + ": "
                + m.text("subject") + "\n" + m.text("body")).collect(Collectors.joining("\n\n"));
    }

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
