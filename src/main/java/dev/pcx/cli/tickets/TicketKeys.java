package dev.pcx.cli.tickets;

import dev.pcx.api.model.ServiceRequest;
import dev.pcx.api.model.SupportResource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code pcx-key: KEY} line pcx writes into a request's text, found again in a filed request. */
final class TicketKeys {
    private static final Pattern LINE = Pattern.compile("(?m)^pcx-key: (\\S+)\\s*$");

    private TicketKeys() {
    }

    /** The key written in the request's description or notes, or null. */
    static String keyOf(ServiceRequest s) {
        String found = find(s.description());
        for (ServiceRequest.Note n : s.notesOrEmpty()) {
            if (found == null) {
                found = find(n.text());
            }
        }
        return found;
    }

    /** The key written in an Azure support ticket's description, or null. */
    static String keyOf(SupportResource t) {
        return find(t.text("description"));
    }

    private static String find(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LINE.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
