package dev.pcx.cli.tickets;

import java.util.List;

/**
 * A request pcx prepared for a person to submit in a portal, because no API exists for it
 * (every 21Vianet request; Microsoft 365 requests on global), as kept in the local state and
 * printed by {@code -o json}.
 *
 * @param id      pcx's own id for it ({@code local-1}, …): the operator gives the real number later
 * @param channel always {@code handoff}
 * @param text    the whole request, ready to paste
 */
public record HandOff(String id, String channel, String key, String cloud, String customerTenantId,
                      String customerDomain, String customerName, String title, String severity, String service,
                      String description, String createdDateTime, String portalPath, List<PortalLink> links,
                      String text) {

    public static final String CHANNEL = "handoff";

    /** A link the person may follow to submit it. */
    public record PortalLink(String name, String uri) {
    }

    public List<PortalLink> linksOrEmpty() {
        return links == null ? List.of() : links;
    }
}
