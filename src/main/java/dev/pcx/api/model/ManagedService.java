package dev.pcx.api.model;

/**
 * A managed service of a customer: the admin portal, service health and service ticket links a
 * partner uses on the customer's behalf (absolute URLs, unlike other links).
 */
public record ManagedService(String id, String name, String groupName, Links links, Attributes attributes) {

    public String link(String name) {
        return links == null ? null : links.get(name).map(Link::uri).orElse(null);
    }
}
