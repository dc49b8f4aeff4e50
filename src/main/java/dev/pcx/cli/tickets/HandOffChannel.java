package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;
import dev.pcx.cli.Context;
import dev.pcx.cli.ExitCode;
import dev.pcx.output.Column;
import dev.pcx.output.DisplayWidth;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hand-offs pcx prepared, and their life as the desk keeps it locally: {@code prepared} →
 * {@code submitted} (the operator's case number) → notes → {@code closed}. Each step is written to
 * the ledger atomically under its lock; a step already taken is left unchanged (exit 0), one that
 * cannot be taken any more is refused as every operation a request does not offer is (exit 5).
 */
final class HandOffChannel extends TicketChannel<HandOff> {
    private static final Pattern REF = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._:/#-]{0,99}");

    /** A hand-off in full. */
    static final List<Column<HandOff>> DETAIL = List.of(
            Column.of("Id", HandOff::id),
            Column.of("Channel", HandOff::channel),
            Column.of("Status", HandOff::status),
            Column.of("Reference", HandOff::reference),
            Column.of("Key", HandOff::key),
            Column.of("Customer", h -> h.customerName() + " (" + h.customerDomain() + ")"),
            Column.of("Tenant", HandOff::customerTenantId),
            Column.of("Title", HandOff::title),
            Column.of("Severity", HandOff::severity),
            Column.of("Service", HandOff::service),
            Column.of("Prepared", HandOff::createdDateTime),
            Column.of("Submitted", HandOff::submittedDateTime),
            Column.of("Closed", HandOff::closedDateTime),
            Column.of("Portal path", HandOff::portalPath),
            Column.of("Links", h -> h.linksOrEmpty().stream().map(l -> l.name() + ": " + l.uri())
                    .collect(Collectors.joining("\n"))),
            Column.of("Description", HandOff::description),
            Column.of("Notes", HandOffChannel::notes));

    private final HandOffStore store;
    private final String customer;
    private int closedLeft;

    /** The hand-offs kept in {@code ledger}; a listing keeps {@code customer}'s (the text of -c), or every one. */
    HandOffChannel(Context context, Path ledger, String customer) {
        super(context, "hand-off", h -> !h.open());
        this.store = new HandOffStore(ledger);
        this.customer = customer;
    }

    /** The desk's notes on a hand-off, oldest first, as one text. */
    static String notes(HandOff h) {
        return h.notesOrEmpty().stream().map(n -> "— " + n.createdDateTime() + "\n" + n.text())
                .collect(Collectors.joining("\n\n"));
    }

    /** The hand-off kept as {@code id}; exit 4 when none is. */
    @Override
    HandOff get(String id) {
        HandOff h = store.byId(id.trim());
        if (h == null) {
            throw CliException.notFound("no hand-off '" + id.trim() + "' is kept in " + store.file().getParent()
                    + " (see them with: " + context.pcx("tickets list --status all") + ")");
        }
        return h;
    }

    /** Records that a person submitted {@code id} in the portal, as the operator's case {@code reference}. */
    HandOff submitted(String id, String reference) {
        String ref = reference == null ? "" : reference.trim();
        if (!REF.matcher(ref).matches()) {
            throw CliException.usage("'" + reference + "' is not a case number: up to 100 letters, digits, spaces and "
                    + ". _ : / # - (--ref)");
        }
        HandOff before = get(id);
        if (!before.open()) {
            throw new CliException(ExitCode.REFUSED, before.id() + " is closed (at " + before.closedDateTime()
                    + "): a closed hand-off is not submitted again; prepare a new request with '"
                    + context.pcx("tickets create") + "'");
        }
        if (ref.equals(before.reference())) {
            context.session().say(before.id() + " is already recorded as submitted, case " + ref + "; unchanged");
            return before;
        }
        HandOff after = store.update(before.id(), h -> h.submitted(ref, now()));
        context.session().say(before.reference() == null ? "recorded " + after.id() + " as submitted, case " + ref
                : "recorded the case of " + after.id() + " as " + ref + " (was " + before.reference() + ")");
        return after;
    }

    @Override
    HandOff note(String id, String text) {
        HandOff before = get(id);
        HandOff after = store.update(before.id(), h -> h.noted(new HandOff.Note(now(), text)));
        context.session().say("added a note to " + after.id() + " (" + after.status() + ", kept locally: the operator does "
                + "not see it; add it in the portal too)");
        return after;
    }

    @Override
    String named(HandOff h, String id) {
        return h.id();
    }

    @Override
    HandOff closeOpen(HandOff before, String id) {
        HandOff after = store.update(before.id(), h -> h.open() ? h.closed(now()) : h);
        context.session().say("closed " + after.id() + (after.reference() == null ? "" : " (case " + after.reference() + ")")
                + " in the desk's ledger; 'tickets list' no longer shows it (--status closed does)");
        return after;
    }

    /**
     * The hand-offs prepared on this run's cloud for the customer named (every one without -c):
     * open ones unless {@code status} says otherwise (every one when looking for a key); how many
     * closed ones that left out is said after the listing.
     */
    @Override
    List<HandOff> list(String status, String key) {
        String want = status != null ? status : key == null ? "open" : "all";
        String cloud = context.connections().connection().cloud().toString();
        List<HandOff> out = new ArrayList<>();
        closedLeft = 0;
        for (HandOff h : store.all()) {
            if ((customer == null || sameCustomer(h, customer)) && (h.cloud() == null || h.cloud().equalsIgnoreCase(cloud))
                    && (key == null || key.equals(h.key()))) {
                if (want.equals("all") || want.equals("open") == h.open() && !want.equals("attention_needed")) {
                    out.add(h);
                } else if (!h.open() && status == null) {
                    closedLeft++;
                }
            }
        }
        return out;
    }

    @Override
    void listed() {
        if (closedLeft > 0) {
            context.session().say(closedLeft + " closed hand-off" + (closedLeft == 1 ? " is" : "s are") + " not listed: "
                    + "--status closed lists them, --status all every one");
        }
    }

    /** Does {@code customerText} name the customer of {@code h}: its tenant id, domain, or the start of its name? */
    static boolean sameCustomer(HandOff h, String customerText) {
        String t = customerText.trim().toLowerCase(Locale.ROOT);
        return t.equals(lower(h.customerTenantId())) || t.equals(lower(h.customerDomain()))
                || h.customerName() != null && lower(h.customerName()).startsWith(t);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    @Override
    Ticket view(HandOff h) {
        return new Ticket(h.id(), TicketRef.Channel.HANDOFF, h.status(), h.severity(), h.title(), h.customerName(),
                h.reference(), h.key(), h.createdDateTime(), h);
    }

    @Override
    List<Column<HandOff>> fields() {
        return DETAIL;
    }

    /** A person gets the text to paste, then what became of it; a script, the kept request in its format. */
    @Override
    void show(HandOff h) {
        if (!context.output().forPeople()) {
            print(h);
            return;
        }
        // what someone typed (a title, a description file) is shown, not obeyed: no escape
        // sequence reaches the terminal or the pasted form; JSON keeps the text, escaped
        StringBuilder shown = new StringBuilder(h.text());
        if (!HandOff.PREPARED.equals(h.status()) || !h.notesOrEmpty().isEmpty()) {
            // what became of it, after the text: the text stays whole, ready to paste
            shown.append("\nStatus: ").append(h.status());
            if (h.reference() != null) {
                shown.append(", case ").append(h.reference()).append(" (submitted ").append(h.submittedDateTime())
                        .append(')');
            }
            if (h.closedDateTime() != null) {
                shown.append(", closed ").append(h.closedDateTime());
            }
            shown.append('\n');
            if (!h.notesOrEmpty().isEmpty()) {
                shown.append("Notes:\n").append(notes(h)).append('\n');
            }
        }
        context.io().out().print(DisplayWidth.scrub(shown.toString()));
        context.io().out().flush();
    }

    private String now() {
        return Instant.now(context.session().clock()).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
