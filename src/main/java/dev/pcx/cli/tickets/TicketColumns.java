package dev.pcx.cli.tickets;

import dev.pcx.api.Json;
import dev.pcx.api.model.ServiceRequest;
import dev.pcx.api.model.SupportResource;
import dev.pcx.output.Column;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How a Partner Center service request and an Azure support ticket are shown in full. */
final class TicketColumns {
    private TicketColumns() {
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
        var c = Json.field(t.properties(), "contactDetails");
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
