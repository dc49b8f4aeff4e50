package dev.pcx.cli.tickets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * A request pcx prepared for a person to submit in a portal, because no API exists for it
 * (every 21Vianet request; Microsoft 365 requests on global), as kept in the local ledger and
 * printed by {@code -o json}. Its life is kept locally too: {@code prepared}, then {@code submitted}
 * (with the operator's case number), notes, then {@code closed}.
 *
 * @param id                pcx's own id for it ({@code local-1}, …): the operator gives the real number later
 * @param channel           always {@code handoff}
 * @param text              the whole request, ready to paste
 * @param status            {@code prepared}, {@code submitted} or {@code closed} (absent in a ledger written
 *                          before statuses were kept: prepared)
 * @param reference         the operator's case number, once a person submitted it
 * @param notes             what the desk recorded about it, oldest first
 * @param replayed          only in what {@code create} and {@code escalate} print: true when the request kept
 *                          for the {@code --key} was shown again instead of being prepared (its
 *                          {@code createdDateTime} is when it was first prepared); never kept
 */
@JsonPropertyOrder({"id", "channel", "status", "reference", "key", "replayed", "createdDateTime"})
public record HandOff(String id, String channel, String key, String cloud, String customerTenantId,
                      String customerDomain, String customerName, String title, String severity, String service,
                      String description, String createdDateTime, String portalPath, List<PortalLink> links,
                      String text, String status, String reference, String submittedDateTime,
                      String closedDateTime, List<Note> notes, Boolean replayed) {

    public static final String CHANNEL = "handoff";
    public static final String PREPARED = "prepared";
    public static final String SUBMITTED = "submitted";
    public static final String CLOSED = "closed";

    /** A link the person may follow to submit it. */
    public record PortalLink(String name, String uri) {
    }

    /** A note the desk recorded. */
    public record Note(String createdDateTime, String text) {
    }

    public List<PortalLink> linksOrEmpty() {
        return links == null ? List.of() : links;
    }

    public List<Note> notesOrEmpty() {
        return notes == null ? List.of() : notes;
    }

    /** {@code prepared}, {@code submitted} or {@code closed}. */
    @Override
    public String status() {
        return status == null ? PREPARED : status;
    }

    /** Whether the desk still has to follow it (not closed). */
    @JsonIgnore
    public boolean open() {
        return !CLOSED.equals(status());
    }

    /** This hand-off submitted as {@code reference} at {@code at}. */
    HandOff submitted(String ref, String at) {
        return new HandOff(id, channel, key, cloud, customerTenantId, customerDomain, customerName, title, severity,
                service, description, createdDateTime, portalPath, links, text, SUBMITTED, ref, at, closedDateTime,
                notes, null);
    }

    /** This hand-off with {@code note} added. */
    HandOff noted(Note note) {
        List<Note> all = new ArrayList<>(notesOrEmpty());
        all.add(note);
        return new HandOff(id, channel, key, cloud, customerTenantId, customerDomain, customerName, title, severity,
                service, description, createdDateTime, portalPath, links, text, status(), reference, submittedDateTime,
                closedDateTime, List.copyOf(all), null);
    }

    /** This hand-off closed at {@code at}. */
    HandOff closed(String at) {
        return new HandOff(id, channel, key, cloud, customerTenantId, customerDomain, customerName, title, severity,
                service, description, createdDateTime, portalPath, links, text, CLOSED, reference, submittedDateTime, at,
                notes, null);
    }

    /** As printed by a create or escalate: {@code replayed} says whether it was kept before. */
    HandOff shown(boolean wasReplayed) {
        return new HandOff(id, channel, key, cloud, customerTenantId, customerDomain, customerName, title, severity,
                service, description, createdDateTime, portalPath, links, text, status(), reference, submittedDateTime,
                closedDateTime, notes, wasReplayed);
    }
}
