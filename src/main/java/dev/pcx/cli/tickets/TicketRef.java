package dev.pcx.cli.tickets;

import dev.pcx.cli.CliException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which request a verb names, and on which channel, parsed once from what was typed: a hand-off
 * ({@code local-N}), a Partner Center service request (its number) or, with
 * {@code --azure-subscription}, an Azure support ticket (its name or its number).
 *
 * @param channel      where the request lives
 * @param id           the id as typed, trimmed
 * @param subscription the Azure subscription (Azure tickets only), else null
 */
record TicketRef(Channel channel, String id, String subscription) {
    /** Partner Center's ids: up to 16 digits, or digits, a dash and 13 digits. */
    private static final Pattern SERVICE_REQUEST = Pattern.compile("\\d{1,16}|\\d{1,6}-\\d{13}");

    /** The channels a request can be on, by the names listings and JSON give them. */
    enum Channel {
        HANDOFF("handoff"), PARTNER_CENTER("partner-center"), AZURE("azure");

        private final String wire;

        Channel(String wire) {
            this.wire = wire;
        }

        /** The name listings and {@code --source} use. */
        String wire() {
            return wire;
        }
    }

    /** Parses {@code id}; with {@code subscription} it is an Azure ticket's. A usage error when it is none. */
    static TicketRef parse(String id, String subscription) {
        String t = id == null ? "" : id.trim();
        if (subscription != null) {
            return new TicketRef(Channel.AZURE, t, AzureOptions.subscription(subscription));
        }
        if (isHandOff(t)) {
            return new TicketRef(Channel.HANDOFF, t, null);
        }
        if (SERVICE_REQUEST.matcher(t).matches()) {
            return new TicketRef(Channel.PARTNER_CENTER, t, null);
        }
        throw CliException.usage("'" + id + "' is not a request id: Partner Center's are numbers "
                + "(616122292874576), the requests pcx prepared local-N; an Azure support ticket's name goes "
                + "with --azure-subscription ID");
    }

    static boolean isHandOff(String id) {
        return id != null && id.trim().toLowerCase(Locale.ROOT).startsWith("local-");
    }
}
